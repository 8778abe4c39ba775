import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { buildWorldGazetteer } from './build-world.ts';
import { MAX_CANDIDATES, MIN_SKELETON, openDatabase, SCHEMA_VERSION, type PlaceKind } from './gazetteer-db.ts';
import { foldName, keySkeleton, placeNameKey, placeNameSkeleton } from './place-name-key.ts';
import { NameFilter } from './name-filter.ts';
import { DivisionNames } from './division-names.ts';
import { BoundedMemo } from '../bounded-memo.ts';

/** A place the gazetteer knows, with its division names spelled out. */
export interface PlaceCandidate {
  id: number;
  name: string;
  kind: PlaceKind;
  localKind: string | null;
  countryCode: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  lat: number | null;
  lon: number | null;
  population: number;
  featureCode: string | null;
  parentId: number | null;
  /** Found by its folded spelling (true) or only by its transliteration skeleton (false). */
  exact: boolean;
  /** Its first-level division as "country code.admin1 code" ("SY.09"), when known. */
  division: string | null;
  /** Its name's folded key (placeNameKey), for comparing with the text. */
  key: string;
}

export interface Gazetteer {
  /** Places that a name may refer to: by folded spelling, else by skeleton. */
  lookup(name: string): PlaceCandidate[];
  /**
   * The places of lookup's answer known by the name's spelling, without its guess by skeleton (none when the guess is
   * all there is): for a caller that would set a guess aside.
   */
  spelled(name: string): PlaceCandidate[];
  /** Places whose name is written with other letters for the same sounds (by skeleton only), whatever the spelling finds. */
  variants(name: string): PlaceCandidate[];
  place(id: number): PlaceCandidate | null;
  /** A country's own point (the centroid of its main land), by ISO code; null when the table has none. */
  countryPoint(code: string): { lat: number; lon: number } | null;
  close(): void;
}

/** Where the gazetteer's files live: `SITREP_GAZETTEER_DIR`, else data/build/ in the installation. */
export function gazetteerDir(): string {
  return process.env.SITREP_GAZETTEER_DIR ?? fileURLToPath(new URL('../../data/build/', import.meta.url));
}

export const WORLD_FILE = 'gazetteer.sqlite';
/** Dumps imported by `sitrep gazetteer import` go to their own file, which rebuilding the world base never touches. */
export const IMPORTS_FILE = 'gazetteer-imports.sqlite';

/** Look-ups repeat (the same towns in many reports); a bounded cache keeps the common ones. */
const CACHE_LIMIT = 50_000;
/** Remembered for an id no place has (the cache holds no null): asking again would cost the same look-up. */
const NO_PLACE = Symbol('no place');
/** A name the gazetteer does not know is guessed from its skeleton alone only when the skeleton is this long. */
const GUESS_SKELETON = 6;

function isCurrent(path: string): boolean {
  if (!existsSync(path)) return false;
  const db = openDatabase(path, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM meta WHERE key = 'schema'").get() as { value: string } | undefined;
    return row?.value === SCHEMA_VERSION;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

/** Makes sure the world base is built (first use after install, or after a schema change), with its name filter. */
export function ensureWorldGazetteer(dir: string = gazetteerDir()): string {
  const path = join(dir, WORLD_FILE);
  if (!isCurrent(path)) buildWorldGazetteer(path);
  const db = openDatabase(path, { readonly: true });
  const hasFilter = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'name_filter'").get() !== undefined;
  db.close();
  if (!hasFilter) writeNameFilter(path);
  return path;
}

/** Stores a Bloom filter of every name key of the world base in its own table (schema in gazetteer-db.ts). */
function writeNameFilter(path: string): void {
  const db = openDatabase(path);
  try {
    // Every key has its first place (rank 0) in the look-up table.
    const keys = db.prepare('SELECT key FROM candidates WHERE rank = 0').pluck();
    const filter = NameFilter.empty((db.prepare('SELECT count(*) FROM candidates WHERE rank = 0').pluck().get() as number));
    for (const key of keys.iterate() as IterableIterator<string>) filter.add(key);
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS name_filter (bits BLOB NOT NULL, hashes INTEGER NOT NULL)');
      db.exec('DELETE FROM name_filter');
      db.prepare('INSERT INTO name_filter VALUES (?, ?)').run(Buffer.from(filter.bits), filter.hashes);
    })();
  } finally {
    db.close();
  }
}

function readNameFilter(db: Database.Database): NameFilter | null {
  try {
    const row = db.prepare('SELECT bits, hashes FROM main.name_filter').get() as { bits: Buffer; hashes: number } | undefined;
    return row ? NameFilter.fromBytes(new Uint8Array(row.bits), row.hashes) : null;
  } catch {
    return null; // a base built before the filter existed: ensureWorldGazetteer adds it
  }
}

/**
 * The answer for the many names that are no place: one shared empty list, not one per name remembered (frozen, so that
 * no caller can add to it).
 */
