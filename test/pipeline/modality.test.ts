import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../src/pipeline.ts';
import type { Article } from '../../src/ingest/types.ts';

const article = (text: string): Article => ({ id: 'm', origin: 'test', title: null, text, url: null, source: null, published: '2020-05-07', byline: null });

test('negated, hypothetical and future events are not facts, and come back marked when asked for', () => {
  const text = 'The rebels did not attack the town. The army threatened to shell the village. Protesters will march on Friday. Gunmen attacked a bus.';
  const facts = codeArticle(article(text));
  // The threat itself is a fact (PLOVER THREATEN, with no ACLED counterpart); the shelling it threatens is not.
  assert.deepEqual(facts.map((e) => [e.event_type, e.plover_event, e.sentence.text.slice(0, 14)]), [
    [null, 'THREATEN', 'The army threa'],
    ['Violence against civilians', 'ASSAULT', 'Gunmen attacke'],
  ]);

  const all = codeArticle(article(text), undefined, { includeFlagged: true });
  const flagged = all.filter((e) => e.modality !== 'asserted').map((e) => [e.modality, e.sentence.text.slice(0, 14)]);
  assert.deepEqual(flagged.sort(), [['future', 'Protesters wil'], ['hypothetical', 'The army threa'], ['negated', 'The rebels did']]);
});
