import { createHash } from 'node:crypto';
import type { Article } from '../ingest/types.ts';
import { normaliseForIdentity } from '../ingest/article-id.ts';
import { splitJoinedNames } from '../joined-names.ts';
import { StoreInputError, type ActorDirectory, type CodedEvent, type EventSourceReport, type MergeRule, type StoreRules } from './types.ts';
import { actorCountry } from './actor-names.ts';

/** Backend-independent pieces of the store: input checks, keys and small derived values. */

export function textHash(text: string): string {
  return createHash('sha256').update(normaliseForIdentity(text)).digest('hex');
}

type EventSchema = StoreRules['eventSchema'];

export function checkArticle(article: Article): void {
  if (typeof article.id !== 'string' || article.id.length === 0) throw new StoreInputError('article.id must be a non-empty string', 'article.id');
  if (typeof article.text !== 'string') throw new StoreInputError('article.text must be a string', 'article.text');
}

/** One coded event of `article` (the `index`th), checked against the schema. */
export function checkEvent(article: Article, event: CodedEvent, index: number, schema: EventSchema): CodedEvent {
  const parsed = schema.safeParse(event);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = `events[${index}].${issue?.path.join('.') ?? ''}`;
    throw new StoreInputError(`${article.origin}: ${field}: ${issue?.message ?? 'invalid'}`, field);
  }
  if (parsed.data.article_id !== article.id) {
    throw new StoreInputError(`${article.origin}: events[${index}].article_id is ${parsed.data.article_id}, not the article's id ${article.id}`, `events[${index}].article_id`);
  }
  return parsed.data;
}

/**
 * Refuses an article or event that does not match the schema, naming the field, so that nothing is written then;
 * with a turn of the event loop every few milliseconds, for articles with thousands of events.
 */
export async function checkInputInSlices(article: Article, events: CodedEvent[], schema: EventSchema): Promise<CodedEvent[]> {
  checkArticle(article);
  const slice = new TimeSlice();
  const checked: CodedEvent[] = [];
  for (const [index, event] of events.entries()) {
    checked.push(checkEvent(article, event, index, schema));
    await slice.maybeYield();
  }
  return checked;
}

/**
 * Lets the event loop turn once every few milliseconds of a long synchronous job (storing an article with
 * thousands of events), so that a server's other requests are answered meanwhile.
 */
export class TimeSlice {
  private last = performance.now();
  constructor(private readonly ms = 5) {}

  async maybeYield(): Promise<void> {
    if (performance.now() - this.last < this.ms) return;
    await new Promise((resolve) => setImmediate(resolve));
    this.last = performance.now();
  }
}

export interface ActorRef { id: string; name: string; inter: number | null; country: string | null; role: string }

