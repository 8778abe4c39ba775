import type { Command } from 'commander';
import { readDocuments } from '../../ingest/read-documents.ts';
import type { Article } from '../../ingest/types.ts';
import { DEFAULT_MAX_ATTEMPTS, PostgresJobQueue, type EnqueueCounts } from '../../store/job-queue.ts';
import { isPostgresUrl } from '../../store/open-store.ts';
import { describeProblem, parseDay, withDate } from './code.ts';
import { storeLocation } from './ingest.ts';
import { addLimitOptions, limitsFrom, wholeNumber, type LimitOptions } from '../limit-options.ts';

const BATCH = 500;

/** The store location of the queue commands, which need PostgreSQL. */
export function queueLocation(options: { store?: string }): string {
  const location = storeLocation(options);
  if (!isPostgresUrl(location)) throw new Error('the job queue needs PostgreSQL: give --store postgres://... or set SITREP_STORE');
  return location;
}

export function registerEnqueue(program: Command): void {
  addLimitOptions(program
    .command('enqueue')
    .description('Queue articles for `sitrep worker` processes to code and store (PostgreSQL); an article already queued is not queued again')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .option('--store <url>', 'the PostgreSQL store: a postgres:// URL (default $SITREP_STORE)')
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('--max-attempts <n>', 'claims before a failing job is marked failed',
      wholeNumber('--max-attempts', 1, 100), DEFAULT_MAX_ATTEMPTS))
    .action(async (paths: string[], options: { store?: string; date?: string; maxAttempts: number } & LimitOptions) => {
      const queue = await PostgresJobQueue.open(queueLocation(options));
      const counts: EnqueueCounts = { queued: 0, requeued: 0, already: 0 };
      let read = 0, bad = 0;
      let batch: Article[] = [];
      const flush = async (): Promise<void> => {
        const added = await queue.enqueueMany(batch, options.maxAttempts);
        counts.queued += added.queued;
        counts.requeued += added.requeued;
        counts.already += added.already;
        batch = [];
      };
      try {
        for await (const result of readDocuments(paths, limitsFrom(options))) {
          read++;
          if (!result.ok) {
            bad++;
            process.stderr.write(`sitrep: skipped ${describeProblem(result.problem)}\n`);
            continue;
          }
          // --date dates an undated article; a date the document gives itself is never overridden.
          batch.push(withDate(result.article, options.date));
          if (batch.length >= BATCH) await flush();
        }
        if (batch.length > 0) await flush();
      } finally {
        await queue.close();
      }
      process.stdout.write(`read ${read}, queued ${counts.queued}, requeued ${counts.requeued}, already queued ${counts.already}, bad ${bad}\n`);
      if (bad > 0) process.exitCode = 2;
    });
}
