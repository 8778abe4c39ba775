// Builds the web map's offline basemap from the gazetteer index (data/build/gazetteer.sqlite, itself built
// from GeoNames by postinstall) into web/public/basemap/, which Vite copies into web/dist:
//   places.json              towns and cities named from low zoom, [name, lat, lon, population, zoom]
//   places/<lat>_<lon>.json  the smaller places, by cells of TILE_DEGREES, loaded when the map shows a cell
//   admin1.json              approximate first-level division boundaries (src/basemap/basemap-layers.ts)
// Run by postinstall before `vite build web` (~10 s); nothing here is fetched at run time.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { admin1Boundaries, labelZoom, type BasemapPlace } from '../src/basemap/basemap-layers.ts';
import { TILED_FROM_ZOOM, tileKey, type PlaceRow } from '../src/basemap/place-tiles.ts';
import { ensureWorldGazetteer, gazetteerDir } from '../src/gazetteer/open-gazetteer.ts';

const OUT = fileURLToPath(new URL('../web/public/basemap/', import.meta.url));
const started = Date.now();

const db = new Database(ensureWorldGazetteer(gazetteerDir()), { readonly: true });
const rows = db.prepare(`SELECT name, lat, lon, population, country_code AS country, coalesce(admin1_code, '') AS admin1, feature_code
  FROM places WHERE kind = 'populated' AND lat IS NOT NULL AND lon IS NOT NULL ORDER BY population DESC, name`)
  .all() as (BasemapPlace & { feature_code: string | null })[];
db.close();

rmSync(OUT, { recursive: true, force: true });
mkdirSync(join(OUT, 'places'), { recursive: true });

const major: PlaceRow[] = [];
const tiles = new Map<string, PlaceRow[]>();
for (const place of rows) {
  const zoom = labelZoom(place.population, place.feature_code === 'PPLC');
  const row: PlaceRow = [place.name, Number(place.lat.toFixed(4)), Number(place.lon.toFixed(4)), place.population, zoom];
  if (zoom < TILED_FROM_ZOOM) {
    major.push(row);
    continue;
  }
  const key = tileKey(place.lat, place.lon);
  tiles.set(key, [...(tiles.get(key) ?? []), row]);
}
writeFileSync(join(OUT, 'places.json'), JSON.stringify(major));
for (const [key, tile] of tiles) writeFileSync(join(OUT, 'places', `${key}.json`), JSON.stringify(tile));
const boundaries = admin1Boundaries(rows);
writeFileSync(join(OUT, 'admin1.json'), JSON.stringify(boundaries));
process.stdout.write(`sitrep: basemap in ${OUT}: ${major.length} major places, ${rows.length - major.length} more in ${tiles.size} tiles, `
  + `${boundaries.length} boundary lines (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
