import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Coding } from '../../../src/events/refine-event-type.ts';
import { crowdActors } from '../../../src/events/rules/crowd.ts';
import { actor, CODES, docOf, draft, resolved, roleActor, trigger } from './fixtures.ts';

const doc = docOf('Teachers protested outside the ministry and police dispersed them.');
const main = trigger(doc, 0, 'protested', CODES.protest);
const teachers = resolved('teachers', 'civilians');
const police = resolved('police', 'state');
const coded = (sub_event_type: string): Coding => ({ event_type: 'Protests', sub_event_type, plover: 'PROTEST', mode: 'demo' });

test('the crowd is actor1 of its protest; the group it came from is its associate', () => {
  const done = crowdActors(draft(doc, main, { actor1: teachers, coding: coded('Peaceful protest'), country: 'Freedonia' }), { roleActor });
  assert.deepEqual([done.actor1, done.assoc1, done.actor2], [roleActor('protesters', 'Freedonia'), teachers, null]);
});

test('state forces named first face the crowd they dispersed', () => {
  const done = crowdActors(draft(doc, main, { actor1: police, coding: coded('Protest with intervention') }), { roleActor });
  assert.deepEqual([done.actor1?.kind, done.actor2, done.assoc1, done.stateActsOnCrowd], ['protesters', police, null, true]);
});

test('state forces named anywhere in the event face the crowd when the sentence names no second side', () => {
  const officers = actor(doc, 0, 'police', police);
  const done = crowdActors(draft(doc, main, { coding: coded('Protest with intervention'), participants: [officers] }), { roleActor });
  assert.equal(done.actor2, police);
});

test('someone intervened: when the report does not say who, the police did', () => {
  const done = crowdActors(draft(doc, main, { coding: coded('Excessive force against protesters'), country: 'Freedonia' }), { roleActor });
  assert.deepEqual(done.actor2, roleActor('police', 'Freedonia'));
});

test('a mob attacks civilians when no one else is named', () => {
  const mob: Coding = { event_type: 'Riots', sub_event_type: 'Mob violence', plover: 'ASSAULT', mode: null };
  const done = crowdActors(draft(doc, main, { actor1: teachers, coding: mob }), { roleActor });
  assert.deepEqual([done.actor1?.kind, done.assoc1, done.actor2?.kind], ['rioters', null, 'civilians']);
});

test('what a peaceful protest is against is its cause, not a second side', () => {
  const ministry = resolved('ministry', 'state');
  const done = crowdActors(draft(doc, main, { actor1: teachers, actor2: ministry, coding: coded('Peaceful protest') }), { roleActor });
  assert.equal(done.actor2, null);
});

test('events of other kinds keep their actors; only whether state forces acted is read', () => {
  const battle: Coding = { event_type: 'Battles', sub_event_type: 'Armed clash', plover: 'ASSAULT', mode: null };
  const before = draft(doc, main, { actor1: police, actor2: teachers, coding: battle });
  assert.deepEqual(crowdActors(before, { roleActor }), { ...before, stateActsOnCrowd: true });
});
