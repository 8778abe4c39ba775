import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import { readDocuments } from '../../ingest/read-documents.ts';
import type { Article, IngestResult } from '../../ingest/types.ts';
import type { CodedEvent } from '../../events/event-schema.ts';
import { codeArticle, defaultResources } from '../../pipeline.ts';
import { openStore, DEFAULT_DB } from '../../store/open-store.ts';
import { CodingPool, codeInOrder } from '../workers/coding-pool.ts';
import { describeProblem, parseDay } from './code.ts';

export interface IngestSummary {
  read: number;
  stored: number;
  duplicate: number;
  failed: { where: string; reason: string }[];
  created: number;
  merged: number;
}

/** Where the store is: --store, then SITREP_STORE, then --db, then ./sitrep.db. */
export function storeLocation(options: { store?: string; db?: string }): string {
  return options.store ?? process.env.SITREP_STORE ?? options.db ?? DEFAULT_DB;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new InvalidArgumentError('--workers must be a whole number from 1 to 256');
  return n;
}

async function* codedInProcess(results: AsyncIterable<IngestResult>, articleOf: (r: IngestResult) => Article | null) {
  const resources = defaultResources();
  for await (const item of results) {
    const article = articleOf(item);
    let events: CodedEvent[] | Error | null = null;
    if (article) {
      try {
        events = codeArticle(article, resources);
      } catch (error) {
        events = error as Error;
      }
    }
    yield { item, events };
  }
}

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('Code articles and store them, merging reports of the same event (idempotent: re-running skips what is stored)')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('--store <url>', 'store location: a postgres:// URL or a SQLite file (overrides --db; default $SITREP_STORE)')
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('-w, --workers <n>', 'coding threads (default: number of cores; 1 codes in this thread)', parseWorkers)
    .option('-q, --quiet', 'no progress bar')
    .action(async (paths: string[], options: { db?: string; store?: string; date?: string; workers?: number; quiet?: boolean }) => {
      const store = await openStore(storeLocation(options));
      const summary: IngestSummary = { read: 0, stored: 0, duplicate: 0, failed: [], created: 0, merged: 0 };
      const bar = new cliProgress.SingleBar({
        stream: process.stderr,
        format: 'ingest {value} articles | {duplicate} duplicate | {failed} failed | {created} events created, {merged} merged',
        noTTYOutput: false,
        hideCursor: true,
      });
      const showBar = !options.quiet && process.stderr.isTTY;
      if (showBar) bar.start(0, 0, { duplicate: 0, failed: 0, created: 0, merged: 0 });

      const articleOf = (result: IngestResult): Article | null => {
        if (!result.ok) return null;
        // --date dates an undated article; a date the document gives itself is never overridden.
        return result.article.published || !options.date ? result.article : { ...result.article, published: options.date };
      };
      const workers = options.workers ?? availableParallelism();
      const pool = workers > 1 ? new CodingPool(workers) : null;
      let stopping = false;
      const stop = () => { stopping = true; };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        const documents = readDocuments(paths);
        const coded = pool ? codeInOrder(documents, articleOf, pool) : codedInProcess(documents, articleOf);
        for await (const { item, events } of coded) {
          // Stop between articles: each article is one transaction, so what is stored is whole.
          if (stopping) break;
          summary.read++;
          const article = articleOf(item);
          if (!item.ok || !article) {
            if (!item.ok) summary.failed.push({ where: describeProblem(item.problem), reason: item.problem.reason });
          } else if (events instanceof Error || events === null) {
            summary.failed.push({ where: article.origin, reason: `coding failed: ${events?.message ?? 'no result'}` });
          } else {
            try {
              const result = await store.addArticle(article, events);
              if (result.duplicate) summary.duplicate++;
              else summary.stored++;
              summary.created += result.created.length;
              summary.merged += result.merged.length;
            } catch (error) {
              summary.failed.push({ where: article.origin, reason: (error as Error).message });
            }
          }
          if (showBar) {
            bar.setTotal(summary.read);
            bar.update(summary.read, { duplicate: summary.duplicate, failed: summary.failed.length, created: summary.created, merged: summary.merged });
          }
        }
      } finally {
        if (showBar) bar.stop();
        await pool?.close();
        await store.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      for (const failure of summary.failed) process.stderr.write(`sitrep: failed ${failure.where}\n`);
      process.stdout.write(
        `read ${summary.read}, stored ${summary.stored}, duplicate ${summary.duplicate}, failed ${summary.failed.length}; `
        + `events created ${summary.created}, merged ${summary.merged}${stopping ? ' (interrupted)' : ''}\n`,
      );
      if (summary.failed.length > 0) process.exitCode = 2;
    });
}
