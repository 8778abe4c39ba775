// Store benchmark: how fast coded articles are stored (with deduplication), and how fast sitrep ingests
// (code + store) end to end. Builds a SQLite store of at least BENCH_EVENTS events (default 10,000) that
// scripts/bench-api.ts then serves. Run: `npx tsx scripts/bench-store.ts [--json] [--db FILE]`.
//
// The articles are the ACLED notes of ../shared/data/acled-2020/dev.csv, five to an article, each coded once
// by the real pipeline. To reach the event count, later rounds re-store the same coded articles as new
// articles whose events are shifted by ROUND_SHIFT_DAYS per round, so they are distinct events (outside the
// dedup date window) rather than merges of the first round's.
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { codeArticle, defaultResources } from '../src/pipeline.ts';
import type { CodedEvent } from '../src/events/event-schema.ts';
import type { Article } from '../src/ingest/types.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { shiftDay } from '../src/store/records.ts';
import { storeRules } from '../src/store-rules.ts';

const ROUND_SHIFT_DAYS = 400;

export interface StoreBenchResult {
  db: string;
  articles_coded: number;
  code_and_store_articles_per_s: number;
  stored_articles: number;
  stored_events: number;
  store_articles_per_s: number;
  store_reports_per_s: number;
  merged_reports: number;
}

function notesArticles(): Article[] {
  const csv = readFileSync(new URL('../../shared/data/acled-2020/dev.csv', import.meta.url));
  const rows = parse(csv, { columns: true }) as { notes: string; source: string; event_date: string }[];
  const articles: Article[] = [];
  for (let i = 0; i < rows.length; i += 5) {
    const group = rows.slice(i, i + 5);
    articles.push({
      id: `bench-${i / 5}`, origin: `dev.csv:${i + 2}`, title: null, text: group.map((r) => r.notes).join('\n\n'),
      url: `https://bench.example/${i / 5}`, source: group[0]?.source ?? null, published: null, byline: null,
    });
  }
  return articles;
}

function shifted(article: Article, events: CodedEvent[], round: number): { article: Article; events: CodedEvent[] } {
  const id = `${article.id}-r${round}`;
  return {
    article: { ...article, id, url: `${article.url}?round=${round}`, text: `${article.text}\n(round ${round})` },
    events: events.map((e) => ({
      ...e,
      article_id: id,
      event_id: e.event_id.replace(article.id, id),
      event_date: e.event_date ? shiftDay(e.event_date, round * ROUND_SHIFT_DAYS) : null,
    })),
  };
}

export async function benchStore(options: { db?: string; events?: number } = {}): Promise<StoreBenchResult> {
  const db = options.db ?? join(tmpdir(), 'sitrep-bench.db');
  const target = options.events ?? Number(process.env.BENCH_EVENTS ?? 10_000);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${db}${suffix}`, { force: true });
  const store = await SqliteStore.open(db, storeRules());
  const resources = defaultResources();

  // Round 0: code and store each article, timed together (what `sitrep ingest --workers 1` does).
  const coded: { article: Article; events: CodedEvent[] }[] = [];
  let merged = 0;
  const started = performance.now();
  for (const article of notesArticles()) {
    const events = codeArticle(article, resources);
    const result = await store.addArticle(article, events);
    merged += result.merged.length;
    coded.push({ article, events });
  }
  const codeAndStoreSeconds = (performance.now() - started) / 1000;

  // Later rounds: storing only, until the store holds the target number of events.
  let storedArticles = coded.length;
  let storeSeconds = 0, storeReports = 0, storeArticles = 0;
  for (let round = 1; (await store.stats()).total < target; round++) {
    const batch = coded.map(({ article, events }) => shifted(article, events, round));
    const t0 = performance.now();
    for (const { article, events } of batch) {
      const result = await store.addArticle(article, events);
      merged += result.merged.length;
    }
    storeSeconds += (performance.now() - t0) / 1000;
    storeReports += batch.reduce((n, b) => n + b.events.length, 0);
    storeArticles += batch.length;
    storedArticles += batch.length;
  }
  const total = (await store.stats()).total;
  await store.close();
  return {
    db,
    articles_coded: coded.length,
    code_and_store_articles_per_s: Math.round(coded.length / codeAndStoreSeconds),
    stored_articles: storedArticles,
    stored_events: total,
    store_articles_per_s: storeSeconds ? Math.round(storeArticles / storeSeconds) : 0,
    store_reports_per_s: storeSeconds ? Math.round(storeReports / storeSeconds) : 0,
    merged_reports: merged,
  };
}

export function formatStoreBench(result: StoreBenchResult): string {
  return [
    `store (SQLite, ${result.db})`,
    `  ingest (code + store)  ${result.code_and_store_articles_per_s} articles/s over ${result.articles_coded} articles, one thread`,
    `  store only             ${result.store_articles_per_s} articles/s, ${result.store_reports_per_s} event reports/s`,
    `  store size             ${result.stored_articles} articles, ${result.stored_events} events (${result.merged_reports} reports merged)`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dbIndex = process.argv.indexOf('--db');
  const result = await benchStore({ db: dbIndex > 0 ? process.argv[dbIndex + 1] : undefined });
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatStoreBench(result));
}
