import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { createPool, migratePostgres } from '../../src/store/postgres-connection.ts';
import { loadMigrations } from '../../src/store/migrations.ts';
import { textHash } from '../../src/store/records.ts';
import { storeRules } from '../../src/store-rules.ts';
import { makeArticle, makeEvent, tempDir } from './fixtures.ts';
import { freshSchema } from './postgres-fixtures.ts';

/**
 * A SQLite file as sitrep left it at schema version 1, before PLOVER-only events (002) and neighbourhoods (003):
 * the first migration and its record, written the way the store of that version wrote them, and one article with
 * one event in the version-1 tables.
 */
function versionOneDatabase(path: string): { articleId: string; eventId: string } {
  const db = new Database(path);
  try {
    db.exec(loadMigrations('sqlite')[0]!.sql);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, ?)').run('initial', '2024-01-01T00:00:00.000Z');
    const article = makeArticle('Artillery fire hit the market of the town on Monday, residents said.', { source: 'First Outlet' });
    const event = makeEvent(article, { source: 'First Outlet' });
    db.prepare(`INSERT INTO articles (id, url, text_hash, origin, title, source, published, byline, text, report_count, ingested_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(article.id, article.url, textHash(article.text), article.origin, article.title,
      article.source, article.published, article.byline, article.text, '2024-01-01T00:00:00.000Z');
    const seq = Number(db.prepare(`INSERT INTO events (id, event_date, event_type, sub_event_type, modality, country, admin1,
      latitude, longitude, location_key, fatalities, source_count, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)`).run(
      event.event_id, event.event_date, event.event_type, event.sub_event_type, event.modality, event.country, event.admin1,
      event.latitude, event.longitude, `${event.location}|${event.country}`.toLowerCase(), event.fatalities, JSON.stringify(event),
    ).lastInsertRowid);
    db.prepare(`INSERT INTO event_sources (event_seq, article_id, report_id, source, claimant, fatalities, sentence_start,
      sentence_end, record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(seq, article.id, event.event_id, event.source, null,
      event.fatalities, event.sentence.start, event.sentence.end, JSON.stringify(event));
    db.prepare('INSERT INTO events_rtree VALUES (?, ?, ?, ?, ?)').run(seq, event.longitude, event.longitude, event.latitude, event.latitude);
    db.prepare('INSERT INTO events_fts (rowid, body) VALUES (?, ?)').run(seq, event.sentence.text);
    return { articleId: article.id, eventId: event.event_id };
  } finally {
    db.close();
  }
}

function recordedVersions(path: string): number[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]).map((r) => r.version);
  } finally {
    db.close();
  }
}

test('sqlite: a store at an older schema version is upgraded when opened, its events kept, found and merged into', async (t) => {
  const path = join(tempDir(t), 'old.db');
  const old = versionOneDatabase(path);

  const store = await SqliteStore.open(path, storeRules());
  t.after(() => store.close());
  assert.deepEqual(recordedVersions(path), loadMigrations('sqlite').map((m) => m.version));
  // 002 rebuilt the events table and filled plover_event from each stored record.
  const found = await store.queryEvents({ plover_event: 'ASSAULT' }, { limit: 10, offset: 0 });
  assert.deepEqual(found.events.map((e) => e.event_id), [old.eventId]);

  const second = makeArticle('Shells fell on the town market on Monday, a local official told reporters.', { source: 'Second Outlet' });
  const result = await store.addArticle(second, [makeEvent(second, { source: 'Second Outlet' })]);
  assert.deepEqual(result.merged, [old.eventId]);
  const detail = await store.getEvent(old.eventId);
  assert.equal(detail?.source_count, 2);
  assert.deepEqual(detail?.sources.map((s) => s.article_id), [old.articleId, second.id]);
});

test('sqlite: opening a migrated store again applies nothing and records each version once', async (t) => {
  const path = join(tempDir(t), 'twice.db');
  await (await SqliteStore.open(path, storeRules())).close();
  const first = recordedVersions(path);
  await (await SqliteStore.open(path, storeRules())).close();
  assert.deepEqual(recordedVersions(path), first);
  assert.deepEqual(first, loadMigrations('sqlite').map((m) => m.version));
});

test('sqlite: a database that records a schema version this sitrep does not know is refused, not written into', async (t) => {
  const path = join(tempDir(t), 'newer.db');
  await (await SqliteStore.open(path, storeRules())).close();
  const db = new Database(path);
  db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(999, 'from-the-future', new Date().toISOString());
  db.close();
  await assert.rejects(SqliteStore.open(path, storeRules()), /schema version 999.*newer sitrep/);
});

test('postgres: a store at an older schema version is upgraded when opened, its events kept and found', async (t) => {
  const { url } = await freshSchema(t);
  // The schema as sitrep left it at version 2, before PLOVER-only events (003) and neighbourhoods (004).
  const pool = createPool(url, 1);
  const article = makeArticle('Artillery fire hit the market of the town on Monday, residents said.');
  const event = makeEvent(article, { neighbourhood: 'Old Market' });
  try {
    await migratePostgres(pool, loadMigrations('postgres').slice(0, 2));
    await pool.query(`INSERT INTO events (id, event_date, event_type, sub_event_type, modality, fatalities, source_count, search, record)
      VALUES ($1, $2::date, $3, $4, $5, 0, 1, to_tsvector('simple', $6), $7)`,
    [event.event_id, event.event_date, event.event_type, event.sub_event_type, event.modality, event.sentence.text, JSON.stringify(event)]);
  } finally {
    await pool.end();
  }

  const store = await PostgresStore.open(url, storeRules(), { poolSize: 1 });
  t.after(() => store.close());
  const versions = await store.pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  assert.deepEqual(versions.rows.map((r) => r.version), loadMigrations('postgres').map((m) => m.version));
  const found = await store.queryEvents({ plover_event: 'ASSAULT' }, { limit: 10, offset: 0 });
  assert.deepEqual(found.events.map((e) => e.event_id), [event.event_id]);
  const neighbourhood = await store.pool.query<{ neighbourhood: string }>('SELECT neighbourhood FROM events');
  assert.deepEqual(neighbourhood.rows, [{ neighbourhood: 'Old Market' }]);
});
