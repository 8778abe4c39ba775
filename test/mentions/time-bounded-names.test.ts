import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { loadActorDictionary } from '../../src/mentions/actor-dictionary.ts';
import { findActors } from '../../src/mentions/find-actors.ts';

const dictionary = loadActorDictionary();

function namesOn(text: string, date: string | null): string[] {
  return findActors(analyseText(text), dictionary, { date }).map((m) => m.actor.name);
}

// Jabhat al-Nusra renamed itself Jabhat Fatah al-Sham on 28 July 2016 and merged into HTS on 28 January 2017.
test('al-Nusra Front in 2015 keeps its name of the time', () => {
  assert.deepEqual(namesOn('The al-Nusra Front shelled the town.', '2015-06-01'), ['Jabhat al-Nusra']);
});

test('any name of the group in August 2016 is coded as Jabhat Fatah al-Sham', () => {
  assert.deepEqual(namesOn('The Fatah al-Sham Front attacked; al-Nusra Front responded.', '2016-08-10'),
    ['Jabhat Fatah al-Sham', 'Jabhat Fatah al-Sham']);
});

test('in 2018 the old name is coded as HTS, the same actor id throughout', () => {
  const mentions = findActors(analyseText('Nusra Front positions were shelled.'), dictionary, { date: '2018-03-01' });
  assert.equal(mentions[0]?.actor.name, 'HTS: Hayat Tahrir al Sham');
  const earlier = findActors(analyseText('Nusra Front positions were shelled.'), dictionary, { date: '2015-03-01' });
  assert.equal(earlier[0]?.actor.id, mentions[0]?.actor.id);
});

test('the renaming day itself takes the new name', () => {
  assert.deepEqual(namesOn('Jabhat al-Nusra announced its new name.', '2016-07-28'), ['Jabhat Fatah al-Sham']);
});

test('without a date the latest name is used', () => {
  assert.deepEqual(namesOn('Jabhat al-Nusra announced its new name.', null), ['HTS: Hayat Tahrir al Sham']);
});
