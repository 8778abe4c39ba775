import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import { codeArticle, defaultResources } from '../../src/pipeline.ts';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { tempDir } from './fixtures.ts';
import { freshSchema, testClient } from './postgres-fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

const MAIN = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const PLACES = ['Idlib', 'Aleppo', 'Homs', 'Hama', 'Daraa', 'Raqqa', 'Kano', 'Maiduguri', 'Tripoli', 'Benghazi'];
const ARTICLES = 150;
/** Articles 0..119 come in threes (three outlets reporting one shelling); the last 30 each report their own. */
const GROUPED = 120;
const LEASE_SECONDS = 2;

type TestContext = { after: (fn: () => void | Promise<void>) => void };

function groupOf(i: number): number {
  return i < GROUPED ? Math.floor(i / 3) : GROUPED / 3 + (i - GROUPED);
}

/** Short articles: groups of reports of one event next to each other in the queue, so workers store them at once. */
function writeArticles(path: string): void {
  const lines = [];
  for (let i = 0; i < ARTICLES; i++) {
    const group = groupOf(i);
    // Another place (over 25 km away) or a date four days apart: no two groups are one event.
    const place = PLACES[group % PLACES.length];
    const day = String(1 + 4 * Math.floor(group / PLACES.length)).padStart(2, '0');
    lines.push(JSON.stringify({
      url: `https://example.org/queue/${i}`, source: `Outlet ${i % 3}`, published: `2020-03-${day}`, title: `Report ${i}`,
      text: `Government forces shelled ${place} on 2020-03-${day}, killing ${2 + (i % 3)} civilians, story ${i} reported.`,
    }));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

function sitrep(args: string[]): ChildProcess & { output: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '', stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const output = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return Object.assign(child, { output });
}

/** Each event as the sorted ids of the reports merged into it; the list sorted. Independent of storage order. */
function grouping(events: { reports: string[] }[]): string[] {
  return events.map((e) => [...e.reports].sort().join(' ')).sort();
}

/** A fresh schema with the test articles queued by `sitrep enqueue`, and a connection to it. */
async function queuedArticles(t: TestContext): Promise<{ url: string; file: string; dir: string; db: pg.Client }> {
  const { url } = await freshSchema(t);
  const dir = tempDir(t);
  const file = join(dir, 'articles.jsonl');
  writeArticles(file);
  const enqueued = await sitrep(['enqueue', file, '--store', url]).output;
  assert.equal(enqueued.code, 0, enqueued.stderr);
  assert.match(enqueued.stdout, new RegExp(`queued ${ARTICLES},`));
  const db = await testClient(url);
  t.after(() => db.end());
  return { url, file, dir, db };
}

test('three workers, one killed while holding a job, code 150 queued articles: every job done, every article stored once, events as in one process', async (t) => {
  const { url, file, dir, db } = await queuedArticles(t);
  const workerArgs = ['worker', '--store', url, '--lease-seconds', String(LEASE_SECONDS), '--idle-exit'];
  const workers = [sitrep(workerArgs), sitrep(workerArgs), sitrep(workerArgs)];
  t.after(() => { for (const w of workers) if (w.exitCode === null && w.signalCode === null) w.kill('SIGKILL'); });
  const victim = workers[0]!;
  const victimId = `${hostname()}:${victim.pid}`;

  // Catch the victim holding a job: freeze it, make sure the job is still uncommitted, then kill it.
  let heldJob: string | null = null;
  for (let tries = 0; heldJob === null && tries < 6000 && victim.exitCode === null; tries++) {
    const held = await db.query<{ id: string }>("SELECT id FROM jobs WHERE locked_by = $1 AND status = 'running'", [victimId]);
    const jobId = held.rows[0]?.id;
    if (!jobId) {
      await sleep(10);
      continue;
    }
    victim.kill('SIGSTOP');
    await sleep(300);
    const still = await db.query("SELECT 1 FROM jobs WHERE id = $1 AND locked_by = $2 AND status = 'running'", [jobId, victimId]);
    if (still.rowCount === 1) {
      victim.kill('SIGKILL');
      heldJob = jobId;
    } else {
      victim.kill('SIGCONT');
    }
  }
  assert.ok(heldJob, 'the victim was killed while it held a claimed job');
  const killed = await victim.output;
  assert.equal(killed.signal, 'SIGKILL');

  // A restarted worker joins the two survivors; between them they take over the dead worker's job once its lease expires.
  workers.push(sitrep(workerArgs));
  const finished = await Promise.all(workers.slice(1).map((w) => w.output));
  for (const f of finished) assert.equal(f.code, 0, f.stderr);

  const jobs = await db.query<{ id: string; article_id: string; status: string; attempts: number }>('SELECT id, article_id, status, attempts FROM jobs');
  assert.equal(jobs.rowCount, ARTICLES, 'no job lost');
  assert.deepEqual(jobs.rows.filter((j) => j.status !== 'done'), [], 'every job done');
  assert.ok(jobs.rows.find((j) => j.id === heldJob)!.attempts >= 2, 'the killed job was claimed again');

  const articles = await db.query<{ id: string; report_count: number; reports: number }>(`SELECT a.id, a.report_count,
    (SELECT count(*)::int FROM event_sources s WHERE s.article_id = a.id) AS reports FROM articles a`);
  assert.deepEqual(articles.rows.map((a) => a.id).sort(), jobs.rows.map((j) => j.article_id).sort(), 'every article stored once');
  assert.deepEqual(articles.rows.filter((a) => a.report_count !== a.reports || a.reports === 0), [], 'each article with all its reports');

  const stored = await db.query<{ id: string; source_count: number; reports: string[] }>(`SELECT e.id, e.source_count,
    array_agg(s.report_id) AS reports FROM events e JOIN event_sources s ON s.event_seq = e.seq GROUP BY e.seq`);
  for (const e of stored.rows) {
    assert.equal(e.source_count, e.reports.length);
    assert.ok(e.reports.includes(e.id), `event ${e.id} is named after one of its own reports`);
  }

  // The same articles coded and stored one after another in this process (SQLite).
  const resources = defaultResources();
  const baseline = await SqliteStore.open(join(dir, 'baseline.db'), storeRules());
  t.after(() => baseline.close());
  for await (const result of readDocuments([file])) {
    assert.ok(result.ok);
    await baseline.addArticle(result.article, codeArticle(result.article, resources));
  }
  const expected = baseline.db.prepare(`SELECT e.id, json_group_array(s.report_id) AS reports FROM events e
    JOIN event_sources s ON s.event_seq = e.seq GROUP BY e.seq`).all() as { id: string; reports: string }[];
  const expectedEvents = expected.map((e) => ({ id: e.id, reports: JSON.parse(e.reports) as string[] }));
  assert.equal(stored.rowCount, expectedEvents.length, 'as many events as coding in one process');
  assert.equal(expectedEvents.length, GROUPED / 3 + (ARTICLES - GROUPED), 'each group of reports is one event');
  assert.deepEqual(grouping(stored.rows), grouping(expectedEvents), 'the same reports make up each event');
  const single = (events: { id: string; reports: string[] }[]) => events.filter((e) => e.reports.length === 1).map((e) => e.id).sort();
  assert.deepEqual(single(stored.rows), single(expectedEvents), 'events of one report have the same ids');
});

test('a worker sent SIGTERM finishes the article in hand, leaves no job claimed, and exits cleanly', async (t) => {
  const { url, db } = await queuedArticles(t);
  const worker = sitrep(['worker', '--store', url, '--lease-seconds', '60']);
  t.after(() => { if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL'); });
  for (let tries = 0; tries < 6000 && worker.exitCode === null; tries++) {
    const done = await db.query("SELECT 1 FROM jobs WHERE status = 'done' LIMIT 1");
    if (done.rowCount === 1) break;
    await sleep(10);
  }
  worker.kill('SIGTERM');
  const result = await worker.output;
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /\(stopped\)/);
  const counts = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM jobs GROUP BY status ORDER BY status');
  const by = Object.fromEntries(counts.rows.map((r) => [r.status, r.n]));
  assert.equal(by.running, undefined, 'no job left claimed by the stopped worker');
  assert.ok((by.done ?? 0) >= 1 && (by.pending ?? 0) >= 1, `stopped part-way (${JSON.stringify(by)})`);
  const stored = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
  assert.equal(stored.rows[0]!.n, by.done, 'exactly the done jobs are stored');
});
