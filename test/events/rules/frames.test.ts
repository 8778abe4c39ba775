import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFrames, frameEvents, mainEvent } from '../../../src/events/rules/frames.ts';
import { actor, CODES, context, docOf, LEXICONS, resolved, trigger } from './fixtures.ts';

const noPlace = (): null => null;

test('a clash is the event of its sentence though a shelling word weighs more', () => {
  const doc = docOf('Troops clashed with rebels and shelled the village.');
  const clash = trigger(doc, 0, 'clashed', CODES.clash);
  const shelling = trigger(doc, 0, 'shelled', CODES.shelling);
  assert.equal(mainEvent([shelling, clash], LEXICONS.segmentation, doc.sentences[0]), clash);
});

test('a suicide bombing is the event whatever else its sentence reports', () => {
  const doc = docOf('Troops clashed with rebels after a suicide bombing.');
  const bombing = trigger(doc, 0, 'suicide bombing', CODES.suicideBomb);
  assert.equal(mainEvent([trigger(doc, 0, 'clashed', CODES.clash), bombing], LEXICONS.segmentation), bombing);
});

test('a following sentence that only counts the dead goes on telling the attack', () => {
  const doc = docOf('Gunmen attacked a village on Monday. Four people were killed.');
  const frames = buildFrames([trigger(doc, 0, 'attacked', CODES.attack), trigger(doc, 1, 'killed', CODES.killed)], [], doc, new Set(), noPlace, LEXICONS.segmentation);
  assert.deepEqual(frames.map((f) => [f.main.text, f.sentences]), [['attacked', [0, 1]]]);
});

test('a protest after an attack, with its own actors, is an event of its own', () => {
  const doc = docOf('Rebels attacked a checkpoint on Monday. Students protested in the capital on Tuesday.');
  const students = actor(doc, 1, 'students', resolved('students', 'protesters'));
  const frames = buildFrames([trigger(doc, 0, 'attacked', CODES.attack), trigger(doc, 1, 'protested', CODES.protest)], [students], doc, new Set(), noPlace, LEXICONS.segmentation);
  assert.deepEqual(frames.map((f) => f.sentences), [[0], [1]]);
});

test('a sentence saying who did it is read into the event before it, not an event of its own', () => {
  const doc = docOf('A convoy was attacked on Monday. Nobody has yet claimed the attack. A little known group later claimed it.');
  const frames = buildFrames([trigger(doc, 0, 'attacked', CODES.attack)], [], doc, new Set([2]), noPlace, LEXICONS.segmentation);
  assert.deepEqual(frames.map((f) => f.sentences), [[0, 2]]);
});

test('the crowd throwing stones after a protest changes that protest', () => {
  const doc = docOf('Hundreds protested in the capital. Some of them threw stones.');
  const stones = trigger(doc, 1, 'threw stones', CODES.stones);
  const frames = buildFrames([trigger(doc, 0, 'protested', CODES.protest), stones], [], doc, new Set(), noPlace, LEXICONS.segmentation);
  assert.equal(frames.length, 1);
  assert.deepEqual(frames[0]!.modifiers, [stones]);
});

test('a place named for the second sentence\'s event that differs from the first\'s opens a second event', () => {
  const doc = docOf('Hundreds protested in Alphaville. In Betatown, crowds protested too.');
  const placeNamed = (sentence: number): string => (sentence === 0 ? 'Alphaville' : 'Betatown');
  const triggers = [trigger(doc, 0, 'protested', CODES.protest), trigger(doc, 1, 'protested', CODES.protest)];
  assert.equal(buildFrames(triggers, [], doc, new Set(), placeNamed, LEXICONS.segmentation).length, 2);
  assert.equal(buildFrames(triggers, [], doc, new Set(), noPlace, LEXICONS.segmentation).length, 1);
});

test('a weapon that is a word of an actor\'s name frames no event of its own', () => {
  const doc = docOf('A regime sniper shot a farmer.');
  const sniper = actor(doc, 0, 'regime sniper', resolved('regime', 'state'));
  const frames = frameEvents(context(doc, {
    actors: [sniper],
    triggers: [trigger(doc, 0, 'sniper', CODES.sniper), trigger(doc, 0, 'shot', CODES.attack)],
  }));
  assert.deepEqual(frames.map((f) => f.main.text), ['shot']);
});

test('an announced attack is a PLOVER threat; coded with the flagged events, it is also an event of its own', () => {
  const doc = docOf('Rebels will attack the town.');
  const triggers = [trigger(doc, 0, 'attack', CODES.attack, { modality: 'future' })];
  const facts = frameEvents(context(doc, { triggers }));
  assert.deepEqual(facts.map((f) => [f.main.code.plover, f.main.modality]), [['THREATEN', 'asserted']]);
  const all = frameEvents(context(doc, { triggers, includeFlagged: true }));
  assert.deepEqual(all.map((f) => [f.main.code.plover, f.main.modality]), [['THREATEN', 'asserted'], ['ASSAULT', 'future']]);
});
