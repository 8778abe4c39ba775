// The stores' defaults, apart from the store modules so that the CLI can name them in its help without loading
// SQLite, PostgreSQL or the migrations.

/** The SQLite file used when no store is named. */
export const DEFAULT_DB = './sitrep.db';

/** How many times a queued job is claimed before it is marked failed. */
export const DEFAULT_MAX_ATTEMPTS = 3;
