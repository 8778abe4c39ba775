import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { placeNameKey, placeNameSkeleton } from './place-name-key.ts';
import { roundDegrees } from './round-degrees.ts';

/**
 * The curated layers shipped beside the analysts' local.yaml (built by scripts/build-gazetteer.ts from ../shared):
 * Aleppo's neighbourhood outlines and landmarks (Columbia Center for Spatial Research, MIT) and Syria's
 * administrative divisions (OpenSyria Data Geography, CC BY 4.0). They are merged with local.yaml here, in one
 * pure function, so that a place the analysts list and a neighbourhood of the outlines are one place.
 */

const DATA = new URL('../../data/gazetteer/', import.meta.url);

/** A place of the local layer: the fields of local.yaml (see build-world.ts), with outlines for neighbourhoods. */
export interface LayerPlace {
  name: string;
  aliases: string[];
  kind: string;
  parent: string;
  country: string;
  lat?: number;
  lon?: number;
  source?: string | null;
  /** GeoJSON MultiPolygon coordinates (lon, lat), for the places the outlines give. */
  polygons?: number[][][][];
}

const NeighbourhoodFile = z.object({
  credit: z.string(),
  neighbourhoods: z.array(z.object({
    name: z.string().min(1),
    name_ar: z.string().nullable(),
    lat: z.number().min(-90).max(90),
    lon: z.number().min(-180).max(180),
    polygons: z.array(z.array(z.array(z.array(z.number()).length(2)))),
  })),
});

function parsed<T>(schema: z.ZodType<T>, raw: unknown, file: URL): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new Error(`${fileURLToPath(file)}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
}

/** The file's text. Node's own message repeats the path, so a file that cannot be read is named once, with the reason. */
function readText(file: URL): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    throw new Error(`${fileURLToPath(file)}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? message})`}`);
  }
}

/** The rows of a tab-separated layer (blank lines and # comments skipped), each checked against `row`. */
function readTsv<T>(file: URL, row: z.ZodType<T>): T[] {
  return readText(file).split('\n').flatMap((line, i) => {
    if (!line || line.startsWith('#')) return [];
    const result = row.safeParse(line.split('\t'));
    if (result.success) return [result.data];
    const issue = result.error.issues[0];
    throw new Error(`${fileURLToPath(file)}: line ${i + 1}: field ${issue?.path.join('.')}: ${issue?.message}`);
  });
}

/** The city the curated Aleppo layers belong to, as local.yaml names it. */
const CITY = 'Aleppo';
const SOURCE_CSR = 'Columbia Center for Spatial Research (MIT)';

/**
 * Landmark names made only of common words ("Citadel", "National Museum", "Latin Cathedral") would be read in every
 * city's news: they are indexed with their city ("Aleppo Citadel", "Citadel of Aleppo") instead.
 */
const COMMON_WORDS = new Set(['the', 'of', 'a', 'citadel', 'city', 'wall', 'walled', 'area', 'town', 'hall', 'hotel', 'national', 'museum', 'public',
  'toilets', 'historic', 'building', 'latin', 'cathedral', 'maronite', 'church', 'greek', 'catholic', 'orthodox', 'armenian', 'syrian', 'martyrs',
  'popular', 'traditions', 'state', 'hospital', 'park', 'quarter', 'university', 'airport', 'international', 'new', 'old', 'street', '40']);

function commonOnly(name: string): boolean {
  return name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).every((w) => COMMON_WORDS.has(w));
}

/** A name of common words only becomes "Aleppo X" (with "X of Aleppo"); others stay as written. */
function cityQualified(name: string, aliases: string[]): { name: string; aliases: string[] } {
  const bare = name.replace(/^the\s+/i, '');
  return commonOnly(name) ? { name: `${CITY} ${bare}`, aliases: [`${bare} of ${CITY}`] } : { name, aliases };
}

