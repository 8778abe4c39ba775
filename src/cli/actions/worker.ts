import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { codeArticle, defaultResources, type CodingResources } from '../../pipeline.ts';
import { LeaseLostError, PostgresJobQueue, type ClaimedJob } from '../../store/job-queue.ts';
import { PostgresStore } from '../../store/postgres-store.ts';
import { queueLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

export interface WorkerOptions {
  /** Names the worker in `jobs.locked_by`. */
  workerId: string;
  leaseSeconds: number;
  /** Return once no job is pending or running, instead of waiting for more. */
  idleExit: boolean;
  /** How long to wait before looking again when no job is free. */
  pollMs: number;
  /** Aborting stops the loop after the current job. */
  signal: AbortSignal;
  log: (line: string) => void;
}

export interface WorkerSummary {
  done: number;
  duplicate: number;
  /** Attempts that failed (the job is retried, or failed for good after its last attempt). */
  failed: number;
  /** Jobs whose lease another worker took over before this one committed (nothing of them was stored here). */
  lost: number;
  created: number;
  merged: number;
}

/** Renews a job's lease while it is worked on, so that only a worker that stops loses it. */
function keepLeased(queue: PostgresJobQueue, job: ClaimedJob, leaseSeconds: number): () => void {
  const timer = setInterval(() => { queue.extend(job, leaseSeconds).catch(() => undefined); }, (leaseSeconds * 1000) / 3);
  return () => clearInterval(timer);
}

/**
 * Claims jobs, codes each article and stores it; the job is marked done in the article's own transaction, so a
 * worker killed at any point leaves the article either stored with its job done, or not stored with its job
 * claimable again when the lease expires.
 */
export async function runWorker(
  store: PostgresStore, queue: PostgresJobQueue, resources: CodingResources, options: WorkerOptions,
): Promise<WorkerSummary> {
  const summary: WorkerSummary = { done: 0, duplicate: 0, failed: 0, lost: 0, created: 0, merged: 0 };
  while (!options.signal.aborted) {
    const job = await queue.claim(options.workerId, options.leaseSeconds);
    if (!job) {
      if (options.idleExit) {
        const counts = await queue.counts();
        if (counts.pending === 0 && counts.running === 0) break;
      }
      await sleep(options.pollMs, undefined, { signal: options.signal }).catch(() => undefined);
      continue;
    }
    const release = keepLeased(queue, job, options.leaseSeconds);
    try {
      const events = codeArticle(job.article, resources);
      const result = await store.addArticleWith(job.article, events, (client) => queue.completeIn(client, job));
      summary.done++;
      if (result.duplicate) summary.duplicate++;
      summary.created += result.created.length;
      summary.merged += result.merged.length;
    } catch (error) {
      if (error instanceof LeaseLostError) {
        summary.lost++;
        options.log(error.message);
      } else {
        summary.failed++;
        const message = error instanceof Error ? error.message : String(error);
        const status = await queue.fail(job, message);
        options.log(`job ${job.id} (${job.article.origin}) attempt ${job.attempts} of ${job.max_attempts} failed${status === 'failed' ? ' for good' : ''}: ${message}`);
      }
    } finally {
      release();
    }
  }
  return summary;
}

export interface WorkerCommandOptions {
  store?: string;
  leaseSeconds: number;
  idleExit?: boolean;
  id?: string;
}

/** `sitrep worker`: works the queue until it is stopped (or, with --idle-exit, until no job is left), then prints a summary. */
export async function worker(options: WorkerCommandOptions): Promise<void> {
  const location = queueLocation(options);
  const store = await PostgresStore.open(location, storeRules(), { poolSize: 3 });
  const queue = new PostgresJobQueue(store.pool, store.url);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const workerId = options.id ?? `${hostname()}:${process.pid}`;
  let summary: WorkerSummary;
  try {
    const resources = defaultResources();
    process.stderr.write(`sitrep worker ${workerId}: started\n`);
    summary = await runWorker(store, queue, resources, {
      workerId, leaseSeconds: options.leaseSeconds, idleExit: options.idleExit ?? false, pollMs: 500, signal: stop.signal,
      log: (line) => process.stderr.write(`sitrep worker ${workerId}: ${line}\n`),
    });
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    await store.close();
  }
  process.stdout.write(`worker ${workerId}: done ${summary.done} (duplicate ${summary.duplicate}), failed attempts ${summary.failed}, `
    + `lost leases ${summary.lost}; events created ${summary.created}, merged ${summary.merged}${stop.signal.aborted ? ' (stopped)' : ''}\n`);
}
