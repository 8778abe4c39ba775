import { interactionCode, type CodedEvent } from '../events/event-schema.ts';
import { distanceKm } from '../gazetteer/distance.ts';

/**
 * Cross-article deduplication: one real-world event reported by several articles becomes one event with
 * several sources. Pure functions; the store decides which stored events are candidates and calls these.
 *
 * Two reports are the same event when ALL of these hold (docs/dedup.md explains why):
 * - both are asserted (negated, hypothetical and future events are never merged);
 * - they come from different articles (two events one article tells apart stay apart);
 * - same ACLED event_type;
 * - both are dated and their dates are at most DATE_WINDOW_DAYS apart;
 * - same place: both have coordinates within NEARBY_KM, or, when either lacks coordinates, the same
 *   location name and country (case-insensitive);
 * - compatible actors: on each side the actors are the same (same actor id, or the same name when there
 *   is no id) or one of them is unknown; the two sides may be swapped (a clash "between A and B" is the
 *   clash "between B and A").
 */
export const DATE_WINDOW_DAYS = 1;
export const NEARBY_KM = 25;

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}

function samePlace(a: CodedEvent, b: CodedEvent): boolean {
  if (a.latitude !== null && a.longitude !== null && b.latitude !== null && b.longitude !== null) {
    return distanceKm(a.latitude, a.longitude, b.latitude, b.longitude) <= NEARBY_KM;
  }
  if (!a.location || !b.location) return false;
  return a.location.toLowerCase() === b.location.toLowerCase()
    && (a.country ?? '').toLowerCase() === (b.country ?? '').toLowerCase();
}

/** An actor's identity for comparison: its dictionary id when it has one, else its name; null when unknown. */
function actorKey(id: string | null, name: string | null): string | null {
  if (id) return `id:${id}`;
  return name ? `name:${name.toLowerCase()}` : null;
}

function compatible(x: string | null, y: string | null): boolean {
  return x === null || y === null || x === y;
}

function compatibleActors(a: CodedEvent, b: CodedEvent): boolean {
  const a1 = actorKey(a.actor1_id, a.actor1), a2 = actorKey(a.actor2_id, a.actor2);
  const b1 = actorKey(b.actor1_id, b.actor1), b2 = actorKey(b.actor2_id, b.actor2);
  return (compatible(a1, b1) && compatible(a2, b2)) || (compatible(a1, b2) && compatible(a2, b1));
}

export function datesWithinWindow(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  return Math.abs(dayNumber(a) - dayNumber(b)) <= DATE_WINDOW_DAYS;
}

/** Whether two reports describe the same real-world event (the rule above). */
export function isSameEvent(a: CodedEvent, b: CodedEvent): boolean {
  return a.modality === 'asserted' && b.modality === 'asserted'
    && a.article_id !== b.article_id
    && a.event_type === b.event_type
    && datesWithinWindow(a.event_date, b.event_date)
    && samePlace(a, b)
    && compatibleActors(a, b);
}

/**
 * The first candidate, in storage order, that `report` is another report of; null when there is none.
 * `candidates` are the keys of events stored before the report's article; an event that article already
 * reports (`taken`: merged into earlier in the same article) is skipped, so one article's two events stay
 * two. `eventOf` gives a candidate's merged record and is asked only until a match is found, so a store
 * reads and parses no more records than it must.
 */
export function firstMatch<K>(candidates: readonly K[], report: CodedEvent, taken: ReadonlySet<K>, eventOf: (key: K) => CodedEvent): K | null {
  for (const key of candidates) if (!taken.has(key) && isSameEvent(eventOf(key), report)) return key;
  return null;
}

/** A report gives a fatality figure when the text said something about deaths. */
function givesFatalities(report: CodedEvent): boolean {
  return report.fatalities_basis === 'exact' || report.fatalities_basis === 'vague';
}

