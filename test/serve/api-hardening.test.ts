import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest, createServer } from 'node:http';
import { connect } from 'node:net';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { startServer, type ServerOptions } from '../../src/serve/start-server.ts';
import { EventStream } from '../../src/serve/event-stream.ts';
import type { Article } from '../../src/ingest/types.ts';
import { withSourceProfile } from '../../src/serve/format-events.ts';
import { makeArticle, makeEvent, tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const TOKEN = 'hardening-token-0123456789';
type Ctx = Parameters<typeof tempDir>[0];

async function serve(t: Ctx, options: Partial<ServerOptions> = {}) {
  const store = await SqliteStore.open(join(tempDir(t), 'api.db'), storeRules());
  const server = await startServer({
    store, port: 0, host: '127.0.0.1', token: TOKEN, code: (article: Article) => [makeEvent(article)], ...options,
  });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  return { store, url: server.url };
}

async function errorBody(response: Response): Promise<{ error: string; field: string | null }> {
  assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  return await response.json() as { error: string; field: string | null };
}

test('under --protect-reads every read route refuses HEAD without the token, as it refuses GET', async (t) => {
  const { url } = await serve(t, { protectReads: true });
  for (const path of ['/events?q=Aleppo', '/events/stream', '/stats', '/actors', '/places', '/events/some-id']) {
    const head = await fetch(`${url}${path}`, { method: 'HEAD' });
    assert.equal(head.status, 401, `HEAD ${path}`);
    assert.equal(head.headers.get('content-length') === '102094', false);
    assert.equal((await fetch(`${url}${path}`)).status, 401, `GET ${path}`);
  }
  const authorised = await fetch(`${url}/events?q=Aleppo`, { method: 'HEAD', headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(authorised.status, 200);
  assert.equal((await fetch(`${url}/openapi.json`, { method: 'HEAD' })).status, 200);
});

test('HEAD /events/stream never takes one of the event-stream slots', async (t) => {
  const { url } = await serve(t, { maxEventStreams: 2 });
  for (let i = 0; i < 5; i++) {
    const head = await fetch(`${url}/events/stream`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.match(head.headers.get('content-type') ?? '', /text\/event-stream/);
  }
  const controller = new AbortController();
  t.after(() => controller.abort());
  const first = await fetch(`${url}/events/stream`, { signal: controller.signal });
  const second = await fetch(`${url}/events/stream`, { signal: controller.signal });
  assert.equal(first.status, 200);
  assert.equal(second.status, 200);
  const third = await fetch(`${url}/events/stream`, { signal: controller.signal });
  assert.equal(third.status, 503);
  assert.deepEqual(await third.json(), { error: 'too many event streams', field: null });
});

test('query validation: /stats refuses unknown parameters, bbox and limit are read strictly, from after to is 400', async (t) => {
  const { url } = await serve(t);
  const cases: [string, number, string | null, RegExp | null][] = [
    ['/stats?colour=red', 400, 'colour', /unknown query field/],
    ['/actors?colour=red', 400, 'colour', /unknown query field/],
    ['/events?bbox=,,,', 400, 'bbox', /four numbers/],
    ['/events?bbox=1,2,3,', 400, 'bbox', /four numbers/],
    ['/events?limit=0x10', 400, 'limit', /decimal digits/],
    ['/events?limit=1e2', 400, 'limit', /decimal digits/],
    ['/events?offset=-1', 400, 'offset', /decimal digits/],
    ['/events?bbox=200,10,30,20', 400, 'bbox', /longitudes/],
    ['/events?bbox=10,50,30,20', 400, 'bbox', /minLat/],
    ['/events?from=2020-05-02&to=2020-05-01', 400, 'from', /later than to/],
  ];
  for (const [path, status, field, message] of cases) {
    const response = await fetch(`${url}${path}`);
    assert.equal(response.status, status, path);
    const body = await errorBody(response);
    assert.equal(body.field, field, path);
    if (message) assert.match(body.error, message, path);
  }
  assert.equal((await fetch(`${url}/stats`)).status, 200);
  assert.equal((await fetch(`${url}/events?limit=10&from=2020-05-01&to=2020-05-01`)).status, 200);
  // minLon > maxLon is a box across the antimeridian, which both stores read as two boxes.
  assert.equal((await fetch(`${url}/events?bbox=170,-20,-170,20`)).status, 200);
});

test('a text/plain upload is 415 naming the content type, not a body error', async (t) => {
  const { url } = await serve(t);
  const response = await fetch(`${url}/articles`, {
    method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` }, body: 'Rebels shelled the town.',
  });
  assert.equal(response.status, 415);
  assert.equal((await errorBody(response)).field, 'content-type');
});

/** A raw request, so that the test can send what fetch would refuse to (huge headers, bad escapes). */
function rawGet(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${url}${path}`, { headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    });
    request.on('error', reject);
    request.end();
  });
}

test('router errors (414, 431, a bad URL) answer the {error, field} body', async (t) => {
  const { url } = await serve(t);
  const long = await rawGet(url, `/events/${'a'.repeat(300)}`);
  assert.equal(long.status, 414);
  assert.match(long.type, /application\/json/);
  assert.deepEqual(Object.keys(JSON.parse(long.body) as object).sort(), ['error', 'field']);
  assert.equal((JSON.parse(long.body) as { field: string }).field, 'url');

  const bad = await rawGet(url, '/events/%E0%A4%A');
  assert.equal(bad.status, 400);
  assert.equal((JSON.parse(bad.body) as { field: string }).field, 'url');

  const huge = await rawGet(url, '/events', { 'x-padding': 'p'.repeat(20_000) });
  assert.equal(huge.status, 431);
  assert.match(huge.type, /application\/json/);
  assert.deepEqual(JSON.parse(huge.body), { error: 'request headers (or the URL) too large', field: 'headers' });
  assert.equal((await fetch(`${url}/stats`)).status, 200);
});

test('an event-stream client that stops reading is disconnected before its buffer grows past the cap', async (t) => {
  const stream = new EventStream(10, 256 * 1024);
  const server = createServer((_request, response) => void stream.add(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => {
    stream.close();
    server.close();
  });
  const { port } = server.address() as { port: number };
  const clients = Array.from({ length: 5 }, () => {
    const socket = connect(port, '127.0.0.1');
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    socket.pause(); // a client that never reads
    return socket;
  });
  t.after(() => clients.forEach((c) => c.destroy()));
  while (stream.size < clients.length) await new Promise((r) => setTimeout(r, 10));

  const article = makeArticle('Shelling hit the market.');
  const big = withSourceProfile({ ...makeEvent(article, { location_reason: 'x'.repeat(16 * 1024) }), source_count: 1 });
  for (let i = 0; i < 2000 && stream.size > 0; i++) {
    stream.publish([big]);
    await new Promise((r) => setImmediate(r));
  }
  assert.equal(stream.size, 0, 'every paused client was dropped');
});

test('an upload is coded in a worker thread under a deadline: past it, 422 naming "text", and the server answers meanwhile', async (t) => {
  const store = await SqliteStore.open(join(tempDir(t), 'deadline.db'), storeRules());
  const server = await startServer({ store, port: 0, host: '127.0.0.1', token: TOKEN, codingDeadlineMs: 300 });
  t.after(async () => {
    await server.close();
    await store.close();
  });
  const upload = fetch(`${server.url}/articles`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: 'Rebels shelled the town of Saraqib on 4 May 2016, killing four civilians. '.repeat(2_000) }),
  });
  const started = Date.now();
  assert.equal((await fetch(`${server.url}/stats`)).status, 200);
  assert.ok(Date.now() - started < 1_000, 'the server answered while the upload was being coded');
  const response = await upload;
  assert.equal(response.status, 422);
  const body = await errorBody(response);
  assert.equal(body.field, 'text');
  assert.match(body.error, /could not be coded within 300 ms/);
});
