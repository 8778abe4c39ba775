import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { startServer } from '../../src/serve/start-server.ts';
import type { Article } from '../../src/ingest/types.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';
import { makeEvent, tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const TOKEN = 'shutdown-token-0123456789';
const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;

test('closing the server finishes an upload in flight and stores it, then refuses new connections', async (t) => {
  const store = await SqliteStore.open(join(tempDir(t), 'shutdown.db'), storeRules());
  t.after(() => store.close());
  // The coder holds the upload until the test lets it go, so the close starts while the request is in flight.
  let entered!: () => void;
  const coding = new Promise<void>((resolve) => { entered = resolve; });
  let release!: () => void;
  const held = new Promise<void>((resolve) => { release = resolve; });
  const server = await startServer({
    store, port: 0, host: '127.0.0.1', token: TOKEN,
    code: async (article: Article): Promise<CodedEvent[]> => {
      entered();
      await held;
      return [makeEvent(article)];
    },
  });

  const upload = fetch(`${server.url}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: 'Shelling hit Maarat al-Numan on Monday.', source: 'Wire' }),
  });
  await coding;
  const closing = server.close();
  await assert.rejects(fetch(`${server.url}/stats`), 'a new connection is refused once closing has begun');
  release();

  const response = await upload;
  assert.equal(response.status, 201);
  const body = await response.json() as { article_id: string; events: { event_id: string }[] };
  await closing;
  const stored = await store.queryEvents({}, { limit: 10, offset: 0 });
  assert.deepEqual(stored.events.map((e) => e.event_id), body.events.map((e) => e.event_id));
});

test('sitrep serve exits cleanly on SIGTERM and leaves a store that opens with its data', async (t) => {
  const db = join(tempDir(t), 'serve.db');
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--db', db, '--port', '0', '--token', TOKEN, '--web', '/nonexistent'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += String(chunk); });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      const found = /serving on (http\S+)/.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`sitrep serve exited (${code}) before serving: ${stderr}`)));
  });
  const posted = await fetch(`${url}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text: 'Gunmen killed three civilians in Kano on Monday, police said.', source: 'Wire', published: '2020-05-06' }),
  });
  assert.equal(posted.status, 201);

  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const [code, signal] = await exited as [number | null, string | null];
  assert.equal(signal, null, 'the process ends by itself, not killed by the signal');
  assert.equal(code, 0, stderr);
  assert.match(stderr, /SIGTERM, shutting down/);

  const reopened = await SqliteStore.open(db, storeRules());
  t.after(() => reopened.close());
  assert.ok((await reopened.stats()).total >= 1);
});
