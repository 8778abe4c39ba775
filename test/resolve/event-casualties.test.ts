import { test } from 'node:test';
import assert from 'node:assert/strict';
import { casualtiesForSentences } from '../../src/resolve/event-casualties.ts';
import type { CasualtyMention } from '../../src/mentions/types.ts';

function killed(sentence: number, count: number): CasualtyMention {
  return { kind: 'casualty', sentence, start: sentence * 100, end: sentence * 100 + 10, text: `${count} killed`, outcome: 'killed', count, basis: 'exact', rule: 'exact' };
}

test('counts in one sentence add up, and a report restating its figure keeps the largest', () => {
  assert.equal(casualtiesForSentences([0, 1], [killed(0, 3), killed(0, 2), killed(1, 4)]).fatalities, 5);
});

test('when different claimants give different figures, the lowest is kept (the most conservative estimate)', () => {
  const claimants = new Map([[1, 'Al Shabaab'], [2, 'Military Forces of Somalia']]);
  const result = casualtiesForSentences([0, 1, 2], [killed(1, 7), killed(2, 2)], (s) => claimants.get(s) ?? null);
  assert.equal(result.fatalities, 2);
  assert.equal(result.basis, 'exact');
  assert.equal(result.spans.length, 2, 'both figures stay in the evidence');
});

test('a party\'s claim does not raise the figure the report itself gives', () => {
  const result = casualtiesForSentences([0, 1], [killed(0, 3), killed(1, 18)], (s) => (s === 1 ? 'HPG' : null));
  assert.equal(result.fatalities, 3);
});

test('figures of one claimant in several sentences restate each other: the largest is kept', () => {
  const result = casualtiesForSentences([0, 1], [killed(0, 3), killed(1, 5)], () => 'Police Forces of Nigeria');
  assert.equal(result.fatalities, 5);
});

test('casualties are not deaths: 0 with basis "unknown"; "no casualties" is 0 "exact"', () => {
  const casualties = (count: number, basis: CasualtyMention['basis']): CasualtyMention => ({ ...killed(0, count), outcome: 'casualties', basis });
  assert.deepEqual([casualtiesForSentences([0], [casualties(10, 'vague')])].map((r) => [r.fatalities, r.basis, r.spans.length]), [[0, 'unknown', 1]]);
  assert.equal(casualtiesForSentences([0], [casualties(0, 'exact')]).basis, 'exact');
  assert.equal(casualtiesForSentences([0], [casualties(10, 'vague'), killed(0, 2)]).fatalities, 2);
});

test('two claimants in one sentence: each half is a claimant, and the lowest is kept', () => {
  const result = casualtiesForSentences([0], [killed(0, 35), { ...killed(0, 7), voice: 1 }], () => 'Taliban');
  assert.equal(result.fatalities, 7);
});
