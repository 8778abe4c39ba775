// Converts the Columbia Center for Spatial Research's Aleppo neighbourhood polygons (MIT, ../shared/data/
// gazetteer/aleppo-csr/neighbourhoods.geojson) into the compact file the web map ships:
// data/basemap/aleppo-neighbourhoods.json. Run by hand when the source changes; the output is committed,
// because ../shared is not there on a user's machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const SOURCE = fileURLToPath(new URL('../../shared/data/gazetteer/aleppo-csr/neighbourhoods.geojson', import.meta.url));
const OUT = fileURLToPath(new URL('../data/basemap/aleppo-neighbourhoods.json', import.meta.url));

const Feature = z.object({
  properties: z.object({ NAME: z.string().min(1), NAME_A: z.string().nullable().optional(), xcoord: z.number(), ycoord: z.number() }),
  geometry: z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.tuple([z.number(), z.number()]).rest(z.number())))) }),
});
const Collection = z.object({ features: z.array(Feature) });

const parsed = Collection.safeParse(JSON.parse(readFileSync(SOURCE, 'utf8')));
if (!parsed.success) {
  const issue = parsed.error.issues[0];
  throw new Error(`${SOURCE}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
}
const round = (v: number) => Number(v.toFixed(5));
// The source names a few polygons with a suffix of its own editing ("Aleppo Citadel-new").
const cleanName = (name: string) => name.replace(/-new$/i, '').trim();

const neighbourhoods = parsed.data.features.map((f) => ({
  name: cleanName(f.properties.NAME),
  name_ar: f.properties.NAME_A ?? null,
  centre: [round(f.properties.ycoord), round(f.properties.xcoord)],
  // Outer rings only, every other vertex dropped when a ring is long: metres of detail the map never shows.
  rings: f.geometry.coordinates.map((polygon) => {
    const ring = polygon[0]!;
    const step = ring.length > 60 ? 2 : 1;
    return ring.filter((_, i) => i % step === 0 || i === ring.length - 1).flatMap(([lon, lat]) => [round(lon), round(lat)]);
  }),
}));
writeFileSync(OUT, `${JSON.stringify({
  source: 'Aleppo neighbourhoods: Columbia Center for Spatial Research',
  copyright: 'Copyright (c) 2019 Columbia Center for Spatial Research (MIT License)',
  neighbourhoods,
})}\n`);
process.stdout.write(`${OUT}: ${neighbourhoods.length} neighbourhoods\n`);