/** The actors of an event with their store ids: the dictionary id, else "name:" + the lower-case name. */
export function actorRefs(event: CodedEvent, actors: ActorDirectory): ActorRef[] {
  const refs: ActorRef[] = [];
  const add = (id: string | null, name: string | null, inter: number | null, role: string): void => {
    if (!name) return;
    const ref = id ?? `name:${name.toLowerCase()}`;
    refs.push({ id: ref, name, inter, country: actorCountry(ref, event.country, actors), role });
  };
  add(event.actor1_id, event.actor1, event.inter1, 'actor1');
  add(event.actor2_id, event.actor2, event.inter2, 'actor2');
  for (const name of splitJoinedNames(event.assoc_actor_1)) add(null, name, null, 'assoc_actor_1');
  for (const name of splitJoinedNames(event.assoc_actor_2)) add(null, name, null, 'assoc_actor_2');
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = `${r.id}|${r.role}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function placeKey(event: CodedEvent): string | null {
  if (!event.location) return null;
  return [event.location, event.admin1 ?? '', event.country ?? ''].join('|').toLowerCase();
}

/** The key of the dedup rule's "same location name and country" (MergeRule; sitrep's is src/dedup/dedup.ts). */
export function locationKey(event: CodedEvent): string | null {
  return event.location ? `${event.location}|${event.country ?? ''}`.toLowerCase() : null;
}

/** The words of a free-text query, for full-text search; article-derived text never reaches SQL unquoted. */
export function searchWords(q: string): string[] {
  const words = q.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) throw new StoreInputError('q must contain at least one letter or digit', 'q');
  return words.slice(0, 20);
}

/** Text searched by `q`: every report's sentence and the location. */
export function searchBody(reports: CodedEvent[], merged: CodedEvent): string {
  return [...new Set(reports.map((r) => r.sentence.text)), merged.location ?? '', merged.admin1 ?? ''].join('\n');
}

const EXCERPT_AROUND = 200;
const EXCERPT_MAX = 1200;

export function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_AROUND);
  return text.slice(from, Math.min(text.length, end + EXCERPT_AROUND, from + EXCERPT_MAX));
}

export function shiftDay(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) ? date : new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/** Degrees of latitude / longitude that cover `km` around a latitude (a box for the index; the exact test follows). */
export function degreesAround(latitude: number, km: number): { dLat: number; dLon: number } {
  const dLat = km / 110.574;
  const cos = Math.cos((latitude * Math.PI) / 180);
  return { dLat, dLon: cos < 0.01 ? 180 : km / (111.32 * cos) };
}

/**
 * Where the stored events a report could be another report of lie (MergeRule): same type, dated
 * within the window, and inside the box around its point or, when either side lacks coordinates, with the same
 * location key. Null when the report is never merged (not asserted, or undated). The store's indexes find the
 * events in this area; `firstMatch` then applies the exact rule.
 */
export interface DedupArea {
  event_type: string;
  from: string;
  to: string;
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number } | null;
  location_key: string | null;
}

export function dedupArea(report: CodedEvent, rule: Pick<MergeRule, 'dateWindowDays' | 'nearbyKm'>): DedupArea | null {
  // PLOVER-only events (no ACLED type: talks, demands, ...) are not merged across reports.
  if (report.modality !== 'asserted' || !report.event_date || report.event_type === null) return null;
  const key = locationKey(report);
  let box: DedupArea['box'] = null;
  if (report.latitude !== null && report.longitude !== null) {
    const { dLat, dLon } = degreesAround(report.latitude, rule.nearbyKm);
    box = { minLon: report.longitude - dLon, maxLon: report.longitude + dLon, minLat: report.latitude - dLat, maxLat: report.latitude + dLat };
  } else if (!key) {
    return null;
  }
  return {
    event_type: report.event_type, box, location_key: key,
    from: shiftDay(report.event_date, -rule.dateWindowDays), to: shiftDay(report.event_date, rule.dateWindowDays),
  };
}

/** What storing one article did, in the order its reports were stored (the AddArticleResult's lists). */
export class ArticleOutcome<K> {
  readonly created: string[] = [];
  readonly merged: string[] = [];
  /** The stored events the article's reports went to, each once. */
  readonly touched: K[] = [];

  noteCreated(key: K, eventId: string): void {
    this.created.push(eventId);
    this.touch(key);
  }

  noteMerged(key: K, eventId: string): void {
    if (!this.merged.includes(eventId) && !this.created.includes(eventId)) this.merged.push(eventId);
    this.touch(key);
  }

  private touch(key: K): void {
    if (!this.touched.includes(key)) this.touched.push(key);
  }
}

/** The columns of one report joined with its article, as both backends read them for an event's detail. */
export interface SourceRow {
  article_id: string;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
  text: string;
}

/** One report of an event as the API shows it: where it came from, what it says, and the text around it. */
export function sourceReport(row: SourceRow, report: CodedEvent, evidence: EventSourceReport['evidence']): EventSourceReport {
  return {
    article_id: row.article_id,
    report_id: report.event_id,
    title: row.title ?? null,
    url: row.url ?? null,
    source: row.source ?? null,
    published: row.published ?? null,
    claimant: report.claimant,
    fatalities: report.fatalities,
    fatalities_basis: report.fatalities_basis,
    sentence: report.sentence,
    evidence,
    article_text_excerpt: excerpt(row.text, report.sentence.start, report.sentence.end),
  };
}

/**
 * The columns of GET /actors, one row per name: an actor named by a report without a dictionary id
 * ("name:civilians (nigeria)", an associated actor) is the same actor as the coded one of that name,
 * whose id, inter code and country win.
 */
export const ACTOR_SUMMARY_COLUMNS = `coalesce(max(CASE WHEN a.id NOT LIKE 'name:%' THEN a.id END), min(a.id)) AS id,
  min(a.name) AS name, max(a.inter) AS inter, max(a.country) AS country`;
