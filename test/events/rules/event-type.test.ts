import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Coding } from '../../../src/events/refine-event-type.ts';
import { applyModifiers, interOf, readEventType } from '../../../src/events/rules/event-type.ts';
import { actor, CODES, docOf, draft, eventCode, resolved, trigger } from './fixtures.ts';

const doc = docOf('Students protested in the capital and police dispersed them, arresting some.');
const protest: Coding = { event_type: 'Protests', sub_event_type: 'Peaceful protest', plover: 'PROTEST', mode: 'demo' };
const modifier = (name: string): ReturnType<typeof trigger> => trigger(doc, 0, 'dispersed', eventCode({ name, role: 'modifier' }));
const frameWith = (...names: string[]): { main: ReturnType<typeof trigger>; sentences: number[]; modifiers: ReturnType<typeof trigger>[] } =>
  ({ main: trigger(doc, 0, 'protested', CODES.protest), sentences: [0], modifiers: names.map(modifier) });

test('stones thrown by the crowd make a protest a riot', () => {
  assert.deepEqual(applyModifiers(protest, frameWith('riot_act'), false), { ...protest, event_type: 'Riots', sub_event_type: 'Violent demonstration', mode: 'riot' });
});

test('a crowd dispersed or arrested is a protest with intervention, whoever is named', () => {
  assert.equal(applyModifiers(protest, frameWith('protest_intervention'), false).sub_event_type, 'Protest with intervention');
  assert.equal(applyModifiers(protest, frameWith('arrest'), false).sub_event_type, 'Protest with intervention');
});

test('protesters fired on are excessive force only when state forces are named', () => {
  assert.equal(applyModifiers(protest, frameWith('force_on_protesters'), true).sub_event_type, 'Excessive force against protesters');
  assert.equal(applyModifiers(protest, frameWith('force_on_protesters'), false).sub_event_type, 'Peaceful protest');
  assert.equal(applyModifiers(protest, frameWith('excessive_force'), false).sub_event_type, 'Excessive force against protesters');
});

test('modifiers change only a protest', () => {
  const battle: Coding = { event_type: 'Battles', sub_event_type: 'Armed clash', plover: 'ASSAULT', mode: null };
  assert.equal(applyModifiers(battle, frameWith('riot_act'), true), battle);
});

test('state forces abroad are external forces in the interaction codes', () => {
  const army = resolved('army', 'state', 'Freedonia');
  assert.deepEqual([interOf(army, 'Freedonia'), interOf(army, 'Sylvania'), interOf(army, null), interOf(null, 'Freedonia')], [1, 8, 1, 0]);
});

test('an attack by rebels on an army post is first read as a battle', () => {
  const text = docOf('Rebels attacked an army post.');
  const rebels = actor(text, 0, 'rebels', resolved('rebels', 'rebel'));
  const army = actor(text, 0, 'army', resolved('army', 'state'));
  const read = readEventType(draft(text, trigger(text, 0, 'attacked', CODES.attack), { roles: { actor1: rebels, assoc1: null, actor2: army, assoc2: null } }), { actors: [rebels, army] });
  assert.deepEqual([read.actor1, read.actor2, read.stateForcesNamed], [rebels.actor, army.actor, true]);
  assert.deepEqual([read.coding.event_type, read.coding.sub_event_type], ['Battles', 'Armed clash']);
});

test('state forces named anywhere in the event, even as its source, let fire on protesters be excessive force', () => {
  const text = docOf('Protesters were fired on, the army said.');
  const army = actor(text, 0, 'army', resolved('army', 'state'));
  const main = trigger(text, 0, 'protesters', CODES.protest);
  const fired = trigger(text, 0, 'fired', eventCode({ name: 'force_on_protesters', role: 'modifier' }));
  const read = readEventType(draft(text, main, { frame: { modifiers: [fired] } }), { actors: [army] });
  assert.equal(read.coding.sub_event_type, 'Excessive force against protesters');
});
