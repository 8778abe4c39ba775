import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { loadPlaceWords } from '../../src/mentions/place-words.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';

// Where a place name starts and ends in the text, and when a name is only a piece of a longer one.
const gazetteer = openGazetteer();
const placeWords = loadPlaceWords();

function mentions(text: string): { text: string; partial: boolean; hint: string | null }[] {
  return findPlaces(analyseText(text), gazetteer, placeWords).map((m) => ({ text: m.text, partial: m.partial, hint: m.hint }));
}

test('a hyphenated name with lower-case words inside is one name ("Port-au-Prince")', () => {
  const found = mentions('Gang members burnt cars in Port-au-Prince on Monday.');
  assert.deepEqual(found.map((m) => m.text), ['Port-au-Prince']);
  const place = geolocate(findPlaces(analyseText('Gang members burnt cars in Port-au-Prince on Monday.'), gazetteer, placeWords), gazetteer, { countries: [], source: null }).placeFor(0, 18);
  assert.equal(place?.country, 'Haiti');
});

test('a name with an Arabic article between hyphens is one name ("Deir-ez-Zor")', () => {
  assert.deepEqual(mentions('Aircraft struck positions outside Deir-ez-Zor overnight.').map((m) => m.text), ['Deir-ez-Zor']);
});

test('a hyphen written between spaces separates two names ("Tal Rifaat - Azaz road")', () => {
  const found = mentions('Shelling hit the Tal Rifaat - Azaz road overnight.');
  const azaz = found.find((m) => m.text === 'Azaz');
  assert.ok(azaz, `Azaz found in ${JSON.stringify(found)}`);
  assert.equal(azaz.partial, false);
});

test('a known word inside a longer unknown name is marked partial ("Issa" of "Kafr Issa")', () => {
  const found = mentions('An IED exploded near Kafr Issa on Friday.');
  const issa = found.find((m) => m.text === 'Issa');
  assert.ok(issa, `Issa found in ${JSON.stringify(found)}`);
  assert.equal(issa.partial, true);
});

test('"of" and feature words do not make a name partial ("Liberty Square of Haifa", "Bokkos LGA")', () => {
  assert.equal(mentions('Students marched across Liberty Square of Haifa on Monday.').find((m) => m.text === 'Haifa')?.partial, false);
  const bokkos = mentions('Gunmen abducted two farmers in Bokkos LGA on Sunday.').find((m) => m.text === 'Bokkos');
  assert.equal(bokkos?.partial, false);
  assert.equal(bokkos.hint, 'district');
});

test('a partial name is not placed in another country: the piece is not the place', () => {
  const text = 'An IED exploded near Kafr Issa, in the Raqqa countryside, on Friday.';
  const geo = geolocate(findPlaces(analyseText(text), gazetteer, placeWords), gazetteer, { countries: [], source: null });
  assert.equal(geo.country, 'Syria');
  assert.ok(geo.places.every((p) => p.place.country === 'Syria'), geo.places.map((p) => p.reason).join('\n'));
  assert.equal(geo.placeFor(0, text.indexOf('exploded'))?.country, 'Syria');
});

test('a partial name is still placed when the text writes it inside its container', () => {
  // "Issa" alone is a town in Russia; written inside Penza Oblast it is that town, even as part of a longer name.
  const text = 'Workers protested in Verkhnyaya Issa (Issa, Penza Oblast) on Monday.';
  assert.equal(mentions(text).find((m) => m.text === 'Issa')?.partial, true);
  const geo = geolocate(findPlaces(analyseText(text), gazetteer, placeWords), gazetteer, { countries: [], source: null });
  assert.equal(geo.placeFor(0, text.indexOf('protested'))?.country, 'Russia');
});

test('a place name opening the name of a site is that place ("Horlivka Water Pumping Station")', () => {
  const text = 'Shelling damaged the Horlivka Water Pumping Station overnight.';
  assert.equal(mentions(text).find((m) => m.text === 'Horlivka')?.partial, false);
  const place = geolocate(findPlaces(analyseText(text), gazetteer, placeWords), gazetteer, { countries: [], source: null }).placeFor(0, text.indexOf('damaged'));
  assert.equal(place?.location, 'Horlivka');
  assert.equal(place.country, 'Ukraine');
});

test('words that name properties of JavaScript objects are plain words, not feature words ("Aleppo constructor")', () => {
  assert.deepEqual(mentions('Fighting near Aleppo constructor and Homs toString was reported.'),
    [{ text: 'Aleppo', partial: false, hint: null }, { text: 'Homs', partial: false, hint: null }]);
});
