import Database from 'better-sqlite3';
import { placeNameKey, placeNameSkeleton } from './place-name-key.ts';

/**
 * The gazetteer index: one SQLite file with the places and an index of their names by key and by
 * skeleton (see place-name-key.ts); the world base keeps that index as its `candidates` table (writeCandidates
 * below), dumps imported later as `names`. Look-ups are prepared statements on that index; nothing is loaded
 * into memory beyond SQLite's own page cache, a small cache of recent look-ups and the names of the
 * countries and first-level divisions (division-names.ts).
 */

export const SCHEMA_VERSION = '19';

/** At most this many places per name: a name shared by hundreds of places ("San Jose") gives its best-known ones. */
export const MAX_CANDIDATES = 60;

/** Skeletons shorter than this say too little to be indexed. */
export const MIN_SKELETON = 3;

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'populated' | 'site' | 'local';

export interface PlaceRow {
  id: number;
  name: string;
  kind: PlaceKind;
  /** For local places: neighbourhood, district, landmark, airport, road, ... */
  local_kind: string | null;
  country_code: string | null;
  admin1_code: string | null;
  admin2_code: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  feature_code: string | null;
  parent_id: number | null;
  source: string;
}

export interface NewPlace extends Omit<PlaceRow, 'id'> {
  names: string[];
  /** Curated abbreviations ("J&K", "KPK"): indexed by spelling only, where codes among `names` are not indexed at all. */
  abbreviations?: string[];
  /** Its Arabic-script names are indexed too (the curated layers). */
  arabic?: boolean;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS countries (code TEXT PRIMARY KEY, iso3 TEXT, name TEXT NOT NULL, lat REAL, lon REAL);
CREATE TABLE IF NOT EXISTS admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS admin2 (code TEXT PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  local_kind TEXT,
  country_code TEXT,
  admin1_code TEXT,
  admin2_code TEXT,
  lat REAL,
  lon REAL,
  population INTEGER NOT NULL DEFAULT 0,
  feature_code TEXT,
  parent_id INTEGER,
  source TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, exact INTEGER NOT NULL, place_id INTEGER NOT NULL, PRIMARY KEY (key, place_id)) WITHOUT ROWID;
`;

export function openDatabase(path: string, options: { readonly?: boolean } = {}): Database.Database {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.exec(SCHEMA);
  }
  return db;
}

/**
 * Names worth indexing: Latin-script spellings, not codes (IATA "ALP"), not URLs; Arabic-script ones too for the
 * layers whose Arabic names are curated (`arabic`), not for the world's alternate names, which would double the index.
 */
export function indexableName(name: string, arabic = false): boolean {
  return name.length >= 2 && name.length <= 80 && !/^https?:/.test(name) && !/^[A-Z0-9]{2,4}$/.test(name)
    && (/^[\p{Script=Latin}\p{N}\s'’`\-.,()&/]+$/u.test(name) || (arabic && /^[\p{Script=Arabic}\p{N}\s\-.,()]+$/u.test(name)));
}

/** Inserts places with their names, in the caller's transaction. */
export class PlaceWriter {
  private readonly insertPlace: Database.Statement;
  private readonly insertName: Database.Statement;

  constructor(db: Database.Database) {
    this.insertPlace = db.prepare(`INSERT INTO places (id, name, kind, local_kind, country_code, admin1_code, admin2_code, lat, lon, population, feature_code, parent_id, source)
      VALUES (@id, @name, @kind, @local_kind, @country_code, @admin1_code, @admin2_code, @lat, @lon, @population, @feature_code, @parent_id, @source)
      ON CONFLICT(id) DO UPDATE SET name = excluded.name, kind = excluded.kind, local_kind = excluded.local_kind, country_code = excluded.country_code,
        admin1_code = excluded.admin1_code, admin2_code = excluded.admin2_code, lat = excluded.lat, lon = excluded.lon,
        population = excluded.population, feature_code = excluded.feature_code, parent_id = excluded.parent_id, source = excluded.source`);
    this.insertName = db.prepare('INSERT OR IGNORE INTO names (key, exact, place_id) VALUES (?, ?, ?)');
  }

