import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';

// Short reports written for these tests, coded by the whole pipeline.
function code(text: string): CodedEvent[] {
  return codeArticle({ id: 'code-events-test', origin: 'test', title: null, text, url: null, source: 'Test Wire', published: '2020-05-10', byline: null });
}

test('a weapon that is a word of an actor\'s name is who acted, not the event ("a regime sniper shot ...")', () => {
  const [event] = code('A regime sniper shot and killed a farmer near Miznaz in western Aleppo on Saturday.');
  assert.equal(event?.actor1, 'Military Forces of Syria');
  assert.equal(event.event_type, 'Violence against civilians');
  assert.equal(event.sub_event_type, 'Attack');
  assert.equal(event.fatalities, 1);
});

test('the same weapon outside a name still reports the fighting', () => {
  const [event] = code('Houthi forces and government troops traded sniper fire in Taiz city on Saturday.');
  assert.equal(event?.event_type, 'Battles');
  assert.equal(event.evidence.find((span) => span.field === 'event_type')?.text, 'sniper');
});
