import pg from 'pg';
import { loadMigrations, migrate, type Migration } from './migrations.ts';

/** Connecting to PostgreSQL: the pool, password masking, migrations under an advisory lock, retries. */

export const DEFAULT_POOL_SIZE = 10;

/** The URL as it may be shown: the password replaced by ***. */
export function maskUrl(url: string): string {
  return url.replace(/^([a-z]+:\/\/[^:@/]*:)[^@/]*@/i, '$1***@');
}

function passwordOf(url: string): string | null {
  const match = /^[a-z]+:\/\/[^:@/]*:([^@/]*)@/i.exec(url);
  return match?.[1] ? match[1] : null;
}

/** `text` with the URL masked and its password (as written and decoded) replaced, wherever they occur. */
export function maskSecrets(text: string, url: string): string {
  let masked = text.split(url).join(maskUrl(url));
  const password = passwordOf(url);
  if (password) {
    let decoded = password;
    try {
      decoded = decodeURIComponent(password);
    } catch {
      // not percent-encoded: the raw form is all there is
    }
    for (const secret of new Set([password, decoded])) masked = masked.split(secret).join('***');
  }
  return masked;
}

/** A database error re-thrown with the store's URL (password masked) and no secret in its message. */
export class PostgresStoreError extends Error {
  readonly code: string | undefined;

  constructor(url: string, cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(`PostgreSQL ${maskUrl(url)}: ${maskSecrets(message, url) || 'connection failed'}`);
    this.name = 'PostgresStoreError';
    this.code = (cause as { code?: string } | null)?.code;
  }
}

/**
 * Runs `work`, re-throwing what it throws as a PostgresStoreError (URL and password masked), except the errors
 * `keep` accepts as they are (input errors, a caller's own).
 */
export async function masked<T>(url: string, work: () => Promise<T>, keep: (error: unknown) => boolean = () => false): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof PostgresStoreError || keep(error)) throw error;
    throw new PostgresStoreError(url, error);
  }
}

/**
 * `url` with the schema the connection should work in, as the server-side `search_path` (a connection option,
 * so every pooled connection has it). The schema name is quoted for the server, never spliced into SQL here.
 */
export function withSchema(url: string, schema: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema name ${JSON.stringify(schema)}: use lower-case letters, digits and _`);
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export function poolSize(value: string | undefined = process.env.SITREP_PG_POOL_SIZE): number {
  if (value === undefined || value === '') return DEFAULT_POOL_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`pool size must be a whole number from 1 to 1000, got "${value}"`);
  return n;
}

export function createPool(url: string, size: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: size, connectionTimeoutMillis: 10_000 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/** A pool on `url` with the schema migrated; an unreachable server is a PostgresStoreError, and the pool is ended. */
export async function openPool(url: string, size: number): Promise<pg.Pool> {
  const pool = createPool(url, size);
  try {
    await masked(url, () => migratePostgres(pool));
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return pool;
}

/** Lock id (with the schema's hash) under which one process at a time migrates a schema. */
const MIGRATION_LOCK = 7_340_001;

/**
 * Applies the PostgreSQL migrations not applied yet (all of them unless `migrations` says; the runner in
 * migrations.ts), each in its own transaction on one connection. A session-level advisory lock on the schema makes processes that start together wait for
 * the first one, then find nothing to do.
 */
export async function migratePostgres(pool: pg.Pool, migrations: Migration[] = loadMigrations('postgres')): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    try {
      await migrate({
        backend: 'postgres',
        script: async (sql) => {
          await client.query(sql);
        },
        query: async (sql, params) => (await client.query<Record<string, unknown>>(sql, params)).rows,
        transaction: async (work) => {
          await client.query('BEGIN');
          try {
            await work();
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK');
            throw error;
          }
        },
      }, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext(current_schema()))', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Errors after which the whole transaction is simply tried again: serialization failure, deadlock, a unique key
 * another transaction took first (the retry then sees its row). */
const RETRYABLE = new Set(['40001', '40P01', '23505']);
const ATTEMPTS = 5;

/** Runs `work` in one transaction, retried on the errors above; COMMIT or ROLLBACK always ends it. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) throw error;
    } finally {
      client.release();
    }
  }
}
