import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeOf } from './place-of.ts';

// An event placed at a city for the districts its sentence lists: the place's evidence must name the city
// (or nothing), never the first district listed, which is not the event's place.

test('a city placed for its listed districts offers no district as the evidence of its place', () => {
  const text = 'The army shelled rebel posts in the Salahuddin, Sheikh Saeed, Ramouseh and Bustan al-Pasha districts of Aleppo on Sunday.';
  const place = placeOf(text, 'shelled', ['Syria']);
  assert.ok(place, 'the event has a place');
  if (place.geo_precision === 2 && /listed/.test(place.reason)) {
    assert.ok(place.span === null || place.span.text === place.location, `the evidence "${place.span?.text}" names the place ${place.location}`);
  } else {
    // Placed at one of the districts: the evidence names that district.
    assert.equal(place.span?.text, text.slice(place.span!.start, place.span!.end));
    assert.ok(place.location && place.span && place.location.length > 0);
  }
});
