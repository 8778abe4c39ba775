import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refineEventType } from '../../src/events/refine-event-type.ts';
import { loadEventLexicon } from '../../src/events/event-lexicon.ts';

const lexicon = loadEventLexicon();

const code = (name: string) => {
  const found = lexicon.codes.get(name);
  assert.ok(found, `code ${name} exists`);
  return found;
};

test('an attack between two armed actors is a battle', () => {
  const coding = refineEventType(code('attack'), 2, 1);
  assert.equal(coding.event_type, 'Battles');
  assert.equal(coding.sub_event_type, 'Armed clash');
});

test('an attack on civilians is violence against civilians', () => {
  const coding = refineEventType(code('attack'), 3, 7);
  assert.equal(coding.event_type, 'Violence against civilians');
  assert.equal(coding.sub_event_type, 'Attack');
});

test('an attack by a crowd is mob violence', () => {
  assert.equal(refineEventType(code('attack'), 5, 7).sub_event_type, 'Mob violence');
});

test('territory taken by state forces is "Government regains territory"', () => {
  assert.equal(refineEventType(code('territory'), 1, 2).sub_event_type, 'Government regains territory');
});

test('territory taken by a rebel group is "Non-state actor overtakes territory"', () => {
  assert.equal(refineEventType(code('territory'), 2, 1).sub_event_type, 'Non-state actor overtakes territory');
});

test('a clash between protesters and police is a violent demonstration', () => {
  const coding = refineEventType(code('armed_clash'), 6, 1);
  assert.equal(coding.event_type, 'Riots');
  assert.equal(coding.sub_event_type, 'Violent demonstration');
});
