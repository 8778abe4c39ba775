import { test } from 'node:test';
import assert from 'node:assert/strict';
import { notCodedByAcled, screenFrame } from '../../../src/events/rules/scope.ts';
import { CODES, context, docOf, eventCode, LEXICONS, trigger } from './fixtures.ts';

const blast = eventCode({ name: 'explosion', event_type: 'Explosions/Remote violence', sub_event_type: 'Remote explosive/landmine/IED' });

test('an explosion in an accident is no event at all', () => {
  const doc = docOf('A gas explosion in a bakery killed four workers.');
  const main = trigger(doc, 0, 'explosion', blast);
  const frame = { main, sentences: [0], modifiers: [] };
  assert.equal(notCodedByAcled(frame, doc, [main], LEXICONS.relevance)?.reason, 'accident');
  assert.equal(screenFrame(frame, context(doc, { triggers: [main] })), null);
});

test('a crowd\'s protest is an ACLED event whatever it is about', () => {
  const doc = docOf('Workers protested outside the bakery after the gas explosion.');
  const main = trigger(doc, 0, 'protested', CODES.protest);
  const draft = screenFrame({ main, sentences: [0], modifiers: [] }, context(doc, { triggers: [main] }));
  assert.equal(draft?.main.code.event_type, 'Protests');
  assert.equal(draft.notCoded, null);
});

test('a claim of responsibility for a bombing is a statement, and no event', () => {
  const doc = docOf('The group claimed responsibility for the bombing.');
  const main = trigger(doc, 0, 'bombing', blast);
  assert.equal(screenFrame({ main, sentences: [0], modifiers: [] }, context(doc, { triggers: [main] })), null);
});

test('a threat is still PLOVER\'s verbal event, without an ACLED type', () => {
  const doc = docOf('The militia threatened the town.');
  const threatened = eventCode({ name: 'other_development', event_type: 'Strategic developments', sub_event_type: 'Other', plover: 'THREATEN' });
  const main = trigger(doc, 0, 'threatened', threatened);
  const draft = screenFrame({ main, sentences: [0], modifiers: [] }, context(doc, { triggers: [main] }));
  assert.equal(draft?.notCoded?.reason, 'statement');
  assert.deepEqual([draft.main.code.event_type, draft.main.code.sub_event_type, draft.main.code.plover], [null, null, 'THREATEN']);
});

test('a flagged event is not screened', () => {
  const doc = docOf('No gas explosion hit the bakery.');
  const main = trigger(doc, 0, 'explosion', blast, { modality: 'negated' });
  assert.equal(screenFrame({ main, sentences: [0], modifiers: [] }, context(doc, { triggers: [main] }))?.notCoded, null);
});
