import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { loadActorDictionary } from '../../src/mentions/actor-dictionary.ts';
import { findActors } from '../../src/mentions/find-actors.ts';
import { resolveActors } from '../../src/resolve/resolve-actors.ts';

const dictionary = loadActorDictionary();

function actors(text: string, country: string | null = null) {
  const doc = analyseText(text);
  return resolveActors(findActors(doc, dictionary, { date: '2020-05-09' }), doc, country, dictionary);
}

test('"Yemeni police" are the police forces of Yemen, a state actor', () => {
  const [police] = actors('Yemeni police arrested two men in Aden.');
  assert.equal(police?.text, 'Yemeni police');
  assert.equal(police?.actor.name, 'Police Forces of Yemen');
  assert.equal(police?.actor.inter, 1);
  assert.equal(police?.actor.country, 'Yemen');
  assert.equal(police?.generic, true);
});

test('a demonym of several words and "of <country>" both name the country', () => {
  assert.equal(actors('Indian security forces opened fire.')[0]?.actor.name, 'Military Forces of India');
  assert.equal(actors('The armed forces of Mozambique retook the town.')[0]?.actor.country, 'Mozambique');
});

test('roles without a country take the country of the article', () => {
  const found = actors('Protesters blocked a road; rioters burned tyres; soldiers fired on villagers.', 'Nigeria');
  assert.deepEqual(found.map((m) => [m.text, m.actor.name, m.actor.inter]), [
    ['Protesters', 'Protesters (Nigeria)', 6],
    ['rioters', 'Rioters (Nigeria)', 5],
    ['soldiers', 'Military Forces of Nigeria', 1],
    ['villagers', 'Civilians (Nigeria)', 7],
  ]);
});

test('roles stay without a country when the article has none', () => {
  const [gunmen] = actors('Unidentified gunmen shot a trader.');
  assert.equal(gunmen?.text, 'Unidentified gunmen');
  assert.equal(gunmen?.actor.name, 'Unidentified Armed Group');
  assert.equal(gunmen?.actor.inter, 3);
  assert.equal(gunmen?.actor.country, null);
});

test('mentions carry offsets into the text, in text order, the longest phrase winning without overlaps', () => {
  const text = 'Syrian government forces and Islamic State militants clashed near the NATO base.';
  const found = actors(text);
  for (const m of found) assert.equal(text.slice(m.start, m.end), m.text);
  assert.deepEqual(found.map((m) => m.text), ['Syrian government forces', 'Islamic State', 'militants', 'NATO']);
  assert.equal(found[3]?.actor.inter, 8);
  for (let i = 1; i < found.length; i++) assert.ok(found[i - 1]!.end <= found[i]!.start);
});

test('acronyms match only when written in capitals', () => {
  assert.deepEqual(actors('He said it is over.').map((m) => m.text), []);
  assert.equal(actors('IS fighters attacked.')[0]?.actor.name, 'Islamic State');
});
