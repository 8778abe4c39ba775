import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldName, keySkeleton, placeNameKey, placeNameSkeleton } from '../../src/gazetteer/place-name-key.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';

test('folded names and skeletons stay right once more names were folded than the memo keeps', () => {
  const first = [placeNameKey("Ma'arrat al-Nu'man"), placeNameSkeleton('Shaykh Maqsud')];
  // More distinct names than the memos' bound (100,000): the oldest answers are dropped, then worked out again.
  for (let i = 0; i < 100_500; i++) placeNameKey(`Village ${i}`);
  for (let i = 0; i < 100_500; i++) placeNameSkeleton(`Village ${i}`);
  assert.deepEqual([placeNameKey("Ma'arrat al-Nu'man"), placeNameSkeleton('Shaykh Maqsud')], first);
  assert.equal(placeNameKey('Village 7'), 'village 7');
});

test('the gazetteer answers an id no place has with null, asked once or again', () => {
  const gazetteer = openGazetteer();
  assert.equal(gazetteer.place(-1), null);
  assert.equal(gazetteer.place(-1), null);
  const known = gazetteer.lookup('Aleppo')[0];
  assert.ok(known, 'Aleppo is in the gazetteer');
  assert.equal(gazetteer.place(known.id), gazetteer.place(known.id));
  assert.equal(gazetteer.place(known.id)?.name, known.name);
});

test('spellings of one key share one answer, however often each is asked', () => {
  const gazetteer = openGazetteer();
  const first = gazetteer.lookup('al-Bab');
  assert.ok(first.length > 0, 'al-Bab is in the gazetteer');
  assert.equal(gazetteer.lookup('Al Bab'), first, 'another spelling of the same key: the same answer');
  assert.equal(gazetteer.lookup('al-Bab'), first, 'asked again');
  assert.equal(gazetteer.lookup('al'), gazetteer.lookup('al-'), 'a name that folds to nothing is no place');
  assert.deepEqual(gazetteer.lookup('al'), []);
});

test('the memo-free fold and the skeleton made from a key agree with the remembered ones', () => {
  for (const name of ["Ma'arrat al-Nu'man", 'Shaykh Maqsud', 'Nord-Kivu', 'الشيخ سعيد', 'Ḥalab', 'Salah ad-Deen', '']) {
    assert.equal(foldName(name), placeNameKey(name), name);
    assert.equal(keySkeleton(placeNameKey(name)), placeNameSkeleton(name), name);
  }
});

test('spelled gives the look-up\'s places by spelling and never its guess by skeleton, whichever is asked first', () => {
  const gazetteer = openGazetteer();
  // Known by its spelling: both give the same answer.
  assert.ok(gazetteer.spelled('Aleppo').length > 0);
  assert.equal(gazetteer.spelled('Aleppo'), gazetteer.lookup('Aleppo'));
  // Known only by its skeleton (a spelling of our own): the look-up guesses, spelled does not.
  const variant = 'Shaikh Maqsoud';
  assert.deepEqual(gazetteer.spelled(variant), [], 'asked first');
  const guessed = gazetteer.lookup(variant);
  assert.ok(guessed.length > 0 && guessed.every((c) => !c.exact), 'the look-up still guesses after spelled was asked');
  assert.deepEqual(gazetteer.spelled(variant), [], 'asked after the look-up');
  const other = 'Sheikh Maksoud';
  assert.ok(gazetteer.lookup(other).every((c) => !c.exact));
  assert.deepEqual(gazetteer.spelled(other), []);
});

test('the world base gives each candidate its name folded as placeNameKey folds it', () => {
  const gazetteer = openGazetteer();
  for (const name of ['Aleppo', "Ma'arrat al-Nu'man", 'Idlib Governorate', 'Kabul']) {
    const found = gazetteer.lookup(name);
    assert.ok(found.length > 0, `${name} is in the gazetteer`);
    for (const candidate of found) assert.equal(candidate.key, placeNameKey(candidate.name), candidate.name);
  }
});
