import { createHash } from 'node:crypto';
import { EventSchema, type CodedEvent } from '../events/event-schema.ts';
import type { Article } from '../ingest/types.ts';
import { normaliseForIdentity } from '../ingest/article-id.ts';
import { StoreInputError } from './types.ts';

/** Backend-independent pieces of the store: input checks, keys and small derived values. */

export function textHash(text: string): string {
  return createHash('sha256').update(normaliseForIdentity(text)).digest('hex');
}

/** Refuses an article or event that does not match the schema, naming the field; nothing is written then. */
export function checkInput(article: Article, events: CodedEvent[]): CodedEvent[] {
  if (typeof article.id !== 'string' || article.id.length === 0) throw new StoreInputError('article.id must be a non-empty string', 'article.id');
  if (typeof article.text !== 'string') throw new StoreInputError('article.text must be a string', 'article.text');
  return events.map((event, index) => {
    const parsed = EventSchema.safeParse(event);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = `events[${index}].${issue?.path.join('.') ?? ''}`;
      throw new StoreInputError(`${article.origin}: ${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    if (parsed.data.article_id !== article.id) {
      throw new StoreInputError(`${article.origin}: events[${index}].article_id is ${parsed.data.article_id}, not the article's id ${article.id}`, `events[${index}].article_id`);
    }
    return parsed.data;
  });
}

export interface ActorRef { id: string; name: string; inter: number | null; role: string }

function splitNames(names: string | null): string[] {
  return names ? names.split(';').map((n) => n.trim()).filter(Boolean) : [];
}

/** The actors of an event with their store ids: the dictionary id, else "name:" + the lower-case name. */
export function actorRefs(event: CodedEvent): ActorRef[] {
  const refs: ActorRef[] = [];
  const add = (id: string | null, name: string | null, inter: number | null, role: string): void => {
    if (!name) return;
    refs.push({ id: id ?? `name:${name.toLowerCase()}`, name, inter, role });
  };
  add(event.actor1_id, event.actor1, event.inter1, 'actor1');
  add(event.actor2_id, event.actor2, event.inter2, 'actor2');
  for (const name of splitNames(event.assoc_actor_1)) add(null, name, null, 'assoc_actor_1');
  for (const name of splitNames(event.assoc_actor_2)) add(null, name, null, 'assoc_actor_2');
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

/** The key of the dedup rule's "same location name and country" (src/resolve/dedup.ts). */
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
