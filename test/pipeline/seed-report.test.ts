import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { distanceKm } from '../../src/gazetteer/distance.ts';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import type { Article } from '../../src/ingest/types.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';
import { EventSchema } from '../../src/events/event-schema.ts';
import { codeArticle } from '../../src/pipeline.ts';

// The seed report: an undated FarsNews report of August 2016 on fighting in southern Aleppo.
const SEED = fileURLToPath(new URL('../../../shared/corpus/aleppo-2016.txt', import.meta.url));

// The neighbourhood centroids of the outlines the gazetteer ships (../shared/data/gazetteer/aleppo-csr).
const OUTLINES = JSON.parse(readFileSync(new URL('../../../shared/data/gazetteer/aleppo-csr/neighbourhoods.geojson', import.meta.url), 'utf8')) as {
  features: { properties: { NAME: string; xcoord: number; ycoord: number } }[];
};

function kmFrom(event: CodedEvent, neighbourhood: string): number {
  const found = OUTLINES.features.find((f) => f.properties.NAME === neighbourhood);
  assert.ok(found, `the outline of ${neighbourhood}`);
  return distanceKm(event.latitude ?? 0, event.longitude ?? 0, found.properties.ycoord, found.properties.xcoord);
}

async function seedArticle(): Promise<Article> {
  for await (const result of readDocuments([SEED])) if (result.ok) return result.article;
  throw new Error('the seed report could not be read');
}

const about = (events: CodedEvent[], words: RegExp): CodedEvent => {
  const found = events.find((e) => words.test(e.sentence.text));
  assert.ok(found, `an event from the sentence matching ${words}`);
  return found;
};

test('the seed report, dated by the analyst, gives the events a reader finds in it', async () => {
  const article = { ...(await seedArticle()), published: '2016-08-08' };
  const events = codeArticle(article);
  for (const e of events) EventSchema.parse(e);

  const captured = about(events, /captured several residential neighborhoods/);
  assert.equal(captured.event_type, 'Battles');
  assert.equal(captured.sub_event_type, 'Government regains territory');
  assert.equal(captured.actor1, 'Military Forces of Syria');
  assert.equal(captured.actor2, 'Jaish al Fatah');
  assert.equal(captured.inter1, 1);
  assert.equal(captured.inter2, 2);
  // Salahuddin is the neighbourhood the outlines call "Salah ad-Deen": the event stands at its centroid.
  assert.equal(captured.location, 'Salaheddine');
  assert.equal(captured.geo_precision, 1);
  assert.ok(kmFrom(captured, 'Salah ad-Deen') <= 1.5, `Salahuddin event ${kmFrom(captured, 'Salah ad-Deen').toFixed(2)} km from the centroid`);
  assert.equal(captured.neighbourhood, 'Salaheddine');
  assert.equal(captured.country, 'Syria');

  // "attacks on Jeish al-Fatah's strongholds in Salahuddin districts, and pushed the militants back ... across the
  // Southern districts of Aleppo": the district is the finer place, even without a point of its own.
  const attacks = about(events, /launched a fresh round of attacks/);
  assert.equal(attacks.event_type, 'Battles');
  assert.equal(attacks.location, 'Salaheddine');
  assert.ok(kmFrom(attacks, 'Salah ad-Deen') <= 1.5);
  assert.equal(attacks.admin1, 'Aleppo');

  const strikes = about(events, /targeted terrorists' arms depots/);
  assert.equal(strikes.event_type, 'Explosions/Remote violence');
  assert.equal(strikes.sub_event_type, 'Shelling/artillery/missile attack');
  assert.equal(strikes.actor2, 'Jaish al Fatah', '"terrorists" stands for the group the report is about');
  assert.equal(strikes.location, 'Aleppo', 'the districts listed are all of Aleppo');
  assert.equal(strikes.geo_precision, 2);

  const tunnel = about(events, /tunnel of the terrorists was detonated/);
  assert.equal(tunnel.event_type, 'Explosions/Remote violence');
  assert.equal(tunnel.actor1, 'Military Forces of Syria', 'the agent of the passive "was detonated in Syrian missile units\' attacks"');
  assert.equal(tunnel.fatalities, 3, '"a number of militants were killed" → 3 by the documented rule');
  assert.equal(tunnel.fatalities_basis, 'vague');

  // "Army reports later said that the terrorists have sustained tens of casualties in the clashes": "the clashes"
  // points back to the fighting just reported, so the claim is read into that event, not coded as a new one.
  const claim = events.find((e) => e.evidence.some((span) => span.field === 'claimant' && /Army reports/.test(span.text)));
  assert.ok(claim, 'an event whose claimant is the army reports');
  assert.equal(events.filter((e) => /Army reports later said/.test(e.sentence.text)).length, 0, 'the claim is no event of its own');
  assert.equal(claim.claimant, 'Military Forces of Syria');
  assert.equal(claim.fatalities, 0, '"tens of casualties" are killed or wounded, not deaths (docs/fatalities.md)');
  assert.equal(claim.fatalities_basis, 'unknown');

  const sheikhSaeed = about(events, /tough battle with Fatah al-Sham Front/);
  assert.equal(sheikhSaeed.event_type, 'Battles');
  assert.equal(sheikhSaeed.actor2, 'Jabhat Fatah al-Sham', 'the name the group had in August 2016');
  assert.equal(sheikhSaeed.location, 'Sheikh Saeed');
  assert.ok(kmFrom(sheikhSaeed, 'Sheikh Sa’eed') <= 1.5, `Sheikh Saeed event ${kmFrom(sheikhSaeed, 'Sheikh Sa’eed').toFixed(2)} km from the centroid`);
  assert.equal(sheikhSaeed.event_date, '2016-08-07', '"on Sunday" before Monday 8 August');

  // Each event stands at its own neighbourhood or landmark where the text names one; the others stay at the city.
  assert.ok(new Set(events.map((e) => `${e.latitude},${e.longitude}`)).size >= 4, 'at least four distinct points');
  assert.equal(strikes.latitude, 36.21667, 'the districts listed stand at the city');
  assert.equal(tunnel.location, 'Aleppo', 'the tunnel names no place in the city');
  assert.deepEqual([tunnel.latitude, tunnel.longitude], [36.21667, 37.16667]);
  assert.equal(tunnel.neighbourhood, null, 'an event at the city\'s point is in no neighbourhood in particular');
  assert.equal(sheikhSaeed.neighbourhood, 'Sheikh Saeed');

  for (const e of events) {
    assert.equal(e.source, 'FarsNews');
    for (const name of [e.actor1, e.actor2, e.assoc_actor_1]) assert.doesNotMatch(name ?? '', /terrorist|militant/i, 'a loaded word is never a name');
    for (const span of e.evidence) assert.equal(article.text.slice(span.start, span.end), span.text);
  }
});

test('the seed report without a date: its events stay undated and groups take their latest name', async () => {
  const events = codeArticle(await seedArticle());
  assert.ok(events.length >= 5);
  assert.deepEqual([...new Set(events.map((e) => e.event_date))], [null]);
  assert.equal(about(events, /tough battle with Fatah al-Sham Front/).actor2, 'HTS: Hayat Tahrir al Sham');
});
