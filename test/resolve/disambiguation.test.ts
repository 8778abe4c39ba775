import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gazetteer, placeOf, placeWords } from './place-of.ts';
import { analyseText } from '../../src/text/analyse-text.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';
import { distanceKm } from '../../src/gazetteer/distance.ts';
import type { EventPlace } from '../../src/resolve/types.ts';

const TRIPOLI_LIBYA = { lat: 32.8872, lon: 13.1913 };
const TRIPOLI_LEBANON = { lat: 34.4367, lon: 35.8497 };
const ALEPPO = { lat: 36.2021, lon: 37.1343 };

function near(place: EventPlace | null, point: { lat: number; lon: number }, km: number): void {
  assert.ok(place && place.latitude !== null && place.longitude !== null, 'a place with coordinates');
  const d = distanceKm(place.latitude, place.longitude, point.lat, point.lon);
  assert.ok(d <= km, `${place.location} (${place.country}) is ${Math.round(d)} km away, more than ${km} km; ${place.reason}`);
}

test('Tripoli is the Libyan one when the article is about Libya', () => {
  const place = placeOf('GNA forces clashed with LNA fighters in Tripoli. Shelling also hit Misrata.', 'clashed');
  near(place, TRIPOLI_LIBYA, 10);
  assert.equal(place!.country, 'Libya');
});

test('Tripoli is the Lebanese one when the article names Lebanon', () => {
  const place = placeOf('Protesters blocked roads in Tripoli, Lebanon, and clashed with the army.', 'blocked');
  near(place, TRIPOLI_LEBANON, 10);
  assert.equal(place!.country, 'Lebanon');
});

test("Tripoli follows the country of the article's actors", () => {
  near(placeOf('Protesters blocked roads in Tripoli.', 'blocked', ['Lebanon']), TRIPOLI_LEBANON, 10);
  near(placeOf('Protesters blocked roads in Tripoli.', 'blocked', ['Libya']), TRIPOLI_LIBYA, 10);
});

test('an Aleppo neighbourhood stands at the centroid of its outline, in every spelling, and carries its name', () => {
  const SHEIKH_SAEED = { lat: 36.16462, lon: 37.15581 }; // centroid of "Sheikh Sa’eed" in the Columbia outlines
  for (const spelling of ['Sheikh Saeed', "Shaykh Sa'id", 'al-Sheikh Said', "Sheikh Sa'eed"]) {
    const place = placeOf(`Government aircraft bombed the ${spelling} district of Aleppo on Tuesday.`, 'bombed');
    assert.equal(place?.location, 'Sheikh Saeed', spelling);
    assert.equal(place.geo_precision, 1);
    assert.equal(place.country, 'Syria');
    assert.equal(place.neighbourhood, 'Sheikh Saeed');
    near(place, SHEIKH_SAEED, 0.5);
  }
});

test('an Aleppo district without coordinates of its own stands at Aleppo, with precision 2 and its own name', () => {
  const place = placeOf('Government aircraft bombed Tal Bazou in Aleppo on Tuesday.', 'bombed');
  assert.equal(place?.location, 'Tal Bazou');
  assert.equal(place.geo_precision, 2);
  near(place, ALEPPO, 10);
});

test('a province alone gives precision 3, never presented as exact', () => {
  const place = placeOf('Airstrikes hit several villages in Idlib province.', 'hit');
  assert.equal(place?.geo_precision, 3);
  assert.equal(place.country, 'Syria');
  assert.match(place.admin1 ?? '', /idlib/i);
});

test('the "(admin2, admin1)" note of ACLED chooses between places of one name', () => {
  // There is a Tieba in Gansu, China, bigger than the village in Mali's Mopti region.
  const place = placeOf('On 9 May 2020, militiamen attacked the village of Tieba (Bankass, Mopti).', 'attacked');
  assert.equal(place?.country, 'Mali');
  assert.equal(place.admin1, 'Mopti');
});

test("the event takes the place of its own sentence, not the article's first place", () => {
  const text = 'Clashes were reported in Idlib province on Monday. On Tuesday, a car bomb exploded in Azaz, killing four people.';
  const place = placeOf(text, 'exploded');
  assert.equal(place?.location, 'Azaz');
  assert.equal(place.geo_precision, 1);
});

test('a sentence without a place takes the place of the sentence before it', () => {
  const text = 'A car bomb exploded in Azaz on Tuesday. Four people were killed.';
  assert.equal(placeOf(text, 'killed')?.location, 'Azaz');
});

test('a division abbreviation written as a container settles its district across a border ("Poonch district, J&K")', () => {
  // GeoNames calls India's district Punch; its Poonch District lies in Pakistan's Azad Kashmir.
  const text = 'Indian and Pakistani troops exchanged fire along the Line of Control near Krishna Ghati on Tuesday (Poonch district, J&K).';
  const place = placeOf(text, 'exchanged');
  assert.equal(place?.country, 'India');
  assert.equal(place.admin1, 'Jammu and Kashmir');
  assert.equal(place.geo_precision, 2);
  const other = placeOf('The two armies exchanged fire near Hajipir on Friday (Haveli district, AJK).', 'exchanged');
  assert.equal(other?.country, 'Pakistan');
  assert.equal(other.admin1, 'Azad Kashmir');
});

test('a short capitalised abbreviation is read as a place only where it is written as a container', () => {
  // "TN" is Tamil Nadu in "(Madurai district, TN)", and nothing in "TN officials said".
  const inside = placeOf('On 3 May 2020, farmers protested at Melur town (Madurai district, TN).', 'protested');
  assert.equal(inside?.admin1, 'Tamil Nadu');
  const doc = analyseText('TN officials said the talks would resume.');
  assert.deepEqual(geolocate(findPlaces(doc, gazetteer, placeWords), gazetteer, { countries: [], source: null }).places, []);
});

test('a division is more specific than a country named in the same sentence', () => {
  const text = 'Indian and Pakistani forces exchanged fire again on Tuesday (J&K).';
  assert.equal(placeOf(text, 'exchanged')?.location, 'Jammu and Kashmir');
});
