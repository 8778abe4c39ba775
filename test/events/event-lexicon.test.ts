import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEventLexicon } from '../../src/events/event-lexicon.ts';

test('the shipped lexicon covers all 25 ACLED sub-event types', () => {
  const subTypes = new Set([...loadEventLexicon().codes.values()].map((c) => c.sub_event_type));
  // Refinement adds the two sub-types that depend on actors; the lexicon names the other 23 directly.
  subTypes.add('Non-state actor overtakes territory');
  assert.equal(subTypes.size >= 25, true, `sub-types: ${[...subTypes].join(', ')}`);
});

test('a trigger that names an unknown code is rejected with the file and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));
  const shipped = new URL('../../data/lexicons/', import.meta.url);
  writeFileSync(join(dir, 'event-codes.yaml'), readFileSync(new URL('event-codes.yaml', shipped)));
  writeFileSync(join(dir, 'event-triggers.yaml'), 'triggers:\n  - code: no_such_code\n    phrases: [bang]\n');
  assert.throws(() => loadEventLexicon(pathToFileURL(`${dir}/`)), /event-triggers\.yaml: triggers\.0\.code: unknown event code "no_such_code"/);
});

test('a code with a missing field is rejected naming the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-lexicon-'));
  writeFileSync(join(dir, 'event-codes.yaml'), 'codes:\n  broken:\n    event_type: Battles\n');
  writeFileSync(join(dir, 'event-triggers.yaml'), 'triggers: []\n');
  assert.throws(() => loadEventLexicon(pathToFileURL(`${dir}/`)), /event-codes\.yaml: codes\.broken\.sub_event_type/);
});

test('PLOVER-only codes have no ACLED type, and no PLOVER-only phrase hides an ACLED predicate inside it', () => {
  const lexicon = loadEventLexicon();
  const ploverOnly = [...lexicon.codes.values()].filter((c) => c.event_type === null);
  assert.ok(ploverOnly.length > 0);
  assert.ok(ploverOnly.every((c) => c.sub_event_type === null));
  // Phrases are matched longest first, so a PLOVER-only phrase that contains a whole ACLED phrase after its
  // first word ("joint patrol" over "patrol") would silently remove an ACLED event.
  const containsAcled = (words: string[]): boolean => words.some((_, k) => k > 0
    && (lexicon.byFirstWord.get(words[k]!) ?? []).some((p) => p.code.event_type !== null
      && p.words.every((w, j) => words[k + j] === w)));
  const hiding = [...lexicon.byFirstWord.values()].flat()
    .filter((p) => p.code.event_type === null && containsAcled(p.words))
    .map((p) => p.words.join(' '));
  // The deliberate ones: where the manual reads the whole phrase otherwise than its last words (a declared
  // ceasefire is a concession, a diplomatic protest an accusation, house arrest a restriction, an arrest warrant
  // a threat, a cyber attack coercion, a missile test or deployment mobilisation, a blockade imposed by a state coercion).
  const deliberate = ['deploy missiles', 'deployed missiles', 'announced a ceasefire', 'announced a truce', 'imposed a blockade',
    'declared a ceasefire', 'declared a truce', 'unilateral ceasefire', 'lodged a protest', 'lodge a protest', 'diplomatic protest',
    'formal protest', 'issued an arrest warrant', 'warrant for the arrest', 'placed under house arrest', 'house arrest',
    'cyber - attack', 'cyber attack', 'cyber attacks', 'tested a missile'];
  assert.deepEqual(hiding.filter((h) => !deliberate.includes(h)), []);
});
