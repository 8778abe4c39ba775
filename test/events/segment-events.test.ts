import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../src/pipeline.ts';

// Reports of several events, written for these tests: each distinct event is its own coded event.
function code(text: string): { sub: string | null; location: string | null; fatalities: number }[] {
  return codeArticle({ id: 'segment-test', origin: 'test', title: null, text, url: null, source: null, published: '2021-06-01', byline: null })
    .map((e) => ({ sub: e.sub_event_type, location: e.location, fatalities: e.fatalities }));
}

test('a protest in a second city is a second protest', () => {
  const events = code('Hundreds of people protested in Khartoum on Monday. In Omdurman, another peaceful protest was held.');
  assert.deepEqual(events.map((e) => [e.sub, e.location]), [['Peaceful protest', 'Khartoum'], ['Peaceful protest', 'Omdurman']]);
});

test('"separately" opens a second attack, with its own casualties', () => {
  const events = code('Gunmen killed two farmers near Gao on Monday. Separately, militants attacked an army post in Menaka, killing three soldiers.');
  assert.equal(events.length, 2);
  assert.deepEqual(events.map((e) => e.fatalities), [2, 3]);
});

test('a separate killing is not merged into the first event', () => {
  const events = code('Gunmen killed two farmers in Gao on Monday. Another man was shot dead in Menaka.');
  assert.equal(events.length, 2);
  assert.equal(events[1]!.location, 'Menaka');
});

test('a follow-up that counts more victims stays with its event', () => {
  assert.equal(code('Gunmen killed two farmers in Gao on Monday. Another three were wounded.').length, 1);
  assert.equal(code('Militants attacked a checkpoint in Gao on Monday. Two soldiers were killed.').length, 1);
});

test('an event word after "after" or "amid" is background when the sentence reports another event', () => {
  assert.deepEqual(code('The two armies agreed a ceasefire after weeks of heavy fighting.').map((e) => e.sub), ['Agreement']);
  assert.deepEqual(code('Heavy fighting broke out in the town on Monday.').map((e) => e.sub), ['Armed clash']);
});

test('"pushed the rebels further back": the verb and its particle apart report territory taken', () => {
  assert.deepEqual(code('Government troops pushed the rebels further back in Bostan al-Pasha on Tuesday.').map((e) => e.sub), ['Government regains territory']);
});
