import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { loadPlaceWords } from '../../src/mentions/place-words.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';

// What the place names of an article say about its country.
const gazetteer = openGazetteer();
const placeWords = loadPlaceWords();

function locate(text: string, countries: string[] = []) {
  return geolocate(findPlaces(analyseText(text), gazetteer, placeWords), gazetteer, { countries, source: null });
}

test('a name repeated three times counts once: a party called Congress does not make the article American', () => {
  // "Congress" is also a village in Arizona; Lucknow and Uttar Pradesh are only in India.
  const text = 'Congress supporters rallied in Lucknow, Uttar Pradesh, on Friday; Congress leaders addressed the crowd and Congress flags were waved.';
  const geo = locate(text);
  assert.equal(geo.country, 'India');
  assert.equal(geo.placeFor(0, text.indexOf('rallied'))?.location, 'Lucknow');
});

test('a French division name finds its English-named division ("Nord-Kivu" is North Kivu)', () => {
  const text = 'Militiamen attacked Butembo (Lubero, Nord-Kivu) at dawn.';
  const geo = locate(text);
  assert.equal(geo.country, 'Democratic Republic of Congo');
  const place = geo.placeFor(0, text.indexOf('attacked'));
  assert.equal(place?.location, 'Butembo');
  assert.equal(place.admin1, 'North Kivu');
});

test("a city's own name wins over another place's alternate name", () => {
  const text = 'Lawyers protested outside the high court in Islamabad on Monday.';
  const place = locate(text).placeFor(0, text.indexOf('protested'));
  assert.equal(place?.country, 'Pakistan');
});

test('with no country known, a long spelling variant that only one place has is that place', () => {
  const text = 'Observers recorded bursts of fire near Svitlodarsk overnight.';
  const geo = locate(text);
  const place = geo.placeFor(0, text.indexOf('recorded'));
  assert.equal(place?.country, 'Ukraine');
  assert.equal(place.location, 'Svetlodarsk');
  assert.equal(geo.country, 'Ukraine');
});

test('a short spelling variant is not guessed without a country', () => {
  // "Globall" has a short skeleton, shared with a village in England: no place is a better answer than a guess.
  const text = 'Observers recorded bursts of fire near Globall overnight.';
  assert.equal(locate(text).placeFor(0, text.indexOf('recorded')), null);
});

test("a person's name after a town is not read as the town's container", () => {
  // "Hassan" is a district in India; "Mayor of Tyre, Hassan Nasser" names a man, not where Tyre lies.
  const text = 'On Monday night a gunman shot at the home of the Mayor of Tyr, Hassan Nasser.';
  const place = locate(text).placeFor(0, text.indexOf('shot'));
  assert.equal(place?.country, 'Lebanon');
  assert.equal(place.location, 'Tyr');
});

test("a country's name is evidence for that country even when a village shares the name", () => {
  // "India" is also the name of small places elsewhere; it still says the article is (also) about India,
  // enough to trust the spelling variant "Baramulla" for the Indian district of Baramula.
  const text = 'Soldiers of India and Pakistan traded shots over the Line of Control in Baramulla district on Monday.';
  const geo = locate(text);
  const place = geo.placeFor(0, text.indexOf('traded'));
  assert.equal(place?.country, 'India');
  assert.equal(place.admin1, 'Jammu and Kashmir');
});
