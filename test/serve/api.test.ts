import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { startServer, type ServerOptions } from '../../src/serve/start-server.ts';
import type { Article } from '../../src/ingest/types.ts';
import { makeArticle, makeEvent, tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const TOKEN = 'test-token-0123456789';

type Ctx = Parameters<typeof tempDir>[0];

/** A real server on 127.0.0.1 (port 0) over a real SQLite file; uploads are coded by a fixed test coder. */
async function serve(t: Ctx, options: Partial<ServerOptions> = {}) {
  const store = await SqliteStore.open(join(tempDir(t), 'api.db'), storeRules());
  const server = await startServer({
    store, port: 0, host: '127.0.0.1', token: TOKEN,
    code: (article: Article) => [makeEvent(article, { fatalities: article.text.includes('five') ? 5 : 3, fatalities_basis: 'exact' })],
    ...options,
  });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  return { store, url: server.url };
}

function post(url: string, body: unknown, token: string | null = TOKEN, raw?: string) {
  return fetch(`${url}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

test('POST /articles stores an article once and GET /events/:id shows both merged sources', async (t) => {
  const { url } = await serve(t);
  const first = await post(url, { text: 'Shelling killed three in Maarat al-Numan.', source: 'A', published: '2020-05-12' });
  assert.equal(first.status, 201);
  const created = await first.json() as { article_id: string; duplicate: boolean; events: { event_id: string }[] };
  assert.equal(created.duplicate, false);
  assert.equal(created.events.length, 1);

  const again = await post(url, { text: 'Shelling killed three in Maarat al-Numan.', source: 'A' });
  assert.equal(((await again.json()) as { duplicate: boolean }).duplicate, true);

  await post(url, { text: 'Shelling killed five in Maarat al-Numan.', source: 'B' });
  const detail = await (await fetch(`${url}/events/${encodeURIComponent(created.events[0]!.event_id)}`)).json() as {
    source_count: number; fatalities: number; sources: { source: string }[]; disagreements: { field: string }[];
  };
  assert.equal(detail.source_count, 2);
  assert.equal(detail.fatalities, 3);
  assert.deepEqual(detail.sources.map((s) => s.source), ['A', 'B']);
  assert.deepEqual(detail.disagreements.map((d) => d.field), ['fatalities']);
  assert.equal((await fetch(`${url}/events/nope`)).status, 404);
});

test('GET /events filters, pages and answers GeoJSON by Accept or ?format', async (t) => {
  const { store, url } = await serve(t);
  const a = makeArticle('Shelling in Idlib.', { source: 'A' });
  await store.addArticle(a, [makeEvent(a)]);
  const b = makeArticle('Protest in Kano.', { source: 'B' });
  await store.addArticle(b, [makeEvent(b, {
    event_type: 'Protests', sub_event_type: 'Peaceful protest', plover_event: 'PROTEST', country: 'Nigeria', admin1: 'Kano',
    location: 'Kano', latitude: 12, longitude: 8.5, actor1: 'Protesters (Nigeria)', actor1_id: null, inter1: 6,
    actor2: null, actor2_id: null, inter2: 0, interaction: 60, event_date: '2020-06-01',
  })]);

  const list = await (await fetch(`${url}/events?event_type=Protests`)).json() as { total: number; events: { location: string }[] };
  assert.deepEqual([list.total, list.events[0]?.location], [1, 'Kano']);
  const boxed = await (await fetch(`${url}/events?bbox=30,30,40,40&from=2020-05-01&to=2020-05-31`)).json() as { total: number };
  assert.equal(boxed.total, 1);
  const actor = await (await fetch(`${url}/events?actor=${encodeURIComponent('Protesters (Nigeria)')}`)).json() as { total: number };
  assert.equal(actor.total, 1);
  const text = await (await fetch(`${url}/events?q=idlib`)).json() as { total: number };
  assert.equal(text.total, 1);
  const paged = await (await fetch(`${url}/events?limit=1&offset=1`)).json() as { total: number; events: unknown[] };
  assert.deepEqual([paged.total, paged.events.length], [2, 1]);

  const byAccept = await fetch(`${url}/events`, { headers: { accept: 'application/geo+json' } });
  assert.match(byAccept.headers.get('content-type') ?? '', /application\/geo\+json/);
  const geo = await byAccept.json() as { type: string; features: { geometry: { coordinates: number[] } }[] };
  assert.equal(geo.type, 'FeatureCollection');
  assert.equal(geo.features.length, 2);
  const byParam = await (await fetch(`${url}/events?format=geojson&country=Nigeria`)).json() as { features: { geometry: { coordinates: number[] } }[] };
  assert.deepEqual(byParam.features[0]!.geometry.coordinates, [8.5, 12]);

  const stats = await (await fetch(`${url}/stats`)).json() as { total: number; by_type: { event_type: string }[] };
  assert.equal(stats.total, 2);
  const actors = await (await fetch(`${url}/actors`)).json() as { actors: { name: string }[] };
  assert.ok(actors.actors.some((x) => x.name === 'Protesters (Nigeria)'));
  const places = await (await fetch(`${url}/places`)).json() as { places: { location: string }[] };
  assert.equal(places.places.length, 2);
});

test('GET /events?acled= and ?plover_event= separate ACLED events from PLOVER-only ones, also in GeoJSON and the OpenAPI', async (t) => {
  const { store, url } = await serve(t);
  const shelling = makeArticle('Shelling in Idlib.', { source: 'A' });
  const threat = makeArticle('The army threatened to shell Idlib.', { source: 'B' });
  await store.addArticle(shelling, [makeEvent(shelling)]);
  await store.addArticle(threat, [makeEvent(threat, {
    event_type: null, sub_event_type: null, plover_event: 'THREATEN', mode: 'violence', quad: 'Verbal conflict',
  })]);
  const types = async (query: string): Promise<(string | null)[]> => {
    const body = await (await fetch(`${url}/events?${query}`)).json() as { events: { event_type: string | null }[] };
    return body.events.map((e) => e.event_type);
  };
  assert.deepEqual(await types('acled=true'), ['Explosions/Remote violence']);
  assert.deepEqual(await types('acled=false'), [null]);
  assert.equal((await types('')).length, 2);
  assert.deepEqual(await types('plover_event=THREATEN'), [null]);
  assert.deepEqual(await types('plover_event=THREATEN&acled=true'), []);
  const geo = await (await fetch(`${url}/events?format=geojson&acled=false`)).json() as { features: { properties: { event_type: unknown; quad: unknown } }[] };
  assert.equal(geo.features.length, 1);
  assert.equal(geo.features[0]!.properties.event_type, null);
  assert.equal(geo.features[0]!.properties.quad, 'Verbal conflict');

  for (const bad of ['acled=1', 'acled=yes', 'plover_event=FIGHT']) {
    const response = await fetch(`${url}/events?${bad}`);
    assert.equal(response.status, 400, bad);
    assert.equal(((await response.json()) as { field: string }).field, bad.split('=')[0]);
  }
  const openapi = await (await fetch(`${url}/openapi.json`)).json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
  const names = openapi.paths['/events']?.get?.parameters?.map((p) => p.name) ?? [];
  assert.ok(names.includes('acled') && names.includes('plover_event'));
});

test('every event output tells how the event is sourced, and ?format=csv exports the same filtered events', async (t) => {
  const { store, url } = await serve(t);
  // One shelling reported by state media alone; a protest reported by two independent outlets.
  const state = makeArticle('Shelling hit a market in Idlib.', { source: 'SANA' });
  await store.addArticle(state, [makeEvent(state)]);
  const add = async (text: string, source: string) => {
    const article = makeArticle(text, { source });
    await store.addArticle(article, [makeEvent(article, {
      event_type: 'Protests', sub_event_type: 'Peaceful protest', plover_event: 'PROTEST', country: 'Nigeria', admin1: 'Kano',
      location: 'Kano', latitude: 12, longitude: 8.5, actor1: 'Protesters (Nigeria)', actor1_id: 'protesters:Nigeria', inter1: 6,
      actor2: null, actor2_id: null, inter2: 0, interaction: 60, event_date: '2020-06-01',
    })]);
  };
  await add('Traders marched in Kano against the market closure.', 'Reuters');
  await add('Hundreds of traders marched through Kano over the closed market.', 'Premium Times');

  type Sourced = { location: string; source_count: number; independent_outlets: number; source_affiliation: string; single_source: boolean };
  const list = await (await fetch(`${url}/events`)).json() as { events: Sourced[] };
  const idlib = list.events.find((e) => e.location === 'Maarat al-Numan');
  const kano = list.events.find((e) => e.location === 'Kano');
  assert.deepEqual([idlib?.source_count, idlib?.source_affiliation, idlib?.single_source], [1, 'state', true]);
  assert.deepEqual([kano?.source_count, kano?.independent_outlets, kano?.source_affiliation, kano?.single_source], [2, 2, 'independent', false]);

  const geo = await (await fetch(`${url}/events?format=geojson&country=Syria`)).json() as { features: { properties: Sourced }[] };
  assert.deepEqual(geo.features.map((f) => f.properties.source_affiliation), ['state']);

  const csv = await fetch(`${url}/events?format=csv&country=Nigeria`);
  assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
  assert.equal(csv.headers.get('x-total-count'), '1');
  const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
  assert.deepEqual(rows.map((r) => [r.location, r.source_count, r.source_affiliation, r.single_source]), [['Kano', '2', 'independent', 'no']]);

  const detail = await (await fetch(`${url}/events?source=SANA`)).json() as { events: { event_id: string }[] };
  const one = await (await fetch(`${url}/events/${encodeURIComponent(detail.events[0]!.event_id)}`)).json() as Sourced;
  assert.equal(one.source_affiliation, 'state');
});

test('GET /events?actor= finds an actor by the name the list shows, whatever name its other events carry', async (t) => {
  const { store, url } = await serve(t);
  const add = async (text: string, date: string, name: string) => {
    const article = makeArticle(text);
    await store.addArticle(article, [makeEvent(article, { event_date: date, actor1: name, actor1_id: 'hts', inter1: 2 })]);
  };
  await add('Tahrir al-Sham fighters shelled Saraqib.', '2020-05-11', 'HTS: Hayat Tahrir al Sham');
  await add('Fatah al-Sham fighters shelled Saraqib.', '2016-08-06', 'Jabhat Fatah al-Sham');
  const found = await (await fetch(`${url}/events?actor=${encodeURIComponent('HTS: Hayat Tahrir al Sham')}`)).json() as { total: number };
  assert.equal(found.total, 2);
  const actors = await (await fetch(`${url}/actors`)).json() as { actors: { id: string; country: string | null }[] };
  assert.deepEqual(actors.actors.filter((a) => a.id === 'hts').map((a) => a.country), ['Syria']);
});

test('bad requests get 4xx JSON naming the field, and the server keeps serving', async (t) => {
  const { url } = await serve(t, { bodyLimit: 64 * 1024 });
  const cases: [string, Promise<Response>, number, string | null][] = [
    ['bad date', fetch(`${url}/events?from=2020-02-31`), 400, 'from'],
    ['bad bbox', fetch(`${url}/events?bbox=1,2,3`), 400, 'bbox'],
    ['limit too high', fetch(`${url}/events?limit=5000`), 400, 'limit'],
    ['unknown param', fetch(`${url}/events?colour=red`), 400, 'colour'],
    ['unknown type', fetch(`${url}/events?event_type=Picnic`), 400, 'event_type'],
    ['repeated param', fetch(`${url}/events?from=2020-01-01&from=2020-01-02`), 400, 'from'],
    ['no token', post(url, { text: 'x' }, null), 401, 'authorization'],
    ['wrong token', post(url, { text: 'x' }, 'wrong'), 401, 'authorization'],
    ['missing text', post(url, { title: 'no text' }), 400, 'text'],
    ['bad url', post(url, { text: 'Some text.', url: 'javascript:alert(1)' }), 400, 'url'],
    ['bad published', post(url, { text: 'Some text.', published: 'yesterday' }), 400, 'published'],
    ['not JSON', post(url, null, TOKEN, '{"text": '), 400, null],
    ['body too large', post(url, { text: 'x'.repeat(100 * 1024) }), 413, 'body'],
  ];
  for (const [name, pending, status, field] of cases) {
    const response = await pending;
    assert.equal(response.status, status, name);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/, name);
    const body = await response.json() as { error: string; field: string | null };
    assert.equal(typeof body.error, 'string', name);
    assert.equal(body.field, field, name);
  }
  assert.equal((await fetch(`${url}/events`)).status, 200);
});

test('article text over the limit is 413 naming "text"; writes without a configured token are refused', async (t) => {
  const { url } = await serve(t, { bodyLimit: 2 * 1024 * 1024 });
  const long = await post(url, { text: 'a '.repeat(150_000) });
  assert.equal(long.status, 413);
  assert.equal(((await long.json()) as { field: string }).field, 'text');

  const readOnly = await serve(t, { token: null });
  assert.equal((await post(readOnly.url, { text: 'Some text.' }, 'anything')).status, 403);
});

test('the size limits are configurable: a smaller text limit and body limit are enforced', async (t) => {
  const { url } = await serve(t, { maxTextChars: 100, bodyLimit: 4096 });
  assert.equal((await post(url, { text: 'Shelling hit Maarat al-Numan on Monday.' })).status, 201);
  const overText = await post(url, { text: 'Shelling hit Maarat al-Numan. '.repeat(5) });
  assert.equal(overText.status, 413);
  assert.equal(((await overText.json()) as { field: string }).field, 'text');
  const overBody = await post(url, { text: 'Shelling.', title: 'x'.repeat(5000) });
  assert.equal(overBody.status, 413);
  assert.equal(((await overBody.json()) as { field: string }).field, 'body');
});

test('responses carry security headers, no CORS, and /openapi.json describes the endpoints', async (t) => {
  const { url } = await serve(t);
  const response = await fetch(`${url}/openapi.json`, { headers: { origin: 'https://evil.example' } });
  assert.equal(response.headers.get('access-control-allow-origin'), null);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.ok(response.headers.get('content-security-policy'));
  const doc = await response.json() as { openapi: string; paths: Record<string, unknown>; components: { schemas: { Event: { properties: Record<string, unknown> } } } };
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/events', '/events/{id}', '/events/stream', '/actors', '/places', '/stats', '/articles']) assert.ok(doc.paths[path], path);
  for (const field of ['source_count', 'independent_outlets', 'source_affiliation', 'single_source']) assert.ok(doc.components.schemas.Event.properties[field], field);
  const uploaded = (doc.paths['/articles'] as { post: { responses: { 201: { content: Record<string, { schema: { properties: { events: { items: unknown } } } }> } } } }).post;
  assert.deepEqual(uploaded.responses[201].content['application/json']!.schema.properties.events.items, { $ref: '#/components/schemas/Event' });
});

test('GET /events/stream receives an event stored by POST /articles', async (t) => {
  const { url } = await serve(t);
  const controller = new AbortController();
  t.after(() => controller.abort());
  const response = await fetch(`${url}/events/stream`, { signal: controller.signal });
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  await reader.read(); // the ": connected" comment: the stream is registered before we upload

  const upload = await post(url, { text: 'Shelling killed three in Maarat al-Numan.', source: 'Streamed' });
  const { events } = await upload.json() as { events: { event_id: string }[] };
  while (!received.includes('\n\n') || !received.includes('event: event')) {
    const { value, done } = await reader.read();
    if (done) break;
    received += decoder.decode(value, { stream: true });
  }
  const data = /data: (.*)\n/.exec(received)?.[1];
  assert.ok(data, received);
  const event = JSON.parse(data) as { event_id: string; source: string };
  assert.equal(event.event_id, events[0]!.event_id);
  assert.equal(event.source, 'Streamed');
});

test('POST /articles and /events/stream give each event the source profile GET /events gives it', async (t) => {
  const { url } = await serve(t);
  const controller = new AbortController();
  t.after(() => controller.abort());
  const reader = (await fetch(`${url}/events/stream`, { signal: controller.signal })).body!.getReader();
  await reader.read(); // ": connected"
  const decoder = new TextDecoder();
  let received = '';
  const streamed = async (count: number): Promise<Record<string, unknown>[]> => {
    while ((received.match(/^data: /gm) ?? []).length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    return [...received.matchAll(/^data: (.*)$/gm)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
  };
  const profile = (e: Record<string, unknown>) => ({
    source_count: e.source_count, independent_outlets: e.independent_outlets, source_affiliation: e.source_affiliation, single_source: e.single_source,
  });
  type Reply = { events: Record<string, unknown>[] };

  // A state news agency alone, then an independent wire reporting the same event: the merged event's profile changes.
  const first = await (await post(url, { text: 'Shelling killed three in Maarat al-Numan.', source: 'Xinhua', published: '2020-05-12' })).json() as Reply;
  assert.deepEqual(profile(first.events[0]!), { source_count: 1, independent_outlets: 1, source_affiliation: 'state', single_source: true });
  const second = await (await post(url, { text: 'Shelling killed five in Maarat al-Numan.', source: 'Reuters', published: '2020-05-12' })).json() as Reply;
  assert.equal(second.events.length, 1);
  assert.deepEqual(profile(second.events[0]!), { source_count: 2, independent_outlets: 2, source_affiliation: 'partly-state', single_source: false });

  const listed = await (await fetch(`${url}/events`)).json() as { events: Record<string, unknown>[] };
  assert.deepEqual(second.events, listed.events, 'the reply holds the events exactly as GET /events lists them');
  const messages = await streamed(2);
  assert.deepEqual(messages.map(profile), [profile(first.events[0]!), profile(second.events[0]!)]);
  assert.deepEqual(messages[1], listed.events[0], 'the stream sends the event as GET /events lists it');

  // A duplicate upload answers the stored events with their profile too.
  const again = await (await post(url, { text: 'Shelling killed three in Maarat al-Numan.', source: 'Xinhua' })).json() as Reply & { duplicate: boolean };
  assert.equal(again.duplicate, true);
  assert.deepEqual(again.events, listed.events);
});