/**
 * The merged record of several reports of one event (reports in the order they were stored; the first is
 * the base and gives the id, date, sentence and evidence). Unknown fields of the base are filled from later
 * reports; the most precise place wins; fatalities are ACLED's most conservative figure: the lowest figure
 * among the reports that give one (a report silent about deaths is not a report of zero deaths).
 */
export function mergeReports(reports: readonly CodedEvent[]): CodedEvent {
  const base = reports[0];
  if (!base) throw new Error('mergeReports needs at least one report');
  const merged: CodedEvent = { ...base };
  for (const report of reports.slice(1)) {
    if (merged.actor1 === null && report.actor1 !== null) {
      Object.assign(merged, { actor1: report.actor1, actor1_id: report.actor1_id, inter1: report.inter1, assoc_actor_1: report.assoc_actor_1 });
    }
    if (merged.actor2 === null && report.actor2 !== null) {
      Object.assign(merged, { actor2: report.actor2, actor2_id: report.actor2_id, inter2: report.inter2, assoc_actor_2: report.assoc_actor_2 });
    }
    const morePrecise = report.geo_precision !== null && report.latitude !== null
      && (merged.geo_precision === null || merged.latitude === null || report.geo_precision < merged.geo_precision);
    if (morePrecise) {
      Object.assign(merged, {
        location: report.location, admin1: report.admin1, admin2: report.admin2, country: report.country,
        latitude: report.latitude, longitude: report.longitude, geo_precision: report.geo_precision,
        location_reason: report.location_reason, neighbourhood: report.neighbourhood ?? null,
      });
    }
    if (merged.time_precision !== null && report.time_precision !== null && report.time_precision < merged.time_precision) {
      merged.time_precision = report.time_precision;
    }
  }
  if (merged.inter1 !== base.inter1 || merged.inter2 !== base.inter2) {
    merged.interaction = interactionCode(merged.inter1, merged.inter2);
  }

  const withFigure = reports.filter(givesFatalities);
  if (withFigure.length > 0) {
    const lowest = withFigure.reduce((a, b) => (b.fatalities < a.fatalities ? b : a));
    merged.fatalities = lowest.fatalities;
    merged.fatalities_basis = lowest.fatalities_basis;
  }
  merged.injured = Math.min(...reports.filter((r) => r.injured > 0).map((r) => r.injured), Infinity);
  if (!Number.isFinite(merged.injured)) merged.injured = 0;

  const outlets = [...new Set(reports.map((r) => r.source).filter((s): s is string => Boolean(s)))];
  merged.source = outlets.length > 0 ? outlets.join('; ') : null;
  merged.confidence = Math.max(...reports.map((r) => r.confidence));
  return merged;
}

/** How a report is named in a disagreement: its outlet, else its article id. */
export function reportLabel(report: Pick<CodedEvent, 'source' | 'article_id'>): string {
  return report.source ?? report.article_id;
}

const COMPARED_FIELDS = ['fatalities', 'event_date', 'sub_event_type', 'actor1', 'actor2', 'location'] as const;

/**
 * Fields on which the reports of one event differ, with which sources said what. Fatalities count only
 * from reports that give a figure; other fields only where a report names a value (unknown is not a claim).
 */
export function findDisagreements(reports: readonly CodedEvent[]): { field: string; values: { value: string | number | null; sources: string[] }[] }[] {
  const disagreements = [];
  for (const field of COMPARED_FIELDS) {
    const bySource = new Map<string | number, string[]>();
    for (const report of reports) {
      if (field === 'fatalities' && !givesFatalities(report)) continue;
      const value = report[field];
      if (value === null) continue;
      const list = bySource.get(value) ?? [];
      const label = reportLabel(report);
      if (!list.includes(label)) list.push(label);
      bySource.set(value, list);
    }
    if (bySource.size > 1) {
      disagreements.push({ field, values: [...bySource.entries()].map(([value, sources]) => ({ value, sources })) });
    }
  }
  return disagreements;
}
