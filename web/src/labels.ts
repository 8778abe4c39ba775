import type { ApiEventType as AcledEventType } from '../../src/serve/api-types.ts';

/** Display colours and labels of the map. ACLED's six event types, each its own colour. */
export const EVENT_TYPE_COLORS: Record<AcledEventType, string> = {
  'Battles': '#c62828',
  'Explosions/Remote violence': '#ef6c00',
  'Violence against civilians': '#6a1b9a',
  'Protests': '#1565c0',
  'Riots': '#c8a400',
  'Strategic developments': '#2e7d32',
};

export const EVENT_TYPES = Object.keys(EVENT_TYPE_COLORS) as AcledEventType[];

const UNKNOWN_COLOR = '#607d8b';

/** A type's colour; an event without an ACLED type (PLOVER-only) is grey. */
export function typeColor(type: string | null | undefined): string {
  return (type ? (EVENT_TYPE_COLORS as Record<string, string>)[type] : undefined) ?? UNKNOWN_COLOR;
}

/** How the sourcing of an event is told (fields of GET /events, src/sources/source-profile.ts). */
export interface Sourcing {
  source_count?: number;
  independent_outlets?: number;
  source_affiliation?: 'state' | 'partly-state' | 'independent' | 'unknown';
  single_source?: boolean;
}

/** Short flags for an event's sourcing: single source, state media. */
export function sourceFlags(event: Sourcing): { key: string; text: string; title: string }[] {
  const flags: { key: string; text: string; title: string }[] = [];
  if (event.source_affiliation === 'state') {
    flags.push({ key: 'state', text: 'state media', title: 'every outlet reporting it is state-run or state-affiliated' });
  } else if (event.source_affiliation === 'partly-state') {
    flags.push({ key: 'partly-state', text: 'partly state media', title: 'some outlets reporting it are state-run or state-affiliated' });
  }
  if (event.single_source) flags.push({ key: 'single', text: 'single source', title: 'one report, or reports of one owner only' });
  return flags;
}

/** ACLED's actor type ("inter") codes. */
export const INTER_LABELS: Record<number, string> = {
  0: 'none',
  1: 'State forces',
  2: 'Rebel group',
  3: 'Political militia',
  4: 'Identity militia',
  5: 'Rioters',
  6: 'Protesters',
  7: 'Civilians',
  8: 'External/Other forces',
};

export const GEO_PRECISION_LABELS: Record<number, string> = {
  1: 'the place itself',
  2: 'a nearby or containing area',
  3: 'only the province/region',
};

export const TIME_PRECISION_LABELS: Record<number, string> = {
  1: 'day',
  2: 'within a week',
  3: 'within a month',
};

export const BASIS_LABELS: Record<string, string> = {
  exact: 'exact figure',
  vague: 'vague quantity',
  unknown: 'deaths reported, no figure',
  none: 'no deaths reported',
};

/** Evidence field names as readers say them. */
export const EVIDENCE_LABELS: Record<string, string> = {
  event_type: 'event',
  actor1: 'actor 1',
  actor2: 'actor 2',
  assoc_actor_1: 'associated actor 1',
  assoc_actor_2: 'associated actor 2',
  location: 'place',
  event_date: 'date',
  fatalities: 'casualties',
  claimant: 'claimant',
};

export function evidenceLabel(field: string): string {
  return EVIDENCE_LABELS[field] ?? field.replace(/_/g, ' ');
}
