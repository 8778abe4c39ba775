import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Claim, Responsibility } from '../../../src/events/attribution.ts';
import { accusersOf, reportingSources } from '../../../src/events/rules/participants.ts';
import type { AnalysedText } from '../../../src/text/types.ts';
import { actor, CODES, docOf, resolved, trigger } from './fixtures.ts';

function claimAt(doc: AnalysedText, words: string, observer = false): Claim {
  const sentence = doc.sentences[0]!;
  const start = sentence.text.indexOf(words) + sentence.start;
  return { sentence: 0, claimant: words, start, end: start + words.length, text: words, observer };
}

test('a source named after the event it reports is no participant', () => {
  const doc = docOf('Gunmen killed two farmers, the police said.');
  const police = actor(doc, 0, 'police', resolved('police', 'state'));
  const sources = reportingSources([police], [claimAt(doc, 'the police said')], [trigger(doc, 0, 'killed', CODES.attack)]);
  assert.deepEqual([...sources], [police]);
});

test('a claimant named before the event it reports may take part in it', () => {
  const doc = docOf('The police said gunmen killed two farmers.');
  const police = actor(doc, 0, 'police', resolved('police', 'state'));
  assert.equal(reportingSources([police], [claimAt(doc, 'The police said')], [trigger(doc, 0, 'killed', CODES.attack)]).size, 0);
});

test('an observer only watched, wherever it is named', () => {
  const doc = docOf('The monitors observed shelling near the village.');
  const monitors = actor(doc, 0, 'monitors', resolved('monitors', 'external', null));
  const sources = reportingSources([monitors], [claimAt(doc, 'The monitors observed', true)], [trigger(doc, 0, 'shelling', CODES.shelling)]);
  assert.deepEqual([...sources], [monitors]);
});

test('the accuser is named before the accusation; the accused acted', () => {
  const doc = docOf('The government accused the rebels of shelling the market.');
  const government = actor(doc, 0, 'government', resolved('government', 'state'));
  const rebels = actor(doc, 0, 'rebels', resolved('rebels', 'rebel'));
  const accused = trigger(doc, 0, 'accused', CODES.threat);
  const responsibility: Responsibility = { sentence: 0, kind: 'accused', actor: rebels, start: accused.start, end: accused.end, text: accused.text };
  assert.deepEqual([...accusersOf([government, rebels], [responsibility])], [government]);
});
