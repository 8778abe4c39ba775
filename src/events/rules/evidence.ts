import type { Claim } from '../attribution.ts';
import type { Evidence } from '../event-schema.ts';
import type { EventCasualties, EventDate } from '../../resolve/types.ts';
import type { EventDraft } from './draft.ts';

/**
 * The words behind each field. The actors' spans are the words that named them in their roles; an actor ACLED
 * names by its role ("Protesters (Yemen)") has no words of its own.
 */
export function evidenceOf(draft: EventDraft, date: EventDate, casualties: EventCasualties, claim: Claim | null): Evidence[] {
  const { main, roles, place } = draft;
  const evidence: Evidence[] = [];
  const span = (field: string, s: { start: number; end: number; text: string } | null | undefined): void => {
    if (s) evidence.push({ field, start: s.start, end: s.end, text: s.text });
  };
  span('event_type', main);
  span('actor1', roles.actor1);
  span('assoc_actor_1', roles.assoc1);
  span('actor2', draft.actor2 ? roles.actor2 : null);
  span('location', place?.span);
  span('event_date', date.span);
  for (const s of casualties.spans) span('fatalities', s);
  span('claimant', claim);
  return evidence;
}

/**
 * Confidence is a plain additive score, documented in the README: a stand-alone predicate, named
 * actors, a place found in the text and a date found in the text each add to it.
 */
export function confidenceOf(draft: EventDraft, date: EventDate): number {
  const { frame, roles, place } = draft;
  let score = frame.main.code.role === 'event' ? 0.45 : 0.3;
  if (roles.actor1 && !roles.actor1.generic) score += 0.15;
  else if (roles.actor1) score += 0.08;
  if (roles.actor2) score += 0.05;
  if (place?.span) score += place.geo_precision === 3 ? 0.05 : 0.15;
  if (date.span) score += 0.1;
  return Math.min(0.95, Math.round(score * 100) / 100);
}
