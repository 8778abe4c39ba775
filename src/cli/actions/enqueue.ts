import { readDocuments } from '../../ingest/read-documents.ts';
import type { Article } from '../../ingest/types.ts';
import { PostgresJobQueue, type EnqueueCounts } from '../../store/job-queue.ts';
import { describeProblem, withDate } from '../shared/articles.ts';
import { limitsFrom, type LimitOptions } from '../shared/options.ts';
import { queueLocation } from '../shared/store-location.ts';

const BATCH = 500;

export interface EnqueueOptions extends LimitOptions {
  store?: string;
  date?: string;
  maxAttempts: number;
}

/** `sitrep enqueue`: queues the documents under `paths` for `sitrep worker` processes, in batches. */
export async function enqueue(paths: string[], options: EnqueueOptions): Promise<void> {
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
}
