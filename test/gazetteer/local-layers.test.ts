import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { mergeLocalLayers, readLandmarks, readNeighbourhoods, readSyriaAdmin, type LayerPlace } from '../../src/gazetteer/local-layers.ts';
import { neighbourhoodAt } from '../../src/resolve/neighbourhood-at.ts';

const gazetteer = openGazetteer();

/** The analysts' own place of that spelling, from the local layer. */
function local(name: string) {
  return gazetteer.lookup(name).find((c) => c.kind === 'local') ?? null;
}

test('news spellings of Aleppo neighbourhoods find the outline\'s neighbourhood', () => {
  const groups = [
    ['Salahuddin', 'Salah ad-Deen', 'Salaheddine', 'Salah al-Din', 'Salah el-Din'],
    ['Sheikh Saeed', "Sheikh Sa'eed", 'Sheikh Sa’eed', 'al-Sheikh Said', 'ash-Sheikh Saeed'],
    ['Bostan al-Pasha', 'Bustan al-Basha', 'Bostan el-Basha', 'Bustan al-Pasha'],
  ];
  for (const spellings of groups) {
    const ids = new Set(spellings.map((s) => local(s)?.id ?? null));
    assert.equal(ids.size, 1, `${spellings.join(' / ')} are one place`);
    assert.ok(!ids.has(null), `${spellings.join(' / ')} are found`);
    const place = local(spellings[0]!)!;
    assert.ok(place.lat !== null && place.lon !== null, `${place.name} has the outline's centroid`);
  }
});

test('Arabic names are looked up, with or without the article', () => {
  assert.equal(local('الشيخ سعيد')?.name, 'Sheikh Saeed');
  assert.equal(local('شيخ سعيد')?.name, 'Sheikh Saeed');
  assert.equal(local('صلاح الدين')?.name, 'Salaheddine');
  assert.ok(gazetteer.lookup('إدلب').some((c) => c.kind === 'admin1' && c.countryCode === 'SY'), 'a governorate by its Arabic name');
});

test('a landmark of common words is indexed with its city, never alone', () => {
  assert.ok(!gazetteer.lookup('National Museum').some((c) => c.kind === 'local'), 'no bare "National Museum" in Aleppo');
  assert.ok(local('National Museum of Aleppo'));
});

test('a point inside a neighbourhood outline carries its name; points outside carry none', () => {
  assert.equal(neighbourhoodAt(36.16462, 37.15581), 'Sheikh Saeed');
  assert.equal(neighbourhoodAt(33.5138, 36.2765), null, 'Damascus');
  assert.equal(neighbourhoodAt(36.3, 37.5), null, 'east of the city');
});

test('an outline and a listed place of the same Arabic name are merged; others are added', () => {
  const square = [[[[37.0, 36.0], [37.01, 36.0], [37.01, 36.01], [37.0, 36.01], [37.0, 36.0]]]];
  const listed: LayerPlace[] = [{ name: 'Qasr Example', aliases: ['قصر المثال'], kind: 'neighbourhood', parent: 'Aleppo', country: 'Syria' }];
  const outlines: LayerPlace[] = [
    { name: 'al-Qaser al-Mithal', aliases: ['قصر المثال'], kind: 'neighbourhood', parent: 'Aleppo', country: 'Syria', lat: 36.005, lon: 37.005, polygons: square },
    { name: 'Another One', aliases: [], kind: 'neighbourhood', parent: 'Aleppo', country: 'Syria', lat: 36.1, lon: 37.1, polygons: square },
  ];
  const merged = mergeLocalLayers(listed, outlines, []);
  assert.equal(merged.length, 2);
  assert.equal(merged[0]!.name, 'Qasr Example');
  assert.equal(merged[0]!.lat, 36.005);
  assert.ok(merged[0]!.aliases.includes('al-Qaser al-Mithal'));
  assert.equal(merged[0]!.polygons?.length, 1);
  assert.equal(merged[1]!.name, 'Another One');
});

test('a layer file that is missing or has a bad row is named once, with the line and the field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-layers-'));
  const missing = join(dir, 'missing.tsv');
  for (const read of [() => readLandmarks(pathToFileURL(missing)), () => readSyriaAdmin(pathToFileURL(missing)), () => readNeighbourhoods(pathToFileURL(missing))]) {
    assert.throws(read, { message: `${missing}: no such file` });
  }
  const landmarks = join(dir, 'landmarks.tsv');
  writeFileSync(landmarks, '# name\taliases\tkind\tlat\tlon\n\nOld Clock Tower\t\tlandmark\t36.2\t37.15\nNowhere Gate\t\tlandmark\t91\t37\n');
  assert.throws(() => readLandmarks(pathToFileURL(landmarks)), (error: Error) => error.message.startsWith(`${landmarks}: line 4: field 3: `), 'the latitude of line 4');
  writeFileSync(landmarks, 'Old Clock Tower\tClock Tower of the Old City\tlandmark\t36.2\t37.15\n');
  assert.deepEqual(readLandmarks(pathToFileURL(landmarks)).map((l) => [l.name, l.lat, l.lon]), [['Old Clock Tower', 36.2, 37.15]]);
});
