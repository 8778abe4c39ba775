import { Delaunay } from 'd3-delaunay';

/**
 * The offline basemap's layers, computed from the gazetteer's places. Pure functions: places in, compact
 * arrays out (scripts/build-basemap.ts writes them for the web map).
 */

export interface BasemapPlace {
  name: string;
  lat: number;
  lon: number;
  population: number;
  country: string;
  admin1: string;
}

/** The zoom from which a place's name is shown: the bigger the place, the earlier. */
export function labelZoom(population: number, capital: boolean): number {
  if (capital || population >= 1_000_000) return 3;
  if (population >= 300_000) return 5;
  if (population >= 100_000) return 6;
  if (population >= 30_000) return 7;
  if (population >= 10_000) return 8;
  if (population >= 3_000) return 9;
  return 10;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** A segment longer than this (degrees) runs out to sea or across a desert without towns: left out. */
const MAX_SEGMENT = 1.5;

/**
 * Approximate first-level division boundaries: the edges between the Voronoi cells of two places of one
 * country that lie in different divisions. GeoNames ships no polygons, but every place carries its
 * division, so the line between neighbouring towns of two provinces runs where the boundary is, within
 * about half the distance between the towns. Edges are chained into lines ([lon, lat, lon, lat, …]).
 */
export function admin1Boundaries(places: readonly BasemapPlace[]): number[][] {
  const delaunay = Delaunay.from(places, (p) => p.lon, (p) => p.lat);
  const { triangles, halfedges } = delaunay;
  const voronoi = delaunay.voronoi([-180, -90, 180, 90]);
  const centres = voronoi.circumcenters;
  const segments: [number, number, number, number][] = [];
  for (let e = 0; e < halfedges.length; e++) {
    const twin = halfedges[e]!;
    if (twin < e) continue; // each inner edge once; hull edges (-1) have no second cell
    const a = places[triangles[e]!]!;
    const b = places[triangles[e % 3 === 2 ? e - 2 : e + 1]!]!;
    if (a.country !== b.country || a.admin1 === b.admin1 || !a.admin1 || !b.admin1) continue;
    const t1 = Math.floor(e / 3), t2 = Math.floor(twin / 3);
    const x1 = centres[2 * t1]!, y1 = centres[2 * t1 + 1]!, x2 = centres[2 * t2]!, y2 = centres[2 * t2 + 1]!;
    if (Math.hypot(x2 - x1, y2 - y1) > MAX_SEGMENT) continue;
    segments.push([round(x1, 3), round(y1, 3), round(x2, 3), round(y2, 3)]);
  }
  return chainSegments(segments);
}

/** Joins segments that share end points into lines, so that the map draws few long paths. */
export function chainSegments(segments: readonly [number, number, number, number][]): number[][] {
  const key = (x: number, y: number) => `${x},${y}`;
  const ends = new Map<string, number[]>();
  segments.forEach(([x1, y1, x2, y2], i) => {
    for (const k of [key(x1, y1), key(x2, y2)]) ends.set(k, [...(ends.get(k) ?? []), i]);
  });
  const used = new Uint8Array(segments.length);
  const lines: number[][] = [];
  const extend = (line: number[], atEnd: boolean) => {
    for (;;) {
      const x = atEnd ? line[line.length - 2]! : line[0]!;
      const y = atEnd ? line[line.length - 1]! : line[1]!;
      const next = (ends.get(key(x, y)) ?? []).find((i) => !used[i]);
      if (next === undefined) return;
      used[next] = 1;
      const [x1, y1, x2, y2] = segments[next]!;
      const [nx, ny] = x1 === x && y1 === y ? [x2, y2] : [x1, y1];
      if (atEnd) line.push(nx, ny);
      else line.unshift(nx, ny);
    }
  };
  segments.forEach(([x1, y1, x2, y2], i) => {
    if (used[i]) return;
    used[i] = 1;
    const line = [x1, y1, x2, y2];
    extend(line, true);
    extend(line, false);
    lines.push(line);
  });
  return lines;
}

