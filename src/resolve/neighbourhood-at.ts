import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { readLocalLayer } from '../gazetteer/build-world.ts';
import { readLayeredLocalPlaces, type LayerPlace } from '../gazetteer/local-layers.ts';

/**
 * The neighbourhood whose outline contains a point, so that the map and the exports can group events by it. The
 * outlines are the local layer's (Aleppo's, from the Columbia Center for Spatial Research), under the name the
 * gazetteer gives the neighbourhood. A bounding box per neighbourhood answers most points without the polygon test,
 * which is @turf/boolean-point-in-polygon's (rings and holes as GeoJSON has them).
 */

interface Outline {
  name: string;
  box: [number, number, number, number];
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}

function outlineOf(place: LayerPlace & { polygons: number[][][][] }): Outline {
  let [minLon, minLat, maxLon, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const polygon of place.polygons) for (const [lon, lat] of polygon[0] ?? []) {
    minLon = Math.min(minLon, lon!);
    maxLon = Math.max(maxLon, lon!);
    minLat = Math.min(minLat, lat!);
    maxLat = Math.max(maxLat, lat!);
  }
  return { name: place.name, box: [minLon, minLat, maxLon, maxLat], geometry: { type: 'MultiPolygon', coordinates: place.polygons } };
}

/** The outlines of the shipped local layer, read on first use. */
let shipped: Outline[] | null = null;

export function localOutlines(): Outline[] {
  shipped ??= readLayeredLocalPlaces(readLocalLayer())
    .filter((p): p is LayerPlace & { polygons: number[][][][] } => (p.polygons?.length ?? 0) > 0)
    .map(outlineOf);
  return shipped;
}

/** The name of the neighbourhood whose outline contains (latitude, longitude), or null. */
export function neighbourhoodAt(latitude: number, longitude: number, outlines: Outline[] = localOutlines()): string | null {
  for (const o of outlines) {
    if (longitude < o.box[0] || latitude < o.box[1] || longitude > o.box[2] || latitude > o.box[3]) continue;
    if (booleanPointInPolygon([longitude, latitude], o.geometry)) return o.name;
  }
  return null;
}
