import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { readDataFile } from '../../src/read-data-file.ts';
import { analyseText } from '../../src/text/analyse-text.ts';
import { loadActorDictionary } from '../../src/mentions/actor-dictionary.ts';
import { findActors } from '../../src/mentions/find-actors.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { loadPlaceWords } from '../../src/mentions/place-words.ts';
import { resolveActors } from '../../src/resolve/resolve-actors.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { defaultResources } from '../../src/pipeline.ts';
import { defaultActorDictionary } from '../../src/coding-resources.ts';

function tempFile(name: string, text: string): URL {
  const file = join(mkdtempSync(join(tmpdir(), 'sitrep-data-')), name);
  writeFileSync(file, text);
  return pathToFileURL(file);
}

test('a data file that breaks its schema is refused with the file and the field named', () => {
  const file = tempFile('words.yaml', 'words: [one, 2]\n');
  assert.throws(() => readDataFile(file, z.object({ words: z.array(z.string()) })), /words\.yaml: words\.1: /);
});

test('a JSON data file is read as JSON, a YAML one as YAML', () => {
  const schema = z.object({ n: z.number() });
  assert.deepEqual(readDataFile(tempFile('a.json', '{"n": 1}'), schema), { n: 1 });
  assert.deepEqual(readDataFile(tempFile('a.yaml', 'n: 2\n'), schema), { n: 2 });
});

test('the shipped resources are loaded once and shared', () => {
  assert.equal(defaultResources(), defaultResources());
  // The stores' actor names come from the same dictionary, not a second copy.
  assert.equal(defaultActorDictionary(), defaultResources().actors);
});

test('place words come from the data file: a feature word says what kind of place a name is', () => {
  const gazetteer = openGazetteer();
  const doc = analyseText('Shelling hit villages in Idlib province on Monday.');
  const shipped = loadPlaceWords();
  assert.equal(findPlaces(doc, gazetteer, shipped).find((p) => p.text.startsWith('Idlib'))?.hint, 'division');
  const features = new Map(shipped.features);
  features.set('province', 'site');
  assert.equal(findPlaces(doc, gazetteer, { ...shipped, features }).find((p) => p.text.startsWith('Idlib'))?.hint, 'site');
});

test('a place word with an unknown kind is refused with the file and the field named', () => {
  const file = tempFile('place-words.yaml', 'articles: [al]\njoiners: [de]\nfeature_words: { kebele: ward }\nfunction_words: [in]\nnot_alone: [the]\n');
  assert.throws(() => loadPlaceWords(file), /place-words\.yaml: feature_words\.kebele: /);
});

test('actors named by role take their name from the dictionary passed in', () => {
  const shipped = loadActorDictionary();
  const doc = analyseText('Police arrested three men on Sunday.');
  const found = findActors(doc, shipped, { date: '2021-05-02' });
  assert.equal(resolveActors(found, doc, 'Kenya', shipped)[0]?.actor.name, 'Police Forces of Kenya');
  const police = shipped.roles.get('police')!;
  const roles = new Map(shipped.roles).set('police', { ...police, name: 'Constabulary of {country}' });
  assert.equal(resolveActors(found, doc, 'Kenya', { ...shipped, roles })[0]?.actor.name, 'Constabulary of Kenya');
});
