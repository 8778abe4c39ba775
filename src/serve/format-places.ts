import type { PlaceRecord } from '../resolve/place-records.ts';

/** Output formats of `sitrep places` and `GET /articles/:id/places`. Pure: records in, text or GeoJSON out. */
export const PLACE_FORMATS = ['jsonl', 'json', 'geojson'] as const;
export type PlaceFormat = (typeof PLACE_FORMATS)[number];

export function placesToGeoJson(records: PlaceRecord[]) {
  return {
    type: 'FeatureCollection' as const,
    features: records.map((r) => ({
      type: 'Feature' as const,
      geometry: r.latitude !== null && r.longitude !== null ? { type: 'Point' as const, coordinates: [r.longitude, r.latitude] } : null,
      properties: r,
    })),
  };
}

export function formatPlaceRecords(records: PlaceRecord[], format: PlaceFormat): string {
  switch (format) {
    case 'jsonl': return records.map((r) => `${JSON.stringify(r)}\n`).join('');
    case 'json': return `${JSON.stringify(records, null, 2)}\n`;
    case 'geojson': return `${JSON.stringify(placesToGeoJson(records))}\n`;
  }
}
