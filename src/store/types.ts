import type { Article } from '../ingest/types.ts';
import type { CodedEvent, Evidence } from '../events/event-schema.ts';

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
