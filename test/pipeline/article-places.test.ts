import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { articlePlaces } from '../../src/pipeline.ts';
import { formatPlaceRecords } from '../../src/serve/format-places.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { startServer } from '../../src/serve/start-server.ts';
import { makeArticle, makeEvent, tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

// Sentences written for these tests.
const TEXT = 'Yemeni officials said Houthi fighters shelled Taiz on Monday. In Syria, clashes erupted in the Sheikh Saeed district of Aleppo, '
  + 'and a drone struck a car near Idlib. Turkish troops were deployed along the M4 highway.';

test('every place mention of an article is resolved, with its offsets, point, ISO country and feature', () => {
  const article = makeArticle(TEXT);
  const places = articlePlaces(article);
  const byText = new Map(places.map((p) => [p.text, p]));
  for (const p of places) {
    assert.equal(TEXT.slice(p.start, p.end), p.text, 'offsets point into the article text');
    assert.equal(p.article_id, article.id);
  }
  const taiz = byText.get('Taiz');
  assert.ok(taiz, 'Taiz is found');
  assert.equal(taiz.country, 'YE');
  assert.match(taiz.feature ?? '', /^P\.PPL/);
  assert.ok(taiz.geonameid && taiz.geonameid > 0, 'a GeoNames town has its id');
  assert.equal(taiz.precision, 1);

  const sheikhSaeed = byText.get('Sheikh Saeed');
  assert.equal(sheikhSaeed?.country, 'SY');
  assert.equal(sheikhSaeed.feature, 'district');
  assert.ok(Math.abs(sheikhSaeed.latitude! - 36.1646) < 0.01, 'at the outline\'s centroid');

  const syria = byText.get('Syria');
  assert.equal(syria?.feature, 'A.PCLI');
  assert.equal(syria.precision, 3);
  assert.ok(Math.abs(syria.latitude! - 35) < 1 && Math.abs(syria.longitude! - 38.5) < 1, 'a country stands at its own point, not at Damascus');

  assert.equal(byText.get('Yemeni')?.country, 'YE', 'a demonym is a hint of its country');
  assert.equal(byText.get('Turkish')?.country, 'TR');
  assert.ok(byText.has('Aleppo') && byText.has('Idlib'));
});

test('places print as JSONL, JSON and GeoJSON', () => {
  const places = articlePlaces(makeArticle('Protesters gathered in Nairobi, Kenya, on Friday.'));
  const lines = formatPlaceRecords(places, 'jsonl').trim().split('\n');
  assert.equal(lines.length, places.length);
  assert.deepEqual(JSON.parse(lines[0]!), places[0]);
  assert.deepEqual(JSON.parse(formatPlaceRecords(places, 'json')), places);
  const geojson = JSON.parse(formatPlaceRecords(places, 'geojson')) as { type: string; features: { geometry: { coordinates: number[] } }[] };
  assert.equal(geojson.type, 'FeatureCollection');
  assert.equal(geojson.features.length, places.length);
  assert.deepEqual(geojson.features[0]!.geometry.coordinates, [places[0]!.longitude, places[0]!.latitude]);
});

test('GET /articles/:id/places gives the stored article\'s places; 404 for an unknown article', async (t) => {
  const store = await SqliteStore.open(join(tempDir(t), 'places.db'), storeRules());
  const server = await startServer({ store, port: 0, host: '127.0.0.1', code: (a) => [makeEvent(a)] });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  const article = makeArticle('Gunmen attacked a checkpoint in Maiduguri, Borno state, on Sunday.');
  await store.addArticle(article, [makeEvent(article)]);
  const response = await fetch(`${server.url}/articles/${article.id}/places`);
  assert.equal(response.status, 200);
  const body = await response.json() as { article_id: string; places: { text: string; country: string }[] };
  assert.equal(body.article_id, article.id);
  assert.ok(body.places.some((p) => p.text === 'Maiduguri' && p.country === 'NG'));
  const geo = await fetch(`${server.url}/articles/${article.id}/places?format=geojson`);
  assert.match(geo.headers.get('content-type') ?? '', /geo\+json/);
  assert.equal(((await geo.json()) as { type: string }).type, 'FeatureCollection');
  assert.equal((await fetch(`${server.url}/articles/nope/places`)).status, 404);
});
