import Database from 'better-sqlite3';
import { placeNameKey, placeNameSkeleton } from './place-name-key.ts';

/**
 * The gazetteer index: one SQLite file with the places and an index of their names by key and by
 * skeleton (see place-name-key.ts). Look-ups are prepared statements on that index; nothing is loaded
 * into memory beyond SQLite's own page cache, a small cache of recent look-ups and the names of the
 * countries and first-level divisions (division-names.ts).
 */

export const SCHEMA_VERSION = '17';

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