const NO_PLACES = Object.freeze([]) as unknown as PlaceCandidate[];
/**
 * Remembered for a name asked only by `spelled` that has no places by its spelling: what lookup would guess by its
 * skeleton is still to be worked out. Never returned.
 */
const NOT_SPELLED = Object.freeze([]) as unknown as PlaceCandidate[];

/** A place's columns as the look-ups read them (the place table read as `p`), followed by its name's `exact`. */
const PLACE_COLUMNS = 'p.id, p.name, p.kind, p.local_kind, p.country_code, p.admin1_code, p.lat, p.lon, p.population, p.feature_code, p.parent_id';
/** The name of a place's second-level division, joined to `p`. */
const ADMIN2 = "LEFT JOIN main.admin2 a2 ON a2.code = p.country_code || '.' || p.admin1_code || '.' || p.admin2_code";
/**
 * A row of the look-ups: PLACE_COLUMNS, `exact`, the second-level division's name and the name's key (the world base's
 * `candidates` row).
 */
type CandidateRow = [
  id: number, name: string, kind: PlaceKind, localKind: string | null, countryCode: string | null, admin1Code: string | null,
  lat: number | null, lon: number | null, population: number, featureCode: string | null, parentId: number | null,
  exact: number, admin2: string | null,
  /** Its name's key as the world base stores it (null from an imports file or by id: folded when read). */
  nameKey: string | null,
];

class SqliteGazetteer implements Gazetteer {
  private readonly db: Database.Database;
  /** The name look-up of each index file, the world base first; the world base's behind its name filter. */
  private readonly byKey: { statement: Database.Statement; filter: NameFilter | null }[];
  private readonly byId: Database.Statement;
  private readonly byCountry: Database.Statement;
  private readonly divisionNames: DivisionNames;
  private readonly cache = new BoundedMemo<string, PlaceCandidate[]>(CACHE_LIMIT);
  /** Parents are asked for again and again (a neighbourhood's city for every candidate it is checked against). */
  private readonly byIdCache = new BoundedMemo<number, PlaceCandidate | typeof NO_PLACE>(CACHE_LIMIT);

  constructor(dir: string) {
    this.db = openDatabase(ensureWorldGazetteer(dir), { readonly: true });
    // The file is read through SQLite's own page cache (2 MB), not mapped: every page a mapping touched stayed in the
    // process's memory (about 50 MB of the world base over a long run) and look-ups were no faster for it.
    const imports = join(dir, IMPORTS_FILE);
    const hasImports = existsSync(imports);
    if (hasImports) this.db.prepare('ATTACH DATABASE ? AS imports').run(imports);
    const schemas = hasImports ? ['main', 'imports'] : ['main'];
    // One statement per look-up: the spelling key and the skeleton together. The world base has each key's places
    // ready in their order (gazetteer-db.ts, writeCandidates); an imports file has its names and places, chosen and
    // ordered alike, and only those kept get their second-level division's name joined in. The country's and the
    // first-level division's names come from memory (DivisionNames). Rows come as arrays (raw): cheaper to read than
    // objects. A name shared by hundreds of places ("San Jose") gives its best-known ones: the analysts' own places,
    // then by population (divisions carry the population of their towns).
    const worldFilter = readNameFilter(this.db);
    this.byKey = schemas.map((s) => ({
      statement: (s === 'main'
        ? this.db.prepare(`SELECT id, name, kind, local_kind, country_code, admin1_code, lat, lon, population, feature_code, parent_id, exact, admin2, name_key
          FROM main.candidates WHERE key = ? ORDER BY rank`)
        : this.db.prepare(`SELECT ${PLACE_COLUMNS}, p.exact, a2.name, NULL FROM (SELECT p.*, n.exact FROM ${s}.names n JOIN ${s}.places p ON p.id = n.place_id
          WHERE n.key = ? ORDER BY p.kind = 'local' DESC, p.population DESC, p.id LIMIT ${MAX_CANDIDATES}) p ${ADMIN2}`)).raw(),
      filter: s === 'main' ? worldFilter : null,
    }));
    // One read transaction for the connection's life: without it every look-up takes and releases SQLite's
    // file locks, which costs more than the look-up itself. The base is never written through this connection,
    // and dumps imported meanwhile are seen by the next process, as before.
    this.byCountry = this.db.prepare('SELECT lat, lon FROM main.countries WHERE code = ?');
    this.db.prepare('BEGIN').run();
    this.byId = this.db.prepare(schemas.map((s) => `SELECT ${PLACE_COLUMNS}, 1 AS exact, a2.name, NULL FROM ${s}.places p ${ADMIN2} WHERE p.id = @id`)
      .join(' UNION ALL ')).raw();
    this.divisionNames = new DivisionNames(this.db);
  }

  private candidate(row: CandidateRow): PlaceCandidate {
    const [id, name, kind, localKind, cc, admin1Code, lat, lon, population, featureCode, parentId, exact, admin2, nameKey] = row;
    const { country, admin1, division } = this.divisionNames.namesOf(cc, admin1Code);
    return {
      id, name, kind, localKind, countryCode: cc, country, admin1, admin2, lat, lon, population, featureCode, parentId,
      exact: exact === 1, division, key: nameKey ?? placeNameKey(name),
    };
  }

