import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeOf } from './place-of.ts';

// The containment rule: a name that the gazetteer does not know inside the division the text puts it in stands at
// that division, with the division's precision, never at a namesake elsewhere.

test('"the Sahar district of Saada province" stands in Saada province, not at the Sahar of Sanaa governorate', () => {
  const place = placeOf('Coalition aircraft struck a market in the Sahar district of Saada province on Monday, killing four civilians.', 'struck');
  assert.equal(place?.country, 'Yemen');
  assert.equal(place.admin1, "Sa'dah");
  assert.equal(place.geo_precision, 3);
  assert.match(place.reason, /not known inside Saada/);
});

test('"Kupiansk in the Kharkiv region" is the town in Kharkiv oblast, not Kharkiv city', () => {
  const place = placeOf('Russian forces shelled Kupiansk in the Kharkiv region overnight, wounding two residents.', 'shelled');
  assert.equal(place?.location, 'Kupiansk');
  assert.equal(place.geo_precision, 1);
  assert.match(place.admin1 ?? '', /Kharkiv/);
  assert.ok(Math.abs((place.longitude ?? 0) - 37.6) < 0.1, 'at Kupiansk, east of Kharkiv city');
});

test('a region written with its division word is the region, at precision 3', () => {
  const place = placeOf('Shelling damaged houses in the Kharkiv region on Sunday.', 'Shelling');
  assert.match(place?.admin1 ?? '', /Kharkiv/);
  assert.equal(place?.geo_precision, 3);
  const province = placeOf('Fighting was reported in Saada province on Friday.', 'Fighting');
  assert.equal(province?.admin1, "Sa'dah");
  assert.equal(province.geo_precision, 3);
});

test('a town name known only far away falls back to the province the text names', () => {
  const cordoba = placeOf('Government forces shelled Cordoba in Idlib province, killing a child.', 'shelled');
  assert.equal(cordoba?.country, 'Syria', 'not Córdoba in Spain or Argentina');
  assert.equal(cordoba.admin1, 'Idlib');
  assert.equal(cordoba.geo_precision, 3);
  const victoria = placeOf('Shelling hit Victoria in the Donetsk region on Sunday, wounding a woman.', 'Shelling');
  assert.equal(victoria?.country, 'Ukraine');
  assert.equal(victoria.geo_precision, 3);
});

test('a place that is in the named province is still the place itself', () => {
  const place = placeOf('A car bomb exploded in Azaz, in Aleppo province, killing three people.', 'exploded');
  assert.equal(place?.location, 'Azaz');
  assert.equal(place.geo_precision, 1);
});

test('the last name of a parenthesis after a comma is read as the division: "(Bossaso, Bari)" is Somalia\'s Bari', () => {
  const place = placeOf('Gunmen attacked a police post in Bossaso town (Bossaso, Bari) on Friday.', 'attacked');
  assert.equal(place?.country, 'Somalia', 'not Bari in Italy');
  assert.equal(place.admin1, 'Bari');
});

test('a neighbourhood of the local layer is only that neighbourhood in an article that names its city', () => {
  const iraq = placeOf('Thousands protested in Sulaymaniyah city against unpaid salaries.', 'protested');
  assert.equal(iraq?.country, 'Iraq', 'not the Sulaymaniyah quarter of Aleppo');
  const aleppo = placeOf('Shells fell on the Sulaymaniyah neighbourhood of Aleppo, wounding two children.', 'Shells');
  assert.equal(aleppo?.country, 'Syria');
  assert.equal(aleppo.location, 'Sulaymaniyah');
  assert.equal(aleppo.neighbourhood, 'Sulaymaniyah');
});
