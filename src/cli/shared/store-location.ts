import { DEFAULT_DB } from '../../store/defaults.ts';
import { isPostgresUrl } from '../../store/open-store.ts';

/** Where the store is: --store, then SITREP_STORE, then --db, then ./sitrep.db. */
export function storeLocation(options: { store?: string; db?: string }): string {
  return options.store ?? process.env.SITREP_STORE ?? options.db ?? DEFAULT_DB;
}

/** The store location of the queue commands, which need PostgreSQL. */
export function queueLocation(options: { store?: string }): string {
  const location = storeLocation(options);
  if (!isPostgresUrl(location)) throw new Error('the job queue needs PostgreSQL: give --store postgres://... or set SITREP_STORE');
  return location;
}
