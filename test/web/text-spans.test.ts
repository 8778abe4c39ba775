import { test } from 'node:test';
import assert from 'node:assert/strict';
import { excerptOffset, highlightSegments, safeHttpUrl } from '../../web/src/text-spans.ts';
import { eventsQuery } from '../../web/src/api.ts';

test('evidence spans cut a sentence into marked and plain pieces at article offsets', () => {
  // The sentence starts at article offset 100.
  const text = 'Gunmen killed three civilians in Kano.';
  const segments = highlightSegments(text, 100, [
    { field: 'actor1', start: 100, end: 106 },
    { field: 'location', start: 133, end: 137 },
  ]);
  assert.deepEqual(segments, [
    { text: 'Gunmen', fields: ['actor1'] },
    { text: ' killed three civilians in ', fields: [] },
    { text: 'Kano', fields: ['location'] },
    { text: '.', fields: [] },
  ]);
});

test('overlapping spans share the overlap and spans outside the text are dropped', () => {
  const segments = highlightSegments('killed three civilians', 0, [
    { field: 'event_type', start: 0, end: 6 },
    { field: 'fatalities', start: 0, end: 12 },
    { field: 'location', start: 200, end: 210 },
    { field: 'actor2', start: -5, end: -1 },
  ]);
  assert.deepEqual(segments, [
    { text: 'killed', fields: ['event_type', 'fatalities'] },
    { text: ' three', fields: ['fatalities'] },
    { text: ' civilians', fields: [] },
  ]);
  assert.equal(segments.map((s) => s.text).join(''), 'killed three civilians');
});

test('a span running past the end of the text is cut at the end', () => {
  assert.deepEqual(highlightSegments('in Kano', 10, [{ field: 'location', start: 13, end: 30 }]), [
    { text: 'in ', fields: [] },
    { text: 'Kano', fields: ['location'] },
  ]);
});

test('an excerpt\'s article offset is found from the sentence inside it', () => {
  const excerpt = 'said. Shelling hit Idlib. Later';
  assert.equal(excerptOffset(excerpt, { start: 506, text: 'Shelling hit Idlib.' }), 500);
  assert.equal(excerptOffset(excerpt, { start: 506, text: 'not in it' }), null);
});

test('only http and https URLs are linked', () => {
  assert.equal(safeHttpUrl('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(safeHttpUrl('HTTP://Example.org'), 'http://example.org/');
  for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>x</script>', 'vbscript:x', '//evil.example', 'not a url', '', null]) {
    assert.equal(safeHttpUrl(bad), null, String(bad));
  }
});

test('the events query carries only the filters that are set, trimmed and encoded', () => {
  assert.equal(eventsQuery({ q: '  shelling ', event_type: 'Explosions/Remote violence', actor: '', from: '2020-05-01' }, 1000, 0),
    'events?q=shelling&event_type=Explosions%2FRemote+violence&from=2020-05-01&limit=1000');
  assert.equal(eventsQuery({ source: 'A&B=<x>' }, 10, 20), 'events?source=A%26B%3D%3Cx%3E&limit=10&offset=20');
});
