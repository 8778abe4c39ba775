import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { findTriggers } from '../../src/events/find-triggers.ts';
import { loadEventLexicon } from '../../src/events/event-lexicon.ts';

const lexicon = loadEventLexicon();

function codesIn(text: string): string[] {
  return findTriggers(analyseText(text), lexicon).map((t) => t.code.name);
}

function triggersIn(text: string) {
  return findTriggers(analyseText(text), lexicon);
}

test('codes "airstrikes" as an air/drone strike', () => {
  assert.ok(codesIn('Warplanes carried out airstrikes on the village.').includes('air_strike'));
});

test('the longest phrase wins: "air strike" is not read as a labour strike', () => {
  const codes = codesIn('An air strike hit the market.');
  assert.ok(codes.includes('air_strike'));
  assert.ok(!codes.includes('protest'));
});

test('an IED found and defused is disrupted weapons use, not an explosion', () => {
  const codes = codesIn('Police found and defused an IED near the bridge.');
  assert.ok(codes.includes('disrupted_weapons'));
  assert.ok(!codes.includes('explosion'));
});

test('matches lemmas: "shelled" matches the phrase "shell"', () => {
  assert.ok(codesIn('Government forces shelled the town.').includes('shelling'));
});

test('offsets of a trigger point at its words in the text', () => {
  const text = 'On Sunday, rebels ambushed an army convoy.';
  const trigger = triggersIn(text).find((t) => t.code.name === 'armed_assault');
  assert.ok(trigger);
  assert.equal(text.slice(trigger.start, trigger.end), 'ambushed');
});

test('flags a negated predicate', () => {
  const trigger = triggersIn('The army did not attack the rebels.').find((t) => t.code.name === 'attack');
  assert.equal(trigger?.modality, 'negated');
});

test('flags a future predicate', () => {
  const trigger = triggersIn('Workers will protest outside the ministry.').find((t) => t.code.name === 'protest');
  assert.equal(trigger?.modality, 'future');
});

test('flags a hypothetical predicate', () => {
  const trigger = triggersIn('The group threatened to attack the base.').find((t) => t.code.name === 'attack');
  assert.equal(trigger?.modality, 'hypothetical');
});

test('recognises the passive voice', () => {
  const trigger = triggersIn('A long tunnel was detonated in missile attacks.').find((t) => t.text === 'detonated');
  assert.equal(trigger?.passive, true);
  const active = triggersIn('Rebels detonated a tunnel.').find((t) => t.text === 'detonated');
  assert.equal(active?.passive, false);
});

test('a hyphenated phrase matches whether the tokenizer splits it ("shoot-out") or not ("counter-attack")', () => {
  const codes = (text: string) => findTriggers(analyseText(text), lexicon).map((t) => t.code.event_type);
  assert.deepEqual(codes('A shoot-out broke out near the market.'), ['Battles']);
  assert.deepEqual(codes('The counter-attack began at dawn.'), ['Battles']);
});
