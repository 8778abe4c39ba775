import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Coding } from '../../../src/events/refine-event-type.ts';
import { victimActors } from '../../../src/events/rules/victims.ts';
import { CODES, docOf, draft, resolved, roleActor, trigger } from './fixtures.ts';

const doc = docOf('A shepherd was found shot dead near the village.');
const main = trigger(doc, 0, 'shot', CODES.attack);
const attack: Coding = { event_type: 'Violence against civilians', sub_event_type: 'Attack', plover: 'ASSAULT', mode: null };
const shepherd = resolved('shepherd', 'civilians');

test('a civilian named first is the one attacked, by an unidentified armed group', () => {
  const done = victimActors(draft(doc, main, { actor1: shepherd, coding: attack, country: 'Freedonia' }), { roleActor });
  assert.deepEqual([done.actor1, done.actor2], [roleActor('unidentified', 'Freedonia'), shepherd]);
});

test('violence against civilians whose victims are not named is against civilians', () => {
  const gunmen = resolved('gunmen', 'political_militia');
  const done = victimActors(draft(doc, main, { actor1: gunmen, coding: attack }), { roleActor });
  assert.deepEqual([done.actor1, done.actor2?.kind], [gunmen, 'civilians']);
});

test('a battle keeps a missing second side missing', () => {
  const battle: Coding = { event_type: 'Battles', sub_event_type: 'Armed clash', plover: 'ASSAULT', mode: null };
  const done = victimActors(draft(doc, main, { coding: battle }), { roleActor });
  assert.deepEqual([done.actor1?.id, done.actor2], ['unidentified-role', null]);
});

test('a civilian named in a protest stays where it is', () => {
  const protest: Coding = { event_type: 'Protests', sub_event_type: 'Peaceful protest', plover: 'PROTEST', mode: null };
  const before = draft(doc, main, { actor1: shepherd, coding: protest });
  assert.deepEqual(victimActors(before, { roleActor }), before);
});
