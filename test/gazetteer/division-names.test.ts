import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeOf } from '../resolve/place-of.ts';
import { placeNameKey, withoutDivisionWord } from '../../src/gazetteer/place-name-key.ts';

// Division names as GeoNames writes them and as news write them.

test('the division words GeoNames writes before a name are left out, a particle being required', () => {
  assert.equal(withoutDivisionWord('Province du Soum'), 'Soum');
  assert.equal(withoutDivisionWord('Provincia de Jauja'), 'Jauja');
  assert.equal(withoutDivisionWord('Partido de Vicente Lopez'), 'Vicente Lopez');
  assert.equal(withoutDivisionWord('Municipio Arismendi'), 'Arismendi');
  assert.equal(withoutDivisionWord('Province de la Tapoa'), 'Tapoa');
  assert.equal(withoutDivisionWord('Distrito Federal'), 'Distrito Federal');
});

test('"Southern Kordofan" and "South Kordofan" are one name', () => {
  assert.equal(placeNameKey('Southern Kordofan'), placeNameKey('South Kordofan'));
  assert.equal(placeNameKey('Northern Bahr el Ghazal'), placeNameKey('North Bahr el Ghazal'));
});

test('a village the gazetteer lacks stands at its province written after it, under the province\'s short name', () => {
  const place = placeOf('Gunmen ambushed a patrol near Tandoubi (Arbinda, Soum) on Friday.', 'ambushed');
  assert.match(place?.location ?? '', /Soum/);
  assert.equal(place?.geo_precision, 2);
});

test('a division written as a container is found by a short skeleton ("Hiraan" for Hiiraan)', () => {
  const place = placeOf('Al Shabaab militants attacked a checkpoint at Qoryale village (Bulo Burto, Hiraan) on Monday.', 'attacked', ['Somalia']);
  assert.match(place?.location ?? '', /Hiiraan/);
});

test('a state written in parentheses after "X LGA" is the container of X, not the event place', () => {
  const place = placeOf('Bandits raided two hamlets in Kankara LGA (Katsina) overnight.', 'raided');
  assert.equal(place?.location, 'Kankara');
});

test('a name written alone in parentheses after a place is read as its division', () => {
  const place = placeOf('Farm workers were taken hostage in Yby Yau (Concepcion) on Sunday.', 'taken');
  assert.equal(place?.country, 'Paraguay');
});

test('Zulu names written with their lower-case prefix are read ("eThekwini")', () => {
  const place = placeOf('Residents blocked a road in Cato Crest (eThekwini, KwaZulu-Natal) over evictions.', 'blocked');
  assert.equal(place?.country, 'South Africa');
  assert.equal(place?.geo_precision, 1);
});

test('"Beni" written as a place is read as one', () => {
  const place = placeOf('Rebels killed five farmers near Mamove (Beni, Nord-Kivu) on Tuesday.', 'killed');
  assert.equal(place?.location, 'Beni');
});

test('a name written once with its container keeps that place when written again alone', () => {
  const text = 'On Monday, in Castilla, Piura, street cleaners protested. They gathered outside the Castilla Municipality offices.';
  const place = placeOf(text, 'gathered');
  assert.equal(place?.admin1, 'Piura');
});
