import { PostgresStore } from './postgres-store.ts';
import { SqliteStore } from './sqlite-store.ts';
import type { EventStore, StoreRules } from './types.ts';

/** Whether a store location names a PostgreSQL server rather than a SQLite file. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/**
 * Opens the store at `location`: a `postgres://` URL selects PostgreSQL, anything else is a SQLite file.
 * `rules` are what the store applies to coded events (sitrep's: storeRules() in src/store-rules.ts).
 * Precedence for the CLI: --store, then SITREP_STORE, then --db, then ./sitrep.db.
 */
export async function openStore(location: string, rules: StoreRules): Promise<EventStore> {
  if (isPostgresUrl(location)) {
    return PostgresStore.open(location, rules);
  }
  return SqliteStore.open(location, rules);
}
