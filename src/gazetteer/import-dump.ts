import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type Database from 'better-sqlite3';
import { createIndexes, indexableName, openDatabase, PlaceWriter, SCHEMA_VERSION, type NewPlace, type PlaceKind } from './gazetteer-db.ts';
import { parseGeoNamesLine, type GeoNamesRecord } from './geonames-record.ts';
import { placeNameKey, placeNameSkeleton } from './place-name-key.ts';

/** A line of a dump that could not be read, and why. */
export interface BadLine {
  file: string;
  line: number;
  field: string;
  reason: string;
}

export interface ImportProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

export interface ImportOptions {
  /** The SQLite file the places go to (created when missing; places already there are replaced by id). */
  database: string;
  alternateNames?: string;
  onProgress?: (progress: ImportProgress) => void;
  onBadLine?: (bad: BadLine) => void;
}

export interface ImportSummary {
  rows: number;
  badLines: number;
  alternateNames: number;
  /** Alternate names skipped because their place is not in the index (or is a code, a link, ...). */
  alternateNamesSkipped: number;
}

/** Rows per transaction: large enough that SQLite's commit cost vanishes, small enough to bound memory. */
const BATCH = 10_000;
/** Longer lines than any real GeoNames row are refused before being split (article-grade hostility). */
const MAX_LINE = 100_000;

function kindOf(r: GeoNamesRecord): PlaceKind {
  if (r.featureClass === 'P') return 'populated';
  if (r.featureClass === 'A' && r.featureCode === 'ADM1') return 'admin1';
  if (r.featureClass === 'A' && r.featureCode === 'ADM2') return 'admin2';
  if (r.featureClass === 'A' && /^PCL/.test(r.featureCode)) return 'country';
  return 'site';
}

export function placeOf(r: GeoNamesRecord, source: string): NewPlace {
  return {
    name: r.name, kind: kindOf(r), local_kind: null, country_code: r.countryCode || null, admin1_code: r.admin1 || null,
    admin2_code: r.admin2 || null, lat: r.latitude, lon: r.longitude, population: r.population, feature_code: r.featureCode || null,
    parent_id: null, source, names: [r.name, r.asciiname, ...r.alternatenames],
  };
}

async function* numberedLines(file: string, onBytes: (bytes: number) => void): AsyncGenerator<{ line: string; number: number }> {
  const stream = createReadStream(file);
  let bytes = 0;
  stream.on('data', (chunk) => {
    bytes += chunk.length;
    onBytes(bytes);
  });
  const reader = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  for await (const line of reader) {
    number++;
    yield { line, number };
  }
}

/**
 * Streams a GeoNames dump (the 19-column format of allCountries.txt or a country file) into a gazetteer
 * index, validating each line: a bad line is reported with its number and skipped. Memory stays bounded
 * whatever the size of the file (one batch of rows at a time; SQLite holds the rest on disk).
 */
export async function importGeoNamesDump(file: string, options: ImportOptions): Promise<ImportSummary> {
  const totalBytes = statSync(file).size;
  const db = openDatabase(options.database);
  db.pragma('synchronous = OFF');
  // A 64 MB page cache keeps the name index's hot pages in memory; RSS stays bounded by it.
  db.pragma('cache_size = -65536');
  const writer = new PlaceWriter(db);
  const source = `geonames:${file.split('/').pop()}`;
  const write = db.transaction((places: { place: NewPlace; id: number }[]) => {
    for (const { place, id } of places) writer.add(place, id);
  });
  const summary: ImportSummary = { rows: 0, badLines: 0, alternateNames: 0, alternateNamesSkipped: 0 };
  let bytesRead = 0;
  let batch: { place: NewPlace; id: number }[] = [];
  const flush = (): void => {
    write(batch);
    batch = [];
    options.onProgress?.({ bytesRead, totalBytes, rows: summary.rows });
  };
  try {
    for await (const { line, number } of numberedLines(file, (b) => (bytesRead = b))) {
      if (line === '' || line.startsWith('#')) continue;
      const parsed = line.length > MAX_LINE
        ? { ok: false as const, field: 'line', reason: `longer than ${MAX_LINE} characters` }
        : parseGeoNamesLine(line);
      if (!parsed.ok) {
        summary.badLines++;
        options.onBadLine?.({ file, line: number, field: parsed.field, reason: parsed.reason });
        continue;
      }
      batch.push({ place: placeOf(parsed.record, source), id: parsed.record.geonameid });
      summary.rows++;
      if (batch.length >= BATCH) flush();
    }
    flush();
    createIndexes(db);
    if (options.alternateNames) await importAlternateNames(db, options.alternateNames, summary, options);
    db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
  } finally {
    db.close();
  }
  return summary;
}

/** Language codes of the alternateNames file that hold codes and links, not names. */
const NOT_NAMES = new Set(['link', 'post', 'iata', 'icao', 'faac', 'fr_1793', 'abbr', 'wkdt', 'unlc', 'tcid']);

/**
 * GeoNames' alternateNames file (alternateNamesV2.txt: id, geonameid, language, name, and flags): adds
 * the names of places already in the index.
 */
async function importAlternateNames(db: Database.Database, file: string, summary: ImportSummary, options: ImportOptions): Promise<void> {
  const totalBytes = statSync(file).size;
  const known = db.prepare('SELECT 1 FROM places WHERE id = ?').pluck();
  const insert = db.prepare('INSERT OR IGNORE INTO names (key, exact, place_id) VALUES (?, ?, ?)');
  const write = db.transaction((rows: [number, string][]) => {
    for (const [id, name] of rows) {
      if (!known.get(id) || !indexableName(name)) {
        summary.alternateNamesSkipped++;
        continue;
      }
      const key = placeNameKey(name);
      if (key) insert.run(key, 1, id);
      const skeleton = placeNameSkeleton(name);
      if (skeleton.length >= 3) insert.run(`~${skeleton}`, 0, id);
      summary.alternateNames++;
    }
  });
  let bytesRead = 0;
  let batch: [number, string][] = [];
  for await (const { line, number } of numberedLines(file, (b) => (bytesRead = b))) {
    if (line === '') continue;
    const cols = line.split('\t');
    const id = Number(cols[1]);
    if (cols.length < 4 || !Number.isSafeInteger(id) || id <= 0 || !cols[3]) {
      summary.badLines++;
      options.onBadLine?.({ file, line: number, field: cols.length < 4 ? 'columns' : !cols[3] ? 'alternate name' : 'geonameid',
        reason: cols.length < 4 ? `expected at least 4 tab-separated columns, found ${cols.length}` : 'missing or not a positive integer' });
      continue;
    }
    if (NOT_NAMES.has(cols[2] ?? '')) {
      summary.alternateNamesSkipped++;
      continue;
    }
    batch.push([id, cols[3]]);
    if (batch.length >= BATCH) {
      write(batch);
      batch = [];
      options.onProgress?.({ bytesRead, totalBytes, rows: summary.rows });
    }
  }
  write(batch);
}
