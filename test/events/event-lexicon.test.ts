import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadEventLexicon, eventLexicon } from '../../src/events/event-lexicon.ts';

test('the shipped lexicon covers all 25 ACLED sub-event types', () => {
  const subTypes = new Set([...eventLexicon().codes.values()].map((c) => c.sub_event_type));
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
