import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { maskSecrets } from '../../src/store/postgres-connection.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import { storeContract } from './store-contract.ts';
import { makeArticle, makeEvent } from './fixtures.ts';
import { freshSchema } from './postgres-fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

storeContract('postgres', async (t) => {
  const { url } = await freshSchema(t);
  const store = await PostgresStore.open(url, storeRules(), { poolSize: 2 });
  t.after(() => store.close());
  return store;
});

test('postgres: openStore with a postgres:// URL returns the PostgreSQL store', async (t) => {
  const { url } = await freshSchema(t);
  const store = await openStore(url, storeRules());
  t.after(() => store.close());
  assert.ok(store instanceof PostgresStore);
});

test('postgres: several processes opening one schema at once apply each migration once', async (t) => {
  const { url } = await freshSchema(t);
  const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(url, storeRules(), { poolSize: 1 })));
  t.after(() => Promise.all(stores.map((s) => s.close())));
  const versions = await stores[0]!.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(versions.rows.map((r) => r.version), loadMigrations('postgres').map((m) => m.version));
});

test('postgres: two writers storing reports of one event at the same moment merge them into one event', async (t) => {
  const { url } = await freshSchema(t);
  // Separate pools stand for separate worker processes.
  const writers = await Promise.all([1, 2, 3, 4].map(() => PostgresStore.open(url, storeRules(), { poolSize: 1 })));
  t.after(() => Promise.all(writers.map((s) => s.close())));
  for (let round = 0; round < 5; round++) {
    const articles = writers.map((_, i) => makeArticle(`Round ${round}: outlet ${i} reports the shelling.`, { source: `Outlet ${i}` }));
    const date = `2020-05-${String(10 + round * 3).padStart(2, '0')}`;
    const results = await Promise.all(writers.map((store, i) => store.addArticle(articles[i]!, [makeEvent(articles[i]!, { event_date: date })])));
    assert.equal(results.reduce((n, r) => n + r.created.length, 0), 1, `round ${round}: one writer creates the event, the others merge`);
  }
  const page = await writers[0]!.queryEvents({}, { limit: 10, offset: 0 });
  assert.equal(page.total, 5);
  assert.ok(page.events.every((e) => e.source_count === 4));
});

test('postgres: the same article stored by several writers at once is stored once, the others see a duplicate', async (t) => {
  const { url } = await freshSchema(t);
  const writers = await Promise.all([1, 2, 3].map(() => PostgresStore.open(url, storeRules(), { poolSize: 1 })));
  t.after(() => Promise.all(writers.map((s) => s.close())));
  const article = makeArticle('One article sent to three writers.', { url: 'https://example.org/same' });
  const results = await Promise.all(writers.map((store) => store.addArticle(article, [makeEvent(article)])));
  assert.deepEqual(results.map((r) => r.duplicate).sort(), [false, true, true]);
  assert.equal((await writers[0]!.queryEvents({}, { limit: 10, offset: 0 })).total, 1);
});

test('postgres: a bbox across the antimeridian finds events on both sides', async (t) => {
  const { url } = await freshSchema(t);
  const store = await PostgresStore.open(url, storeRules(), { poolSize: 1 });
  t.after(() => store.close());
  const fiji = makeArticle('Clash near Suva.');
  const samoa = makeArticle('Clash near Apia.');
  await store.addArticle(fiji, [makeEvent(fiji, { latitude: -18.1, longitude: 178.4, location: 'Suva', country: 'Fiji' })]);
  await store.addArticle(samoa, [makeEvent(samoa, { latitude: -13.8, longitude: -171.8, location: 'Apia', country: 'Samoa' })]);
  const ids = (await store.queryEvents({ bbox: [170, -20, -170, -10] }, { limit: 10, offset: 0 })).events.map((e) => e.location).sort();
  assert.deepEqual(ids, ['Apia', 'Suva']);
});

test('postgres: an article with a NUL character is refused naming the field', async (t) => {
  const { url } = await freshSchema(t);
  const store = await PostgresStore.open(url, storeRules(), { poolSize: 1 });
  t.after(() => store.close());
  const article = makeArticle('Text with a \u0000 inside.');
  await assert.rejects(store.addArticle(article, [makeEvent(article)]), /article\.text contains a NUL/);
});

test('postgres: an unreachable server is an error that names the URL without its password', async () => {
  // Port 1 on loopback: nothing listens there.
  const url = 'postgres://sitrep:s3cret-pw@127.0.0.1:1/none';
  await assert.rejects(PostgresStore.open(url, storeRules(), { poolSize: 1 }), (error: Error) => {
    assert.match(error.message, /postgres:\/\/sitrep:\*\*\*@127\.0\.0\.1:1\/none/);
    assert.doesNotMatch(error.message, /s3cret-pw/);
    return true;
  });
  assert.equal(maskSecrets('login for s3cret%2Fpw failed', 'postgres://u:s3cret%2Fpw@h/db'), 'login for *** failed');
});
