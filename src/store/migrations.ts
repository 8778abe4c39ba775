import { readdirSync, readFileSync } from 'node:fs';

/**
 * The one migration runner of both stores: it lists, orders and checks the SQL files of
 * src/store/migrations/<backend>/, applies those a database lacks and records each in `schema_migrations`.
 * A store supplies only how to run SQL in one transaction (MigrationTarget).
 */

export type Backend = 'sqlite' | 'postgres';

/** One versioned schema change: `NNN-name.sql` in src/store/migrations/<backend>/. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * What the runner needs of a store: how to run SQL on one connection, alone or in a transaction. Whatever must
 * hold around the whole run (PostgreSQL's lock against a second process, SQLite's foreign keys off) the
 * store sets up around `migrate`.
 */
export interface MigrationTarget {
  readonly backend: Backend;
  /** Runs a script of one or more statements (a migration file). */
  script(sql: string): Promise<void>;
  /** Runs one statement, parameters bound in order (`?` in SQLite, `$1, $2, ...` in PostgreSQL); its rows, if any. */
  query(sql: string, params?: (string | number)[]): Promise<Record<string, unknown>[]>;
  /** Runs `work` (statements on this target) in one transaction: all of it is committed, or none when it throws. */
  transaction(work: () => Promise<void>): Promise<void>;
}

/** The migrations of one backend, in version order. A misnamed file or a gap in the versions is an error, not skipped. */
export function loadMigrations(backend: Backend): Migration[] {
  const dir = new URL(`./migrations/${backend}/`, import.meta.url);
  const migrations = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((file) => {
    const match = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file ${file} must be named NNN-name.sql`);
    return { version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, dir), 'utf8') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations/${backend}: expected version ${i + 1}, found ${m.version} (${m.name})`);
  });
  return migrations;
}

/** The bookkeeping table, as each backend has always had it (existing databases keep theirs). */
const BOOKKEEPING: Record<Backend, string> = {
  sqlite: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  postgres: `CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
};

const IS_APPLIED: Record<Backend, string> = {
  sqlite: 'SELECT 1 FROM schema_migrations WHERE version = ?',
  postgres: 'SELECT 1 FROM schema_migrations WHERE version = $1',
};

const RECORD: Record<Backend, string> = {
  sqlite: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  postgres: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)',
};

/**
 * Applies the migrations the database lacks, each in its own transaction with its record, and returns the
 * versions it applied. Whether a version is applied is asked inside its transaction, so a second process
 * migrating the same database at once skips what the first has committed. A database that records a version
 * this code does not know is newer than the code: that is an error, not something to write into.
 */
export async function migrate(target: MigrationTarget, migrations: Migration[] = loadMigrations(target.backend)): Promise<number[]> {
  const { backend } = target;
  await target.query(BOOKKEEPING[backend]);
  const recorded = (await target.query('SELECT version FROM schema_migrations ORDER BY version')).map((row) => Number(row.version));
  const known = new Set(migrations.map((m) => m.version));
  const unknown = recorded.filter((version) => !known.has(version));
  if (unknown.length > 0) {
    throw new Error(`the database has schema version ${unknown.join(', ')}, which this sitrep does not know (it knows up to ${migrations.length}): use a newer sitrep`);
  }
  const applied: number[] = [];
  for (const migration of migrations) {
    if (recorded.includes(migration.version)) continue;
    await target.transaction(async () => {
      if ((await target.query(IS_APPLIED[backend], [migration.version])).length > 0) return;
      await target.script(migration.sql);
      await target.query(RECORD[backend], [migration.version, migration.name, new Date().toISOString()]);
      applied.push(migration.version);
    }).catch((error: unknown) => {
      throw new Error(`migration ${String(migration.version).padStart(3, '0')}-${migration.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    });
  }
  return applied;
}