  /** Adds (or replaces) a place; `id` null gives it a new one. Returns its id. */
  add(place: NewPlace, id: number | null = null): number {
    const { names, abbreviations = [], arabic = false, ...row } = place;
    const result = this.insertPlace.run({ ...row, id });
    const placeId = id ?? Number(result.lastInsertRowid);
    this.addNames(placeId, names, abbreviations, arabic);
    return placeId;
  }

  /** Indexes more names for a place already written (the curated spellings of a GeoNames division). */
  addNames(placeId: number, names: string[], abbreviations: string[] = [], arabic = false): void {
    const keys = new Set<string>();
    const skeletons = new Set<string>();
    for (const name of names) {
      if (!indexableName(name, arabic)) continue;
      const key = placeNameKey(name);
      if (key) keys.add(key);
      const skeleton = placeNameSkeleton(name);
      if (skeleton.length >= MIN_SKELETON) skeletons.add(skeleton);
    }
    for (const abbreviation of abbreviations) {
      const key = placeNameKey(abbreviation);
      if (key) keys.add(key);
    }
    for (const key of keys) this.insertName.run(key, 1, placeId);
    for (const skeleton of skeletons) this.insertName.run(`~${skeleton}`, 0, placeId);
  }
}

export function createIndexes(db: Database.Database): void {
  db.exec('CREATE INDEX IF NOT EXISTS places_admin ON places (country_code, admin1_code, admin2_code)');
}

/**
 * The world base's look-up table: for each name key, its places as a look-up returns them, in their order (the
 * analysts' own places first, then by population, then by id, which is the order the join of `names` and `places`
 * gave), at most MAX_CANDIDATES, each with its place's columns and its second-level division's name written out.
 * A look-up reads one run of neighbouring rows instead of a name row, a place row and a division row for each place
 * scattered over the file, and during coding, when the rest of the coder has pushed SQLite's pages out of the CPU's
 * caches, those scattered reads were most of its cost (about 50 µs a query, a third of that with this table).
 * The names it is built from are then dropped: nothing reads them once the base is built (dumps imported later have
 * their own file, with its own `names`).
 */
export function writeCandidates(db: Database.Database): void {
  // Each place's own name is written folded too (name_key, placeNameKey of its name): reading places out of the
  // table during coding then folds nothing, where folding every candidate's name cost about 1% of coding.
  db.function('place_name_key', { deterministic: true }, (name: unknown) => placeNameKey(String(name)));
  db.exec(`CREATE TABLE candidates (key TEXT NOT NULL, rank INTEGER NOT NULL, id INTEGER NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    local_kind TEXT, country_code TEXT, admin1_code TEXT, lat REAL, lon REAL, population INTEGER NOT NULL, feature_code TEXT, parent_id INTEGER,
    exact INTEGER NOT NULL, admin2 TEXT, name_key TEXT NOT NULL, PRIMARY KEY (key, rank)) WITHOUT ROWID`);
  db.exec(`INSERT INTO candidates SELECT * FROM (
    SELECT n.key, row_number() OVER (PARTITION BY n.key ORDER BY p.kind = 'local' DESC, p.population DESC, p.id) - 1 AS rank,
      p.id, p.name, p.kind, p.local_kind, p.country_code, p.admin1_code, p.lat, p.lon, p.population, p.feature_code, p.parent_id, n.exact, a2.name,
      place_name_key(p.name)
    FROM names n JOIN places p ON p.id = n.place_id
    LEFT JOIN admin2 a2 ON a2.code = p.country_code || '.' || p.admin1_code || '.' || p.admin2_code)
    WHERE rank < ${MAX_CANDIDATES} ORDER BY key, rank`);
  db.exec('DROP TABLE names');
}
