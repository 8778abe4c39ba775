import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Article } from '../../src/ingest/types.ts';
import { codeArticle } from '../../src/pipeline.ts';
import { readHtml } from '../../src/ingest/read-html.ts';
import { CodingDeadlineError, CodingPool, codeInOrder } from '../../src/workers/coding-pool.ts';

const rows = parse(readFileSync(new URL('../../../shared/data/acled-2020/dev.csv', import.meta.url)), { columns: true }) as Record<string, string>[];
const articles: Article[] = rows.slice(0, 150).map((row, i) => ({
  id: `note-${i}`, origin: `dev.csv:${i + 2}`, title: null, text: row.notes ?? '', url: null, source: row.source ?? null, published: null, byline: null,
}));

async function* stream<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

test('coding in worker threads gives exactly the single-threaded output, in input order', async () => {
  const expected = articles.map((a) => codeArticle(a));
  const pool = new CodingPool(2);
  try {
    const got: unknown[] = [];
    for await (const { events } of codeInOrder(stream(articles), (a) => a, pool, 5)) got.push(events);
    assert.equal(got.length, articles.length);
    assert.deepEqual(got, expected);
    assert.ok(expected.some((events) => events.length > 0), 'the sample codes some events');
  } finally {
    await pool.close();
  }
});

test('an item without an article passes through in its place', async () => {
  const pool = new CodingPool(1);
  try {
    const items = [articles[0]!, null, articles[1]!];
    const out: (string | null)[] = [];
    for await (const { item, events } of codeInOrder(stream(items), (a) => a, pool)) out.push(item ? item.id : events === null ? 'none' : 'bad');
    assert.deepEqual(out, ['note-0', 'none', 'note-1']);
  } finally {
    await pool.close();
  }
});

test('an article that outlives its deadline is stopped with a clear error, and the pool codes the next one', async () => {
  const pool = new CodingPool(1);
  try {
    const long: Article = { ...articles[0]!, id: 'long', origin: 'long.txt', text: `${articles[0]!.text} `.repeat(200) };
    const started = Date.now();
    await assert.rejects(pool.code(long, { deadlineMs: 200 }), (error: Error) => error instanceof CodingDeadlineError && /long\.txt: coding took longer than 200 ms; stopped/.test(error.message));
    assert.ok(Date.now() - started < 2_000, 'the caller got its answer at the deadline');
    assert.deepEqual(await pool.code(articles[1]!), codeArticle(articles[1]!));
  } finally {
    await pool.close();
  }
});

test('an HTML page is read in the thread as readHtml reads it, and a deadline stops a slow read', async () => {
  const pool = new CodingPool(1);
  try {
    const page = `<html><body>${'<div>'.repeat(3_000)}<p>Rebels attacked Homs on 4 May 2016.</p>${'</div>'.repeat(3_000)}</body></html>`;
    assert.deepEqual(await pool.readHtml(page, 'deep.html'), readHtml(page, 'deep.html'));
    await assert.rejects(pool.readHtml(page, 'slow.html', 1), CodingDeadlineError);
    const again = await pool.readHtml('<html><body><p>Police dispersed protesters in Lagos.</p></body></html>', 'lagos.html');
    assert.ok(again.ok && again.article.text === 'Police dispersed protesters in Lagos.');
  } finally {
    await pool.close();
  }
});
