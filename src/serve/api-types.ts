import type { SourceProfile } from '../sources/source-profile.ts';
import type { AcledEventType } from '../events/event-schema.ts';
import type {
  ActorSummary, Disagreement, EventDetail, EventSourceReport, PlaceSummary, StoreStats, StoredEvent,
} from '../store/types.ts';

/**
 * The JSON the HTTP API answers with (docs/api.md), as types: the contract the web app reads. The web app
 * imports these, never the store's types, so the store can change how it keeps events without the page noticing
 * until the API does.
 */

/** One event of GET /events, of POST /articles and of /events/stream: the stored event with how well it is sourced. */
export type ApiEvent = StoredEvent & SourceProfile;

/** GET /events/:id: the event, every report of it and what the reports disagree on. */
export type ApiEventDetail = EventDetail & SourceProfile;

/** One report of an event in GET /events/:id. */
export type ApiEventSource = EventSourceReport;

export type ApiDisagreement = Disagreement;

/** GET /events (JSON). */
export interface EventsResponse {
  total: number;
  limit: number;
  offset: number;
  events: ApiEvent[];
}

/** POST /articles (201): the article's events as stored, each as GET /events gives it. */
export interface ArticleResponse {
  article_id: string;
  duplicate: boolean;
  events: ApiEvent[];
}

/** One actor of GET /actors. */
export type ApiActor = ActorSummary;

/** GET /actors. */
export interface ActorsResponse {
  actors: ApiActor[];
}

/** One place of GET /places. */
export type ApiPlace = PlaceSummary;

/** GET /places. */
export interface PlacesResponse {
  places: ApiPlace[];
}

/** GET /stats. */
export type StatsResponse = StoreStats;

/** The ACLED event types an event's `event_type` takes (null for a PLOVER-only event). */
export type ApiEventType = AcledEventType;
