import type { z } from 'zod';
import type { Article } from '../ingest/types.ts';
import type { CodedEvent, Evidence } from '../events/event-schema.ts';

/** The record a store keeps is the coded event; src/store takes its type only (nothing it runs comes from the coder). */
export type { CodedEvent };

/**
 * The store's contract: one small interface that SQLite (default) and PostgreSQL both implement.
 * Everything is async so that a networked backend fits behind it unchanged.
 */

/** An event as stored: the merged record of every report of one real-world event. */
export type StoredEvent = CodedEvent & { source_count: number };

/** One report of an event: the event as one article coded it. */
export interface EventSourceReport {
  article_id: string;
  /** The event id the coder gave this report (article id + sentence + predicate). */
  report_id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  claimant: string | null;
  fatalities: number;
  fatalities_basis: CodedEvent['fatalities_basis'];
  sentence: { start: number; end: number; text: string };
  evidence: Evidence[];
  /** Up to a few hundred characters of article text around the sentence. */
  article_text_excerpt: string;
}

export interface Disagreement {
  field: string;
  values: { value: string | number | null; sources: string[] }[];
}

export type EventDetail = StoredEvent & { sources: EventSourceReport[]; disagreements: Disagreement[] };

export interface EventFilter {
  from?: string;
  to?: string;
  /** minLon, minLat, maxLon, maxLat */
  bbox?: [number, number, number, number];
  event_type?: string;
  sub_event_type?: string;
  /** A PLOVER category, e.g. "THREATEN". */
  plover_event?: string;
  /** true: only events with an ACLED type; false: only PLOVER-only events (no ACLED counterpart); absent: all. */
  acled?: boolean;
  /** An actor name (case-insensitive) or actor id; matches actor1, actor2 and associated actors. */
  actor?: string;
  country?: string;
  admin1?: string;
  /** Reporting outlet: any of the event's sources. */
  source?: string;
  /** Words searched in the event's sentences and location. */
  q?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface AddArticleResult {
  article_id: string;
  /** The article (same id, URL or normalised text) was already stored; nothing was written. */
  duplicate: boolean;
  /** Ids of the events this article created. */
  created: string[];
  /** Ids of already-stored events this article's reports were merged into. */
  merged: string[];
  /** The stored events the article's reports belong to (created or merged). */
  events: StoredEvent[];
}

export interface ActorSummary { id: string; name: string; inter: number | null; country: string | null; events: number }
export interface PlaceSummary {
  location: string; admin1: string | null; country: string | null;
  latitude: number | null; longitude: number | null; events: number;
}
export interface StoreStats {
  by_day: { date: string; count: number }[];
  by_type: { event_type: string | null; count: number }[];
  by_actor: { actor: string; count: number }[];
  total: number;
}

/**
 * The dedup rule a store applies to an article's reports, given when the store is opened (sitrep's is
 * src/dedup/dedup.ts): the store finds candidates with its indexes, the rule decides and merges.
 */
export interface MergeRule {
  /** Reports dated more than this many days apart are never one event: the date window of the store's look-up. */
  readonly dateWindowDays: number;
  /** Reports with points farther apart than this are never one event: the box of the store's look-up. */
  readonly nearbyKm: number;
  /**
   * The first candidate, in storage order, that `report` is another report of, skipping `taken`; null when none.
   * `eventOf` gives a candidate's merged record and is asked only until a match is found.
   */
  firstMatch<K>(candidates: readonly K[], report: CodedEvent, taken: ReadonlySet<K>, eventOf: (key: K) => CodedEvent): K | null;
  /** The merged record of several reports of one event, in the order they were stored. */
  mergeReports(reports: readonly CodedEvent[]): CodedEvent;
  /** The fields on which the reports of one event differ, with which sources said what. */
  findDisagreements(reports: readonly CodedEvent[]): Disagreement[];
}

/**
 * What the store knows of actors beyond an event (see actor-names.ts), given when it is opened (sitrep's comes
 * from the actor dictionary): read only when a filter names an actor or an event's actors are written.
 */
export interface ActorDirectory {
  /** The ids of every dictionary actor that has borne `name` (lower case). */
  idsNamed(name: string): readonly string[];
  /** A dictionary actor's country (null for an international actor); undefined when `id` is no dictionary actor. */
  countryOf(id: string): string | null | undefined;
}

/** What a store is told when it is opened: everything it applies to coded events but does not decide itself. */
export interface StoreRules {
  merge: MergeRule;
  actors: ActorDirectory;
  /** The coded event's schema: every record is checked against it before anything is written. */
  eventSchema: z.ZodType<CodedEvent>;
}

export interface EventStore {
  /** Stores an article and its coded events in one transaction; idempotent by id, URL and normalised text. */
  addArticle(article: Article, events: CodedEvent[]): Promise<AddArticleResult>;
  /** Whether the article (same id, URL or normalised text) is stored: what addArticle would call a duplicate. */
  hasArticle(article: Article): Promise<boolean>;
  queryEvents(filter: EventFilter, page: Page): Promise<{ total: number; events: StoredEvent[] }>;
  /**
   * Every event matching the filter, in queryEvents' order, read with a cursor or in keyset pages: memory stays
   * flat however many there are, and no page is re-read from the start as OFFSET paging would. `pageSize`:
   * events per round trip where the backend reads in pages.
   */
  streamEvents(filter: EventFilter, options?: { pageSize?: number }): AsyncIterable<StoredEvent>;
  /** An event by its id, or by the id of any report merged into it; null when unknown. */
  getEvent(id: string): Promise<EventDetail | null>;
  actors(limit?: number): Promise<ActorSummary[]>;
  places(limit?: number): Promise<PlaceSummary[]>;
  /** A stored article by its id; null when unknown. */
  getArticle(id: string): Promise<Article | null>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

/** Input the store refuses (a coded event that does not match the schema), named by field. */
export class StoreInputError extends Error {
  constructor(message: string, readonly field: string | null) {
    super(message);
    this.name = 'StoreInputError';
  }
}
