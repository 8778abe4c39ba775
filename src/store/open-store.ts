import { PostgresStore } from './postgres-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { EventStore } from './types.ts';
import { DEFAULT_DB } from './defaults.ts';

/** Whether a store location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location`: a `postgres://` URL selects PostgreSQL, anything else is a SQLite file.
 * Precedence for the CLI: --store, then SITREP_STORE, then --db, then ./sitrep.db.
 */
export async function openStore(location: string = process.env.SITREP_STORE ?? DEFAULT_DB): Promise<EventStore> {
  if (isPostgresUrl(location)) {
    return PostgresStore.open(location);
  }
  return new SqliteStore(location);
}
