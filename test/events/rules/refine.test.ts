import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refineCoding } from '../../../src/events/rules/refine.ts';
import { CODES, docOf, draft, resolved, roleActor, trigger } from './fixtures.ts';

const doc = docOf('Soldiers were attacked near the border.');
const main = trigger(doc, 0, 'attacked', CODES.attack, { passive: true });
const soldiers = resolved('army', 'state');

test('an attack on soldiers by an unidentified armed group is a battle, read from the final actors', () => {
  const done = refineCoding(draft(doc, main, { actor1: roleActor('unidentified', 'Freedonia'), actor2: soldiers, country: 'Freedonia' }));
  assert.deepEqual([done.coding.event_type, done.coding.sub_event_type, done.inter1, done.inter2], ['Battles', 'Armed clash', 3, 1]);
});

test('an event ACLED does not code keeps its PLOVER category but no ACLED type', () => {
  const notCoded = { reason: 'statement', start: 0, end: 1, text: 'S' };
  const done = refineCoding(draft(doc, main, { actor2: soldiers, notCoded }));
  assert.deepEqual([done.coding.event_type, done.coding.sub_event_type, done.coding.plover], [null, null, 'ASSAULT']);
});

test('police breaking up a protest coerce the crowd in PLOVER terms; ACLED still codes the protest', () => {
  const text = docOf('Police dispersed the protest.');
  const protest = trigger(text, 0, 'protest', CODES.protest);
  const dispersed = trigger(text, 0, 'dispersed', CODES.dispersed);
  const done = refineCoding(draft(text, protest, {
    frame: { modifiers: [dispersed] }, actor1: roleActor('protesters', null), actor2: soldiers, stateActsOnCrowd: true,
  }));
  assert.deepEqual([done.coding.event_type, done.coding.sub_event_type, done.coding.plover, done.coding.mode], ['Protests', 'Protest with intervention', 'COERCE', 'restrict']);
  const unsaid = refineCoding(draft(text, protest, { frame: { modifiers: [dispersed] }, actor1: roleActor('protesters', null) }));
  assert.equal(unsaid.coding.plover, 'PROTEST');
});
