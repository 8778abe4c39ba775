import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Responsibility } from '../../../src/events/attribution.ts';
import type { ActorMention } from '../../../src/mentions/types.ts';
import { nameResponsible } from '../../../src/events/rules/responsibility.ts';
import { actor, CODES, docOf, draft, resolved, trigger } from './fixtures.ts';

const doc = docOf('A bomb went off at a market on Friday. The Northern Front claimed it, and officials blamed the Eastern Army.');
const front = actor(doc, 1, 'northern front', resolved('northern-front', 'rebel'));
const army = actor(doc, 1, 'eastern army', resolved('eastern-army', 'state'));
const main = trigger(doc, 0, 'bomb', CODES.shelling);
const frame = { sentences: [0, 1] };
const roles = (actor1: ActorMention | null): { actor1: ActorMention | null; assoc1: null; actor2: null; assoc2: null } => ({ actor1, assoc1: null, actor2: null, assoc2: null });

function said(kind: Responsibility['kind'], who: ActorMention): Responsibility {
  return { sentence: 1, kind, actor: who, start: who.start, end: who.end, text: who.text };
}

test('a claim of responsibility names who did an event its sentence leaves unsaid, before an accusation', () => {
  const named = nameResponsible(draft(doc, main, { frame, roles: roles(null) }), { responsibilities: [said('accused', army), said('claimed', front)] });
  assert.equal(named.roles.actor1, front);
});

test('an accusation names who did it when nobody claims it', () => {
  const named = nameResponsible(draft(doc, main, { frame, roles: roles(null) }), { responsibilities: [said('accused', army)] });
  assert.equal(named.roles.actor1, army);
});

test('a claim replaces unnamed gunmen but not an actor the sentence names', () => {
  const gunmen = { ...front, actor: resolved('gunmen', 'political_militia'), generic: true };
  const claimed = { responsibilities: [said('claimed', front)] };
  assert.equal(nameResponsible(draft(doc, main, { frame, roles: roles(gunmen) }), claimed).roles.actor1, front);
  const named = { ...gunmen, generic: false };
  assert.equal(nameResponsible(draft(doc, main, { frame, roles: roles(named) }), claimed).roles.actor1, named);
});

test('with no claim, the first actor a later sentence of the event names did it; a loaded word never does', () => {
  const loaded = { ...army, loaded: true };
  const participants = [loaded, front];
  assert.equal(nameResponsible(draft(doc, main, { frame, roles: roles(null), participants }), { responsibilities: [] }).roles.actor1, front);
  assert.equal(nameResponsible(draft(doc, main, { frame: { sentences: [0] }, roles: roles(null), participants }), { responsibilities: [] }).roles.actor1, null);
});
