import { stringify } from 'csv-stringify/sync';
import type { CodedEvent } from '../events/event-schema.ts';
import { outlets } from '../sources/outlets.ts';
import { sourceProfile, type SourceProfile } from '../sources/source-profile.ts';
import type { EventFormat } from './event-formats.ts';

/**
 * Output formats shared by `sitrep code`, `sitrep export` and the HTTP API. Pure: events in, text or
 * plain GeoJSON objects out.
 */

/** ACLED's column names, in ACLED's order, then sitrep's own columns. */
export const CSV_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction',
  'country', 'admin1', 'admin2', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'notes', 'fatalities',
  'plover_event', 'mode', 'quad', 'claimant', 'fatalities_basis', 'injured', 'confidence', 'location_reason', 'article_id',
  'neighbourhood', 'source_count', 'independent_outlets', 'source_affiliation', 'single_source',
] as const;

/** An event as coded (one report) or as stored (with the number of reports merged into it). */
type OutputEvent = CodedEvent & { source_count?: number };

/**
 * The event with how it is sourced (src/sources/source-profile.ts), computed from its merged reports'
 * outlets and count, never by the coder: every output (API, CSV, GeoJSON, export) carries it.
 */
export function withSourceProfile<E extends OutputEvent>(event: E): E & SourceProfile {
  return { ...event, ...sourceProfile(event.source, event.source_count, outlets()) };
}

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula. Article text is hostile, so such text
 * cells are prefixed with an apostrophe (the OWASP advice for CSV injection); numbers are left alone.
 */
function safeCell(value: unknown): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  const text = String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvRow(coded: OutputEvent): (string | number)[] {
  const event = withSourceProfile(coded);
  const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    event_id_cnty: event.event_id,
    event_date: event.event_date,
    year: event.event_date?.slice(0, 4) ?? null,
    time_precision: event.time_precision,
    event_type: event.event_type,
    sub_event_type: event.sub_event_type,
    actor1: event.actor1,
    assoc_actor_1: event.assoc_actor_1,
    inter1: event.inter1,
    actor2: event.actor2,
    assoc_actor_2: event.assoc_actor_2,
    inter2: event.inter2,
    interaction: event.interaction,
    country: event.country,
    admin1: event.admin1,
    admin2: event.admin2,
    location: event.location,
    latitude: event.latitude,
    longitude: event.longitude,
    geo_precision: event.geo_precision,
    source: event.source,
    notes: event.sentence.text,
    fatalities: event.fatalities,
    plover_event: event.plover_event,
    mode: event.mode,
    quad: event.quad,
    claimant: event.claimant,
    fatalities_basis: event.fatalities_basis,
    injured: event.injured,
    confidence: event.confidence,
    location_reason: event.location_reason,
    article_id: event.article_id,
    neighbourhood: event.neighbourhood ?? null,
    source_count: event.source_count,
    independent_outlets: event.independent_outlets,
    source_affiliation: event.source_affiliation,
    single_source: event.single_source ? 'yes' : 'no',
  };
  return CSV_COLUMNS.map((column) => safeCell(row[column]));
}

export function eventsToCsv(events: OutputEvent[], options: { header?: boolean } = {}): string {
  const rows = events.map(csvRow);
  return stringify(options.header === false ? rows : [[...CSV_COLUMNS], ...rows]);
}

export interface EventFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] } | null;
  properties: CodedEvent & SourceProfile;
}

export function eventToFeature(event: OutputEvent): EventFeature {
  const placed = event.latitude !== null && event.longitude !== null;
  return {
    type: 'Feature',
    id: event.event_id,
    geometry: placed ? { type: 'Point', coordinates: [event.longitude!, event.latitude!] } : null,
    properties: withSourceProfile(event),
  };
}

export function eventsToGeoJson(events: OutputEvent[]): { type: 'FeatureCollection'; features: EventFeature[] } {
  return { type: 'FeatureCollection', features: events.map(eventToFeature) };
}

export function eventsToJsonl(events: OutputEvent[]): string {
  return events.map((e) => `${JSON.stringify(withSourceProfile(e))}\n`).join('');
}

/** The whole output of a command in one format. */
export function formatEvents(events: OutputEvent[], format: EventFormat): string {
  switch (format) {
    case 'json': return `${JSON.stringify(events.map(withSourceProfile), null, 2)}\n`;
    case 'jsonl': return eventsToJsonl(events);
    case 'csv': return eventsToCsv(events);
    case 'geojson': return `${JSON.stringify(eventsToGeoJson(events))}\n`;
  }
}
