import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventDate, EventPlace } from '../../../src/resolve/types.ts';
import { confidenceOf, evidenceOf } from '../../../src/events/rules/evidence.ts';
import { actor, CODES, docOf, draft, resolved, trigger } from './fixtures.ts';

const doc = docOf('Rebels attacked the town of Alphaville on Monday.');
const rebels = actor(doc, 0, 'rebels', resolved('rebels', 'rebel'));
const main = trigger(doc, 0, 'attacked', CODES.attack);
const town = actor(doc, 0, 'alphaville', resolved('town', 'civilians'));
const undated: EventDate = { date: null, precision: null, span: null };
const monday: EventDate = { date: '2022-02-28', precision: 1, span: { start: town.end + 4, end: town.end + 10, text: 'Monday' } };
const place: EventPlace = {
  location: 'Alphaville', country: 'Freedonia', admin1: null, admin2: null, latitude: 1, longitude: 2, geo_precision: 1,
  reason: 'named', confidence: 0.9, span: { start: town.start, end: town.end, text: town.text }, neighbourhood: null,
};
const roles = { actor1: rebels, assoc1: null, actor2: null, assoc2: null };

test('confidence adds up a stand-alone predicate, a named actor, a place and a date named in the text', () => {
  assert.equal(confidenceOf(draft(doc, main, { roles }), undated), 0.6);
  assert.equal(confidenceOf(draft(doc, main, { roles, place }), monday), 0.85);
  assert.equal(confidenceOf(draft(doc, main, { roles, place: { ...place, geo_precision: 3 } }), undated), 0.65);
});

test('an outcome with only a generic actor is less sure', () => {
  const killed = trigger(doc, 0, 'attacked', CODES.killed);
  assert.equal(confidenceOf(draft(doc, killed, { roles: { ...roles, actor1: { ...rebels, generic: true } } }), undated), 0.38);
});

test('each field points at the words behind it; an actor2 the rules dropped has none', () => {
  const withTarget = { ...roles, actor2: town };
  const evidence = evidenceOf(draft(doc, main, { roles: withTarget, actor2: town.actor, place }), monday, { fatalities: 0, injured: 0, basis: 'none', spans: [] }, null);
  assert.deepEqual(evidence.map((e) => [e.field, e.text]), [['event_type', 'attacked'], ['actor1', 'Rebels'], ['actor2', 'Alphaville'], ['location', 'Alphaville'], ['event_date', 'Monday']]);
  const dropped = evidenceOf(draft(doc, main, { roles: withTarget, actor2: null }), undated, { fatalities: 0, injured: 0, basis: 'none', spans: [] }, null);
  assert.deepEqual(dropped.map((e) => e.field), ['event_type', 'actor1']);
});
