import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { withSourceProfile } from '../../src/serve/format-events.ts';
import { makeArticle, makeEvent, tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

test('sitrep export streams every stored event, over several pages, in the order and with the fields of the API', async (t) => {
  const db = join(tempDir(t), 'export.db');
  const store = await SqliteStore.open(db, storeRules());
  // 1,250 separate events (each its own day, or undated), more than one page of the export's writes.
  for (let i = 0; i < 1250; i++) {
    const article = makeArticle(`Export report ${i}.`, { source: `Outlet ${i % 7}` });
    const day = new Date(Date.UTC(2019, 0, 1 + i * 3)).toISOString().slice(0, 10);
    await store.addArticle(article, [makeEvent(article, {
      event_date: i % 50 === 0 ? null : day, time_precision: i % 50 === 0 ? 3 : 1,
      ...(i % 3 === 0 ? { event_type: 'Battles' as const, sub_event_type: 'Armed clash' } : {}),
    })]);
  }
  // The export, like the API, tells how each event is sourced.
  const expected = (await store.queryEvents({}, { limit: 5000, offset: 0 })).events.map(withSourceProfile);
  const battles = (await store.queryEvents({ event_type: 'Battles' }, { limit: 5000, offset: 0 })).events.map(withSourceProfile);
  await store.close();
  assert.equal(expected.length, 1250);

  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'export', '--db', db, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const json = run('--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), expected);
  const jsonl = run('--format', 'jsonl', '--event-type', 'Battles');
  assert.equal(jsonl.status, 0, jsonl.stderr);
  assert.deepEqual(jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown), battles);
  assert.equal(battles.length, 417);
});
