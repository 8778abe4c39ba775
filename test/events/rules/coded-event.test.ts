import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim } from '../../../src/events/attribution.ts';
import { codedEvent } from '../../../src/events/rules/coded-event.ts';
import { CODES, context, docOf, draft, resolved, trigger } from './fixtures.ts';

const doc = docOf('Rebels attacked an army post, killing two soldiers. The rebels later threatened the town, officials said.');
const twoKilled = { fatalities: 2, injured: 0, basis: 'exact' as const, spans: [] };

test('the coded event carries the draft\'s decisions, its casualties and its claimant', () => {
  const main = trigger(doc, 0, 'attacked', CODES.attack);
  const claim: Claim = { sentence: 1, claimant: 'officials', start: 0, end: 1, text: 'o', observer: false };
  const asked: number[][] = [];
  const event = codedEvent(draft(doc, main, {
    frame: { sentences: [0, 1] }, actor1: resolved('rebels', 'rebel'), actor2: resolved('army', 'state'), inter1: 2, inter2: 1,
    coding: { event_type: 'Battles', sub_event_type: 'Armed clash', plover: 'ASSAULT', mode: null }, country: 'Freedonia',
  }), context(doc, { claims: [claim], casualtiesFor: (sentences) => (asked.push(sentences), twoKilled) }));
  assert.deepEqual(asked, [[0, 1]]);
  assert.equal(event.event_id, `rules-test:0:${main.start}`);
  assert.deepEqual([event.event_type, event.sub_event_type, event.actor1, event.actor2, event.interaction], ['Battles', 'Armed clash', 'rebels (Freedonia)', 'army (Freedonia)', 12]);
  assert.deepEqual([event.fatalities, event.claimant, event.quad, event.country], [2, 'officials', 'Material conflict', 'Freedonia']);
});

test('an interaction with one actor is that actor\'s code times ten', () => {
  const event = codedEvent(draft(doc, trigger(doc, 0, 'attacked', CODES.attack), { inter1: 6 }), context(doc));
  assert.equal(event.interaction, 60);
});

test('a verbal act counts none of the casualties of the act it speaks of', () => {
  const threat = trigger(doc, 1, 'threatened', CODES.threat);
  const event = codedEvent(draft(doc, threat, { frame: { sentences: [0, 1] } }), context(doc, { casualtiesFor: () => twoKilled }));
  assert.deepEqual([event.plover_event, event.quad, event.fatalities, event.fatalities_basis], ['THREATEN', 'Verbal conflict', 0, 'none']);
});
