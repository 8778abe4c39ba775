import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteer, placeOf, placeWords } from './place-of.ts';
import { analyseText } from '../../src/text/analyse-text.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';

// A place written with its container ("Celaya, Guanajuato") anchors the sentence's event.

test('a neighbourhood the gazetteer lacks does not pull the event to a namesake far from the city written with its state', () => {
  // El Tepeyac is a village in Hidalgo; the Tepeyac of this sentence is a neighbourhood of Celaya.
  for (const text of [
    'On Sunday, in Celaya, Guanajuato, police found two bodies in Colonia Tepeyac.',
    'In Celaya, Guanajuato, police found two bodies in the Tepeyac neighbourhood on Sunday.',
  ]) {
    const place = placeOf(text, 'found');
    assert.equal(place?.location, 'Celaya', text);
    assert.equal(place.admin1, 'Guanajuato');
  }
});

test('a district named beside an anchored city is still the event place', () => {
  // A division is named on purpose: the anchored city does not push it aside.
  const text = 'Airstrikes hit Sirwah district west of Marib city (Marib) on Monday.';
  const place = placeOf(text, 'hit');
  assert.match(place?.location ?? '', /Sirwah/);
});

test('a skeleton guess does not swallow the word that opens the sentence ("In Celaya")', () => {
  const doc = analyseText('In Celaya, Guanajuato, traders protested on Monday.');
  const geo = geolocate(findPlaces(doc, gazetteer, placeWords), gazetteer, { countries: [], source: null });
  assert.ok(geo.places.some((p) => p.mention.text === 'Celaya' && p.place.country === 'Mexico'), geo.places.map((p) => p.reason).join('\n'));
});

test('a city written with a division known only in another country keeps its place ("Brasilia, Distrito Federal")', () => {
  // GeoNames calls Brazil's division "Federal District"; its "Distrito Federal" is Venezuela's.
  const text = 'On Friday, in Brasilia, Distrito Federal, nurses protested outside the health ministry.';
  const place = placeOf(text, 'protested');
  assert.equal(place?.country, 'Brazil');
  assert.equal(place.location, 'Brasilia');
});