  /** The places of a key that some index file may have (`indexed`). */
  private rows(key: string): PlaceCandidate[] {
    // Most installations have the world base only: its rows need no merging, and its filter has been asked.
    if (this.byKey.length === 1) return (this.byKey[0]!.statement.all(key) as CandidateRow[]).map((r) => this.candidate(r));
    const seen = new Set<number>();
    const rows = this.byKey.flatMap(({ statement, filter }) => (filter && !filter.mayHave(key) ? [] : statement.all(key) as CandidateRow[]));
    return rows.filter((r) => !seen.has(r[0]) && seen.add(r[0])).map((r) => this.candidate(r));
  }

  /**
   * Whether some index file may have the key (false: certainly none has), asked before the cache: most names asked are
   * no place ("On Sunday", "Popular Resistance"), and their keys and skeletons are not remembered on their own, as the
   * filter answers as fast as the cache would; only their spellings are.
   */
  private indexed(key: string): boolean {
    if (key === '') return false;
    for (const { filter } of this.byKey) if (!filter || filter.mayHave(key)) return true;
    return false;
  }

  lookup(name: string): PlaceCandidate[] {
    // The words as written are the first cache key: most look-ups repeat a spelling seen before, and
    // folding a name costs more than finding it.
    const seen = this.cache.get(name);
    if (seen !== undefined && seen !== NOT_SPELLED) return seen;
    // A spelling not seen before is folded without the folding memo, and its skeleton made from its key: the answer
    // is remembered under the spelling itself, so the memos would only hold copies, and asking them costs about as
    // much as folding.
    const key = foldName(name);
    const indexed = this.indexed(key);
    let found = key === name ? seen : indexed ? this.cache.get(key) : undefined;
    if (found === undefined || found === NOT_SPELLED) {
      found = found === NOT_SPELLED || !indexed ? NO_PLACES : this.rows(key);
      // Short skeletons ("hms", "bankh") match too many unrelated names to be worth a guess on their own. A skeleton is
      // never longer than its key, so a short key needs no skeleton made to know.
      if (found.length === 0 && key.length >= GUESS_SKELETON) {
        const skeleton = keySkeleton(key);
        if (skeleton.length >= GUESS_SKELETON) found = this.bySkeleton(skeleton);
      }
      if (indexed) this.cache.set(key, found);
    }
    if (key !== name || !indexed) this.cache.set(name, found);
    return found;
  }

  spelled(name: string): PlaceCandidate[] {
    // A look-up's answer is its spelling's places (all exact) when there are any, else a guess by skeleton (none exact).
    const seen = this.cache.get(name);
    if (seen !== undefined) return seen.length > 0 && seen[0]!.exact ? seen : NO_PLACES;
    const key = foldName(name);
    const indexed = this.indexed(key);
    const known = key === name || !indexed ? undefined : this.cache.get(key);
    if (known !== undefined) {
      this.cache.set(name, known);
      return known.length > 0 && known[0]!.exact ? known : NO_PLACES;
    }
    const found = indexed ? this.rows(key) : NO_PLACES;
    // No places by this spelling: what a look-up would guess is not worked out unless it is asked for.
    const answer = found.length > 0 || key.length < GUESS_SKELETON ? found : NOT_SPELLED;
    if (indexed) this.cache.set(key, answer);
    if (key !== name || !indexed) this.cache.set(name, answer);
    return found;
  }

  variants(name: string): PlaceCandidate[] {
    const skeleton = placeNameSkeleton(name);
    return skeleton.length < MIN_SKELETON ? NO_PLACES : this.bySkeleton(skeleton);
  }

  /** The places of a skeleton at least MIN_SKELETON long, remembered under it with a "~" before (when there are any). */
  private bySkeleton(skeleton: string): PlaceCandidate[] {
    const key = `~${skeleton}`;
    if (!this.indexed(key)) return NO_PLACES;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = this.rows(key);
    this.cache.set(key, found);
    return found;
  }

  place(id: number): PlaceCandidate | null {
    let known = this.byIdCache.get(id);
    if (known === undefined) {
      const row = this.byId.get({ id }) as CandidateRow | undefined;
      known = row ? this.candidate(row) : NO_PLACE;
      this.byIdCache.set(id, known);
    }
    return known === NO_PLACE ? null : known;
  }

  countryPoint(code: string): { lat: number; lon: number } | null {
    const row = this.byCountry.get(code) as { lat: number | null; lon: number | null } | undefined;
    return row && row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null;
  }

  close(): void {
    this.db.close();
  }
}

let cached: Gazetteer | null = null;

/** The installation's gazetteer, opened once per process (built on first use). */
export function openGazetteer(dir?: string): Gazetteer {
  if (dir) return new SqliteGazetteer(dir);
  cached ??= new SqliteGazetteer(gazetteerDir());
  return cached;
}
