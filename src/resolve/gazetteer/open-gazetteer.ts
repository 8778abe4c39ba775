import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { buildWorldGazetteer } from './build-world.ts';
import { openDatabase, SCHEMA_VERSION, type PlaceKind, type PlaceRow } from './gazetteer-db.ts';
import { placeNameKey, placeNameSkeleton } from '../place-name-key.ts';

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
}

export interface Gazetteer {
  /** Places that a name may refer to: by folded spelling, else by skeleton. */
  lookup(name: string): PlaceCandidate[];
  place(id: number): PlaceCandidate | null;
  close(): void;
}

/** Where the gazetteer's files live: `SITREP_GAZETTEER_DIR`, else data/build/ in the installation. */
export function gazetteerDir(): string {
  return process.env.SITREP_GAZETTEER_DIR ?? fileURLToPath(new URL('../../../data/build/', import.meta.url));
}

export const WORLD_FILE = 'gazetteer.sqlite';
/** Dumps imported by `sitrep gazetteer import` go to their own file, which rebuilding the world base never touches. */
export const IMPORTS_FILE = 'gazetteer-imports.sqlite';

/** Look-ups repeat (the same towns in many reports); a bounded cache keeps the common ones. */
const CACHE_LIMIT = 50_000;

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

/** Makes sure the world base is built (first use after install, or after a schema change). */
export function ensureWorldGazetteer(dir: string = gazetteerDir()): string {
  const path = join(dir, WORLD_FILE);
  if (!isCurrent(path)) buildWorldGazetteer(path);
  return path;
}

class SqliteGazetteer implements Gazetteer {
  private readonly db: Database.Database;
  private readonly byKey: Database.Statement;
  private readonly byId: Database.Statement;
  private readonly admin1: Database.Statement;
  private readonly admin2: Database.Statement;
  private readonly country: Database.Statement;
  private readonly cache = new Map<string, PlaceCandidate[]>();
  private readonly divisionNames = new Map<string, string | null>();

  constructor(dir: string) {
    this.db = openDatabase(ensureWorldGazetteer(dir), { readonly: true });
    const imports = join(dir, IMPORTS_FILE);
    const hasImports = existsSync(imports);
    if (hasImports) this.db.prepare('ATTACH DATABASE ? AS imports').run(imports);
    const schemas = hasImports ? ['main', 'imports'] : ['main'];
    this.byKey = this.db.prepare(schemas
      .map((s) => `SELECT p.*, n.exact FROM ${s}.names n JOIN ${s}.places p ON p.id = n.place_id WHERE n.key = @key`).join(' UNION ALL '));
    this.byId = this.db.prepare(schemas.map((s) => `SELECT *, 1 AS exact FROM ${s}.places WHERE id = @id`).join(' UNION ALL '));
    this.admin1 = this.db.prepare('SELECT name FROM admin1 WHERE code = ?');
    this.admin2 = this.db.prepare('SELECT name FROM admin2 WHERE code = ?');
    this.country = this.db.prepare('SELECT name FROM countries WHERE code = ?');
  }

  private division(statement: Database.Statement, code: string): string | null {
    const cacheKey = `${statement === this.admin1 ? 1 : statement === this.admin2 ? 2 : 0}:${code}`;
    if (!this.divisionNames.has(cacheKey)) this.divisionNames.set(cacheKey, (statement.get(code) as { name: string } | undefined)?.name ?? null);
    return this.divisionNames.get(cacheKey)!;
  }

  private candidate(row: PlaceRow & { exact: number }): PlaceCandidate {
    const cc = row.country_code;
    return {
      id: row.id,
      name: row.name,
      kind: row.kind,
      localKind: row.local_kind,
      countryCode: cc,
      country: cc ? this.division(this.country, cc) : null,
      admin1: cc && row.admin1_code ? this.division(this.admin1, `${cc}.${row.admin1_code}`) : null,
      admin2: cc && row.admin1_code && row.admin2_code ? this.division(this.admin2, `${cc}.${row.admin1_code}.${row.admin2_code}`) : null,
      lat: row.lat,
      lon: row.lon,
      population: row.population,
      featureCode: row.feature_code,
      parentId: row.parent_id,
      exact: row.exact === 1,
    };
  }

  private rows(key: string): PlaceCandidate[] {
    const seen = new Set<number>();
    return (this.byKey.all({ key }) as (PlaceRow & { exact: number })[])
      .filter((r) => !seen.has(r.id) && seen.add(r.id))
      .map((r) => this.candidate(r));
  }

  lookup(name: string): PlaceCandidate[] {
    const key = placeNameKey(name);
    if (!key) return [];
    const cached = this.cache.get(key);
    if (cached) return cached;
    let found = this.rows(key);
    if (found.length === 0) {
      const skeleton = placeNameSkeleton(name);
      // Short skeletons ("hms") match too many unrelated names to be worth a guess.
      if (skeleton.length >= 5) found = this.rows(`~${skeleton}`).map((c) => ({ ...c, exact: false }));
    }
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(key, found);
    return found;
  }

  place(id: number): PlaceCandidate | null {
    const row = this.byId.get({ id }) as (PlaceRow & { exact: number }) | undefined;
    return row ? this.candidate(row) : null;
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
