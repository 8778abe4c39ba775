import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignEventRoles } from '../../../src/events/rules/roles.ts';
import { actor, CODES, docOf, draft, resolved, trigger } from './fixtures.ts';

test('a clash whose two sides are both named before the verb has them as actor1 and actor2', () => {
  const doc = docOf('Army troops and rebels clashed near the river.');
  const troops = actor(doc, 0, 'army troops', resolved('army', 'state'));
  const rebels = actor(doc, 0, 'rebels', resolved('rebels', 'rebel'));
  const { roles } = assignEventRoles(draft(doc, trigger(doc, 0, 'clashed', CODES.clash)), { actors: [troops, rebels], sources: new Set(), accusers: new Set() });
  assert.deepEqual([roles.actor1, roles.assoc1, roles.actor2], [troops, null, rebels]);
});

test('a source takes no role in the event it reports', () => {
  const doc = docOf('Gunmen attacked the village, police said.');
  const gunmen = actor(doc, 0, 'gunmen', resolved('gunmen', 'political_militia'));
  const police = actor(doc, 0, 'police', resolved('police', 'state'));
  const main = trigger(doc, 0, 'attacked', CODES.attack);
  const asReported = assignEventRoles(draft(doc, main), { actors: [gunmen, police], sources: new Set([police]), accusers: new Set() });
  assert.deepEqual([asReported.roles.actor1, asReported.roles.actor2, asReported.participants], [gunmen, null, [gunmen]]);
  const unfiltered = assignEventRoles(draft(doc, main), { actors: [gunmen, police], sources: new Set(), accusers: new Set() });
  assert.equal(unfiltered.roles.actor2, police);
});

test('in its own sentence the accuser is not who acted', () => {
  const doc = docOf('The government accused rebels of shelling the market.');
  const government = actor(doc, 0, 'government', resolved('government', 'state'));
  const rebels = actor(doc, 0, 'rebels', resolved('rebels', 'rebel'));
  const { roles } = assignEventRoles(draft(doc, trigger(doc, 0, 'shelling', CODES.shelling)), { actors: [government, rebels], sources: new Set(), accusers: new Set([government]) });
  assert.equal(roles.actor1, rebels);
});

test('those who met are all the actor of a PLOVER meeting, with no recipient', () => {
  const doc = docOf('The president met with rebel leaders.');
  const president = actor(doc, 0, 'president', resolved('president', 'state'));
  const leaders = actor(doc, 0, 'rebel leaders', resolved('rebels', 'rebel'));
  const { roles } = assignEventRoles(draft(doc, trigger(doc, 0, 'met', CODES.talks)), { actors: [president, leaders], sources: new Set(), accusers: new Set() });
  assert.deepEqual([roles.actor1, roles.assoc1, roles.actor2], [president, leaders, null]);
});