export function readNeighbourhoods(file: URL = new URL('aleppo-neighbourhoods.json', DATA)): LayerPlace[] {
  const text = readText(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileURLToPath(file)}: ${(error as Error).message}`);
  }
  return parsed(NeighbourhoodFile, raw, file).neighbourhoods.map((n) => {
    const named = cityQualified(n.name, []);
    return {
      name: named.name, aliases: [...named.aliases, ...(n.name_ar ? [n.name_ar] : [])], kind: 'neighbourhood', parent: CITY, country: 'Syria',
      lat: n.lat, lon: n.lon, source: SOURCE_CSR, polygons: n.polygons,
    };
  });
}

const LandmarkRow = z.tuple([z.string().min(1), z.string(), z.string().min(1), z.coerce.number().min(-90).max(90), z.coerce.number().min(-180).max(180)]);

export function readLandmarks(file: URL = new URL('aleppo-landmarks.tsv', DATA)): LayerPlace[] {
  return readTsv(file, LandmarkRow).map(([name, aliases, kind, lat, lon]) => {
    const named = cityQualified(name, aliases.split('|').filter(Boolean));
    return { name: named.name, aliases: named.aliases, kind, parent: CITY, country: 'Syria', lat, lon, source: SOURCE_CSR };
  });
}

/** One of Syria's divisions (level governorate, district or subdistrict), as syria-admin.tsv lists it. */
export interface SyriaDivision {
  level: 'governorate' | 'district' | 'subdistrict';
  pcode: string;
  geonameid: number | null;
  name: string;
  names: string[];
  lat: number;
  lon: number;
  parentPcode: string | null;
}

const DivisionRow = z.tuple([z.enum(['governorate', 'district', 'subdistrict']), z.string().min(1), z.string(), z.string().min(1), z.string(), z.string(),
  z.coerce.number().min(-90).max(90), z.coerce.number().min(-180).max(180), z.string()]);

export function readSyriaAdmin(file: URL = new URL('syria-admin.tsv', DATA)): SyriaDivision[] {
  return readTsv(file, DivisionRow).map(([level, pcode, geonameid, name, nameAr, aliases, lat, lon, parent]) => (
    { level, pcode, geonameid: geonameid ? Number(geonameid) : null, name, names: [name, nameAr, ...aliases.split('|')].filter(Boolean), lat, lon, parentPcode: parent || null }));
}

function keysOf(p: LayerPlace): Set<string> {
  return new Set([p.name, ...p.aliases].map(placeNameKey).filter(Boolean));
}

/** Skeletons long enough to say a name is the same one in other letters (Latin names only). */
function skeletonsOf(p: LayerPlace): Set<string> {
  return new Set([p.name, ...p.aliases].filter((n) => /^[\p{Script=Latin}\s'\-.]+$/u.test(n)).map(placeNameSkeleton).filter((s) => s.length >= 5));
}

function meets(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Feature words a landmark's name opens or ends with; the rest is the place it is named after ("Qastal al-Harami Mosque"). */
const NAMED_AFTER = /^(mosque|church|school|gate|bab)\s+|\s+(mosque|church|school|gate)$/;

/** Local places that an outline or a landmark may complete: the city's own parts, not the city or its province. */
const PART_KINDS = new Set(['district', 'neighbourhood', 'landmark', 'airport', 'road', 'school', 'mosque']);

/**
 * local.yaml's places with the curated layers merged in. A neighbourhood of the outlines is the same place as an
 * entry of local.yaml that shares a spelling (English or Arabic) or a transliteration skeleton with it: the entry keeps
 * its name, gains the outline's spellings and outline, and stands at the outline's centroid (at the mean of the
 * centroids when its name covers several parts, "Hamdaniyah" for al-Hamdaniyeh I to V) when it had no point or is
 * itself a neighbourhood. A landmark of the same spelling completes an entry likewise; an entry still without a point
 * stands at a landmark named after it ("Qastal al-Harami" at the Qastal al-Harami mosque). The rest are added as they are.
 */
export function mergeLocalLayers(local: LayerPlace[], neighbourhoods: LayerPlace[], landmarks: LayerPlace[]): LayerPlace[] {
  const merged = local.map((p) => ({ ...p, aliases: [...p.aliases] }));
  const parts = merged.filter((p) => PART_KINDS.has(p.kind) && placeNameKey(p.parent) === placeNameKey(CITY));
  const partKeys = parts.map(keysOf);
  const partSkeletons = parts.map(skeletonsOf);
  const added: LayerPlace[] = [];
  const outlines = new Map<LayerPlace, LayerPlace[]>();
  for (const n of neighbourhoods) {
    const keys = keysOf(n);
    const skeletons = skeletonsOf(n);
    const at = parts.findIndex((_, i) => meets(keys, partKeys[i]!) || meets(skeletons, partSkeletons[i]!));
    if (at < 0) {
      added.push(n);
      continue;
    }
    const part = parts[at]!;
    outlines.set(part, [...(outlines.get(part) ?? []), n]);
  }
  for (const [part, ns] of outlines) {
    part.aliases = [...new Set([...part.aliases, ...ns.flatMap((n) => [n.name, ...n.aliases])])];
    part.polygons = ns.flatMap((n) => n.polygons ?? []);
    if (part.lat === undefined || part.kind === 'neighbourhood' || part.kind === 'district') {
      part.lat = roundDegrees(ns.reduce((a, n) => a + n.lat!, 0) / ns.length);
      part.lon = roundDegrees(ns.reduce((a, n) => a + n.lon!, 0) / ns.length);
      part.source = `${part.source ? `${part.source}; ` : ''}point: ${SOURCE_CSR}`;
    }
  }
  for (const l of landmarks) {
    const keys = keysOf(l);
    const part = parts.find((_, i) => meets(keys, partKeys[i]!));
    if (!part) {
      added.push(l);
      continue;
    }
    part.aliases = [...new Set([...part.aliases, l.name, ...l.aliases])];
    if (part.lat === undefined) {
      part.lat = l.lat;
      part.lon = l.lon;
    }
  }
  for (const part of parts) {
    if (part.lat !== undefined) continue;
    const key = placeNameKey(part.name);
    const namesake = landmarks.find((l) => [l.name, ...l.aliases].some((n) => placeNameKey(n.toLowerCase().replace(NAMED_AFTER, '')) === key));
    if (namesake) {
      part.lat = namesake.lat;
      part.lon = namesake.lon;
      part.source = `${part.source ? `${part.source}; ` : ''}point: the landmark named after it (${namesake.name})`;
    }
  }
  return [...merged, ...added];
}

/** The local layer with the curated layers merged in, read from data/gazetteer/. */
export function readLayeredLocalPlaces(local: LayerPlace[]): LayerPlace[] {
  return mergeLocalLayers(local, readNeighbourhoods(), readLandmarks());
}
