import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { openGazetteer } from '../../src/resolve/gazetteer/open-gazetteer.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';
import type { EventPlace } from '../../src/events/types.ts';

// An event placed at a city for the districts its sentence lists: the place's evidence must name the city
// (or nothing), never the first district listed, which is not the event's place.
const gazetteer = openGazetteer();

function placeOf(text: string, predicate: string): EventPlace | null {
  const doc = analyseText(text);
  const offset = text.indexOf(predicate);
  const sentence = doc.sentences.find((s) => s.start <= offset && offset < s.end)!;
  return geolocate(doc, gazetteer, { countries: ['Syria'], source: null }).placeFor(sentence.index, offset);
}

test('a city placed for its listed districts offers no district as the evidence of its place', () => {
  const text = 'The army shelled rebel posts in the Salahuddin, Sheikh Saeed, Ramouseh and Bustan al-Pasha districts of Aleppo on Sunday.';
  const place = placeOf(text, 'shelled');
  assert.ok(place, 'the event has a place');
  if (place.geo_precision === 2 && /listed/.test(place.reason)) {
    assert.ok(place.span === null || place.span.text === place.location, `the evidence "${place.span?.text}" names the place ${place.location}`);
  } else {
    // Placed at one of the districts: the evidence names that district.
    assert.equal(place.span?.text, text.slice(place.span!.start, place.span!.end));
    assert.ok(place.location && place.span && place.location.length > 0);
  }
});
