import { distanceKm } from './distance.ts';
import type { Gazetteer } from './open-gazetteer.ts';

/** How near a candidate must be to a gold point to count as the place (ACLED's towns are points, not areas). */
export const COVERAGE_KM = 10;

/**
 * Whether the gazetteer could place a gold event right: one of the places it knows by that name (by
 * spelling or by transliteration skeleton) lies within `km` of the gold point.
 */
export function gazetteerKnows(gazetteer: Gazetteer, name: string, lat: number, lon: number, km = COVERAGE_KM): boolean {
  return gazetteer.lookup(name).some((c) => c.lat !== null && c.lon !== null && distanceKm(c.lat, c.lon, lat, lon) <= km);
}

export interface CoverageFigures {
  /** Share of gold places whose name the gazetteer knows at (or near) the gold point. */
  coverage: number;
  /** Among those, the share the coder still placed more than COVERAGE_KM away: wrong choices, not missing data. */
  wrongChoice: number;
}

/**
 * Tells missing data from wrong choices in a geocoding evaluation: each gold event is either not in the
 * gazetteer at all (under its gold name), or in it and then placed right or wrong.
 */
export class CoverageTally {
  private events = 0;
  private covered = 0;
  private wrong = 0;

  constructor(private readonly gazetteer: Gazetteer) {}

  /** One gold event, with the point the coder gave it (null when it gave none). */
  add(gold: { location: string; latitude: number; longitude: number }, coded: { latitude: number | null; longitude: number | null } | null): void {
    this.events++;
    if (!gazetteerKnows(this.gazetteer, gold.location, gold.latitude, gold.longitude)) return;
    this.covered++;
    const placed = coded && coded.latitude !== null && coded.longitude !== null
      && distanceKm(coded.latitude, coded.longitude, gold.latitude, gold.longitude) <= COVERAGE_KM;
    if (!placed) this.wrong++;
  }

  figures(): CoverageFigures {
    const round = (v: number): number => Math.round(v * 1000) / 1000;
    return {
      coverage: this.events ? round(this.covered / this.events) : 0,
      wrongChoice: this.covered ? round(this.wrong / this.covered) : 0,
    };
  }
}
