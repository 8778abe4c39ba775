import { test } from 'node:test';
import assert from 'node:assert/strict';
import { publicationDate } from '../../src/ingest/publication-date.ts';
import { readJsonlStream } from '../../src/ingest/read-jsonl-stream.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.ts';

test('years 0000-0099 stay as written in RSS and ISO dates, never become 19xx', () => {
  assert.deepEqual(publicationDate('Mon, 01 Jan 0050 10:00:00 GMT'), { ok: true, date: '0050-01-01' });
  assert.deepEqual(publicationDate('0050-01-01'), { ok: true, date: '0050-01-01' });
  assert.deepEqual(publicationDate('0099-12-31T08:00:00Z'), { ok: true, date: '0099-12-31' });
  assert.deepEqual(publicationDate('0000-02-29'), { ok: true, date: '0000-02-29' }); // year 0 is a leap year
  assert.equal(publicationDate('0001-02-29').ok, false);
  assert.deepEqual(publicationDate('Sat, 09 May 2020 10:00:00 GMT'), { ok: true, date: '2020-05-09' });
});

test('a JSONL line dated in the year 0050 keeps that year', async () => {
  async function* file() {
    yield Buffer.from(`${JSON.stringify({ text: 'Rebels shelled the town.', published: '0050-03-01' })}\n`);
  }
  const results = [];
  for await (const r of readJsonlStream(file(), 'old.jsonl', DEFAULT_LIMITS)) results.push(r);
  assert.equal(results.length, 1);
  assert.ok(results[0]!.ok);
  assert.equal(results[0]!.ok && results[0]!.article.published, '0050-03-01');
});
