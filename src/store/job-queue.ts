import type pg from 'pg';
import type { Article } from '../ingest/types.ts';
import { masked, openPool } from './postgres-connection.ts';
import { DEFAULT_MAX_ATTEMPTS } from './defaults.ts';

/**
 * A queue of articles to code, for a feed watcher or the API to hand work to `sitrep worker` processes.
 * Enqueueing an article already queued (by article id) does not queue it twice.
 */
export interface ArticleQueue {
  enqueue(article: Article): Promise<EnqueueCounts>;
  enqueueMany(articles: readonly Article[]): Promise<EnqueueCounts>;
}

export interface EnqueueCounts {
  /** New jobs. */
  queued: number;
  /** Jobs that had failed and are pending again (enqueueing an article again retries it). */
  requeued: number;
  /** Articles already pending, running or done: left as they are. */
  already: number;
}

/** A job a worker holds: its article, and the lease it must renew or complete before `locked_until`. */
export interface ClaimedJob {
  id: string;
  article: Article;
  attempts: number;
  max_attempts: number;
  locked_by: string;
}

export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** The job was claimed by another worker after this worker's lease expired; its work must not be committed. */
export class LeaseLostError extends Error {
  constructor(job: ClaimedJob) {
    super(`job ${job.id} (article ${job.article.id}) is no longer leased to ${job.locked_by}`);
    this.name = 'LeaseLostError';
  }
}

const ENQUEUE_BATCH = 500;

/**
 * The PostgreSQL job queue (migrations/postgres/002-job-queue.sql). Workers claim the oldest open job with
 * `FOR UPDATE SKIP LOCKED`, so two workers never claim one job, and hold it for a lease; a job whose lease ran out
 * (its worker was killed) is claimed again; after `max_attempts` claims it is `failed` with its last error.
 */
export class PostgresJobQueue implements ArticleQueue {
  constructor(readonly pool: pg.Pool, readonly url: string, private readonly ownsPool = false) {}

  /** A queue with its own connection pool (migrated); close() ends the pool. */
  static async open(url: string, size = 2): Promise<PostgresJobQueue> {
    return new PostgresJobQueue(await openPool(url, size), url, true);
  }

  private async guard<T>(work: () => Promise<T>): Promise<T> {
    return masked(this.url, work, (error) => error instanceof LeaseLostError);
  }

  async enqueue(article: Article, maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<EnqueueCounts> {
    return this.enqueueMany([article], maxAttempts);
  }

  async enqueueMany(articles: readonly Article[], maxAttempts = DEFAULT_MAX_ATTEMPTS): Promise<EnqueueCounts> {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) throw new Error(`max attempts must be a whole number of at least 1, got ${maxAttempts}`);
    const counts: EnqueueCounts = { queued: 0, requeued: 0, already: 0 };
    for (let i = 0; i < articles.length; i += ENQUEUE_BATCH) {
      // One article once per batch: ON CONFLICT cannot touch a row twice in one statement.
      const batch = [...new Map(articles.slice(i, i + ENQUEUE_BATCH).map((a) => [a.id, a])).values()];
      const result = await this.guard(() => this.pool.query<{ inserted: boolean }>(`INSERT INTO jobs (article_id, article, max_attempts)
        SELECT * , $3::int FROM unnest($1::text[], $2::json[])
        ON CONFLICT (article_id) DO UPDATE SET status = 'pending', attempts = 0, max_attempts = excluded.max_attempts,
          locked_by = NULL, locked_until = NULL, updated_at = now()
        WHERE jobs.status = 'failed'
        RETURNING (xmax = 0) AS inserted`, [batch.map((a) => a.id), batch.map((a) => JSON.stringify(a)), maxAttempts]));
      const inserted = result.rows.filter((r) => r.inserted).length;
      counts.queued += inserted;
      counts.requeued += result.rows.length - inserted;
      counts.already += articles.slice(i, i + ENQUEUE_BATCH).length - result.rows.length;
    }
    return counts;
  }

  /**
   * Claims the oldest pending job, or one whose lease expired, for `leaseSeconds`; null when none is free.
   * Jobs whose lease expired on their last allowed attempt are marked failed first (their worker died on them).
   */
  async claim(workerId: string, leaseSeconds: number): Promise<ClaimedJob | null> {
    return this.guard(async () => {
      await this.pool.query(`UPDATE jobs SET status = 'failed', locked_by = NULL, locked_until = NULL, updated_at = now(),
        last_error = concat_ws(E'\\n', last_error, 'lease of ' || locked_by || ' expired on attempt ' || attempts || ' of ' || max_attempts
          || ' (the worker stopped while holding the job)')
        WHERE status = 'running' AND locked_until < now() AND attempts >= max_attempts`);
      const result = await this.pool.query<ClaimedJob>(`UPDATE jobs j SET status = 'running', attempts = j.attempts + 1,
        locked_by = $1, locked_until = now() + make_interval(secs => $2), updated_at = now()
        FROM (SELECT id FROM jobs WHERE status = 'pending' OR (status = 'running' AND locked_until < now())
              ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED) next
        WHERE j.id = next.id
        RETURNING j.id, j.article, j.attempts, j.max_attempts, j.locked_by`, [workerId, leaseSeconds]);
      return result.rows[0] ?? null;
    });
  }

  /** Renews the lease of a job still being worked on; false when the lease was lost to another worker. */
  async extend(job: ClaimedJob, leaseSeconds: number): Promise<boolean> {
    const result = await this.guard(() => this.pool.query(`UPDATE jobs SET locked_until = now() + make_interval(secs => $3), updated_at = now()
      WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [job.id, job.locked_by, leaseSeconds]));
    return result.rowCount === 1;
  }

  /**
   * Marks a job done inside the caller's transaction (the one that stores its article), so the article and
   * "done" commit together. Throws LeaseLostError, rolling the article back, when another worker holds it now.
   */
  async completeIn(client: pg.PoolClient, job: ClaimedJob): Promise<void> {
    const result = await client.query(`UPDATE jobs SET status = 'done', locked_by = NULL, locked_until = NULL, last_error = NULL,
      updated_at = now() WHERE id = $1 AND locked_by = $2 AND status = 'running'`, [job.id, job.locked_by]);
    if (result.rowCount !== 1) throw new LeaseLostError(job);
  }

  /** Records a failed attempt: the job is pending again, or failed with `error` once it used all its attempts. */
  async fail(job: ClaimedJob, error: string): Promise<JobStatus | null> {
    const result = await this.guard(() => this.pool.query<{ status: JobStatus }>(`UPDATE jobs SET
      status = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'pending' END,
      last_error = $3, locked_by = NULL, locked_until = NULL, updated_at = now()
      WHERE id = $1 AND locked_by = $2 AND status = 'running' RETURNING status`, [job.id, job.locked_by, error]));
    return result.rows[0]?.status ?? null;
  }

  /** How many jobs are in each state. */
  async counts(): Promise<Record<JobStatus, number>> {
    const rows = (await this.guard(() => this.pool.query<{ status: JobStatus; n: number }>(
      'SELECT status, count(*)::int AS n FROM jobs GROUP BY status'))).rows;
    const counts: Record<JobStatus, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    for (const row of rows) counts[row.status] = row.n;
    return counts;
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }
}
