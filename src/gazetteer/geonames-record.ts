/** One row of a GeoNames dump (allCountries.txt, SY.txt, cities500.txt): 19 tab-separated columns. */
export interface GeoNamesRecord {
  geonameid: number;
  name: string;
  asciiname: string;
  alternatenames: string[];
  latitude: number;
  longitude: number;
  featureClass: string;
  featureCode: string;
  countryCode: string;
  admin1: string;
  admin2: string;
  population: number;
}

const COLUMNS = 19;

/**
 * Parses one dump line, or says which field is wrong. Only what sitrep needs is kept; the other
 * columns are checked for count only.
 */
export function parseGeoNamesLine(line: string): { ok: true; record: GeoNamesRecord } | { ok: false; field: string; reason: string } {
  const cols = line.split('\t');
  if (cols.length !== COLUMNS) return { ok: false, field: 'columns', reason: `expected ${COLUMNS} tab-separated columns, found ${cols.length}` };
  const geonameid = Number(cols[0]);
  if (!Number.isSafeInteger(geonameid) || geonameid <= 0) return { ok: false, field: 'geonameid', reason: `not a positive integer: "${cols[0]!.slice(0, 20)}"` };
  const name = cols[1]!.trim();
  if (!name) return { ok: false, field: 'name', reason: 'empty' };
  const latitude = Number(cols[4]);
  const longitude = Number(cols[5]);
  if (cols[4] === '' || !Number.isFinite(latitude) || latitude < -90 || latitude > 90) return { ok: false, field: 'latitude', reason: `not a latitude: "${cols[4]!.slice(0, 20)}"` };
  if (cols[5] === '' || !Number.isFinite(longitude) || longitude < -180 || longitude > 180) return { ok: false, field: 'longitude', reason: `not a longitude: "${cols[5]!.slice(0, 20)}"` };
  const population = cols[14] ? Number(cols[14]) : 0;
  if (!Number.isFinite(population) || population < 0) return { ok: false, field: 'population', reason: `not a count: "${cols[14]!.slice(0, 20)}"` };
  return {
    ok: true,
    record: {
      geonameid,
      name,
      asciiname: cols[2]!.trim(),
      alternatenames: cols[3] ? cols[3].split(',').map((s) => s.trim()).filter(Boolean) : [],
      latitude,
      longitude,
      featureClass: cols[6]!,
      featureCode: cols[7]!,
      countryCode: cols[8]!,
      admin1: cols[10]!,
      admin2: cols[11]!,
      population,
    },
  };
}

/** Feature classes kept: populated places (P), areas and divisions (A), spots and landmarks (S), and some terrain (T, L, H, V). */
export const USEFUL_CLASSES = new Set(['P', 'A', 'S', 'T', 'L', 'H', 'V']);
