import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { storedArticles, tempDir } from './fixtures.ts';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const ARTICLES = 1000;
const PLACES = ['Idlib', 'Aleppo', 'Homs', 'Hama', 'Daraa', 'Raqqa', 'Kano', 'Maiduguri', 'Tripoli', 'Benghazi'];

/** Small articles, each distinct (its own URL and text), some of them reports of the same event. */
function writeArticles(path: string): void {
  const lines = [];
  for (let i = 0; i < ARTICLES; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const place = PLACES[i % PLACES.length];
    lines.push(JSON.stringify({
      url: `https://example.org/crash/${i}`,
      source: `Outlet ${i % 7}`,
      published: `2020-03-${day}`,
      title: `Report ${i}`,
      text: `Government forces shelled ${place} on 2020-03-${day}, killing ${1 + (i % 9)} civilians, report ${i} said.`,
    }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function ingest(file: string, db: string) {
  return spawn(process.execPath, ['--import', 'tsx', MAIN, 'ingest', file, '--db', db, '--workers', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Every stored article has exactly the reports it was stored with, each with all its evidence. */
function checkConsistent(db: string): { articles: number; reports: number } {
  const conn = new Database(db, { readonly: true });
  try {
    assert.equal((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check, 'ok');
    const partial = conn.prepare(`SELECT a.id, a.report_count, (SELECT count(*) FROM event_sources s WHERE s.article_id = a.id) AS n
      FROM articles a WHERE a.report_count != (SELECT count(*) FROM event_sources s WHERE s.article_id = a.id)`).all();
    assert.deepEqual(partial, [], 'articles stored without all their reports');
    const orphans = conn.prepare(`SELECT count(*) AS n FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_seq = e.seq)`).get() as { n: number };
    assert.equal(orphans.n, 0, 'events without a report');
    const reports = conn.prepare('SELECT id, record FROM event_sources').all() as { id: number; record: string }[];
    const evidence = conn.prepare('SELECT count(*) AS n FROM evidence WHERE report = ?');
    for (const report of reports) {
      const expected = (JSON.parse(report.record) as { evidence: unknown[] }).evidence.length;
      assert.equal((evidence.get(report.id) as { n: number }).n, expected, `evidence of report ${report.id}`);
    }
    const sources = conn.prepare('SELECT e.source_count AS c, (SELECT count(*) FROM event_sources s WHERE s.event_seq = e.seq) AS n FROM events e').all() as { c: number; n: number }[];
    assert.ok(sources.every((s) => s.c === s.n), 'source_count matches the reports');
    return { articles: (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n, reports: reports.length };
  } finally {
    conn.close();
  }
}

test('kill -9 during ingest of 1,000 articles leaves every article whole, and a re-run stores the rest once', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'articles.jsonl');
  const db = join(dir, 'crash.db');
  writeArticles(file);

  const child = ingest(file, db);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  let before = 0;
  while (before < 30) {
    await sleep(20);
    before = storedArticles(db);
    if (child.exitCode !== null) break;
  }
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL', 'the ingest was killed before it finished');

  const afterCrash = checkConsistent(db);
  assert.ok(afterCrash.articles >= 30 && afterCrash.articles < ARTICLES, `killed mid-way (${afterCrash.articles} stored)`);

  const rerun = ingest(file, db);
  let output = '';
  rerun.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const code = await new Promise<number | null>((resolve) => rerun.on('exit', resolve));
  assert.equal(code, 0, output);
  const duplicate = Number(/duplicate (\d+)/.exec(output)?.[1]);
  const stored = Number(/stored (\d+)/.exec(output)?.[1]);
  assert.equal(duplicate, afterCrash.articles, 'everything stored before the crash is skipped');
  assert.equal(stored, ARTICLES - afterCrash.articles, 'the rest is stored');

  const final = checkConsistent(db);
  assert.equal(final.articles, ARTICLES);
  const conn = new Database(db, { readonly: true });
  t.after(() => conn.close());
  const urls = conn.prepare('SELECT count(DISTINCT url) AS n FROM articles').get() as { n: number };
  assert.equal(urls.n, ARTICLES, 'no article stored twice');
  assert.ok(final.reports >= ARTICLES, 'each article reported at least its shelling');
});
