import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestPaths } from '../../src/cli/shared/ingest-paths.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { tempDir } from '../store/fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const PLACES = ['Kabul', 'Mosul', 'Aleppo', 'Gao', 'Mogadishu', 'Sanaa'];

test('an interrupted ingest of a gzipped JSONL file, started again, stores the rest and codes nothing twice', async (t) => {
  const dir = tempDir(t);
  const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({
    text: `Gunmen attacked a checkpoint in ${PLACES[i % PLACES.length]} on Monday, killing ${i + 2} soldiers, officials said.`,
    url: `https://example.org/report/${i}`,
    published: '2022-02-14',
  }));
  const file = join(dir, 'reports.jsonl.gz');
  writeFileSync(file, gzipSync(Buffer.from(lines.join('\n'))));
  const store = await SqliteStore.open(join(dir, 'resume.db'), storeRules());
  t.after(() => store.close());

  let seen = 0;
  const first = await ingestPaths(store, [file], { workers: 1, shouldStop: () => ++seen > 25 });
  assert.equal(first.interrupted, true);
  assert.equal(first.stored, 25);

  // Count what the second run hands to the store: only the articles not stored yet reach addArticle.
  let added = 0;
  const addArticle = store.addArticle.bind(store);
  store.addArticle = (article, events) => {
    added++;
    return addArticle(article, events);
  };
  const second = await ingestPaths(store, [file], { workers: 1 });
  assert.deepEqual([second.read, second.duplicate, second.stored, second.failed.length, second.interrupted], [60, 25, 35, 0, false]);
  assert.equal(added, 35, 'the 25 stored articles were skipped before coding');
  const third = await ingestPaths(store, [file], { workers: 2 });
  assert.deepEqual([third.duplicate, third.stored], [60, 0]);
});
