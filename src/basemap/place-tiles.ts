/** How the web map's small places are split into files (scripts/build-basemap.ts writes them, web/ reads them). */

/** Cells of this many degrees: the map loads only the cells it shows. */
export const TILE_DEGREES = 2;

export function tileKey(lat: number, lon: number): string {
  return `${Math.floor(lat / TILE_DEGREES)}_${Math.floor(lon / TILE_DEGREES)}`;
}

/** Places named from this zoom on are in tiles; those named earlier are in one file loaded at start. */
export const TILED_FROM_ZOOM = 8;

/** One place of the basemap files: name, latitude, longitude, population, zoom from which it is named. */
export type PlaceRow = [string, number, number, number, number];
