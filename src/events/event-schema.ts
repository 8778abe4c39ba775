import { z } from 'zod';

/**
 * The coded event: sitrep's public contract, used by every output format, the store and the API.
 * Field names follow ACLED where ACLED has the field, PLOVER for the coding, and sitrep's own otherwise.
 */

export const ACLED_EVENT_TYPES = [
  'Battles',
  'Explosions/Remote violence',
  'Violence against civilians',
  'Protests',
  'Riots',
  'Strategic developments',
] as const;

export const PLOVER_EVENT_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE',
  'COERCE', 'ASSAULT',
] as const;

/** The PLOVER manual's quad categories (its table "Quad categories in PLOVER"), in its own words. */
export const PLOVER_QUADS = ['Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'] as const;

export const EvidenceSchema = z.object({
  field: z.string().describe('The event field this span supports, e.g. "actor1", "location", "fatalities".'),
  start: z.number().int().nonnegative().describe('Character offset in the article text (inclusive).'),
  end: z.number().int().nonnegative().describe('Character offset in the article text (exclusive).'),
  text: z.string(),
});

export const InterSchema = z.number().int().min(0).max(8);

export const EventSchema = z.object({
  event_id: z.string().describe('Stable id: article id + sentence + predicate offset.'),
  article_id: z.string(),
  event_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable()
    .describe('Resolved event date; null when neither the text nor the article gives one.'),
  modality: z.enum(['asserted', 'negated', 'hypothetical', 'future'])
    .describe('Whether the text asserts the event; only asserted events are facts (others appear only on request).'),
  time_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable()
    .describe('ACLED: 1 day, 2 week, 3 month; null when undated.'),
  event_type: z.enum(ACLED_EVENT_TYPES).nullable()
    .describe('ACLED event type; null for a PLOVER event with no ACLED counterpart (talks, demands, accusations, aid, ...).'),
  sub_event_type: z.string().nullable().describe('ACLED sub-event type; null exactly when event_type is null.'),
  plover_event: z.enum(PLOVER_EVENT_TYPES),
  mode: z.string().nullable().describe('PLOVER mode (one of the manual\'s modes of the category), e.g. "aerial" for ASSAULT, "demo" for PROTEST.'),
  context: z.array(z.string()).describe('PLOVER contexts, e.g. ["military"].'),
  actor1: z.string().nullable(),
  actor1_id: z.string().nullable(),
  assoc_actor_1: z.string().nullable(),
  inter1: InterSchema,
  actor2: z.string().nullable(),
  actor2_id: z.string().nullable(),
  assoc_actor_2: z.string().nullable(),
  inter2: InterSchema,
  interaction: z.number().int().describe('ACLED interaction code: the two inter codes, lower first (e.g. 12).'),
  country: z.string().nullable(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
  geo_precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).nullable()
    .describe('ACLED: 1 the town/neighbourhood itself, 2 a nearby or containing area, 3 only a province/region.'),
  location_reason: z.string().nullable().describe('Why this place was chosen, for the analyst to check.'),
  source: z.string().nullable().describe('The reporting outlet of the article.'),
  claimant: z.string().nullable().describe('Who in the text says so ("Syrian army" for "Army reports said").'),
  fatalities: z.number().int().nonnegative(),
  fatalities_basis: z.enum(['exact', 'vague', 'unknown', 'none']).describe('How the figure was read; see README "Fatalities".'),
  injured: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(EvidenceSchema),
  sentence: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }),
  neighbourhood: z.string().nullable().default(null)
    .describe('The city neighbourhood whose outline contains the point (the local gazetteer\'s outlines); null elsewhere.'),
  quad: z.enum(PLOVER_QUADS).describe('PLOVER quad category of plover_event (verbal/material cooperation/conflict).'),
});

export type CodedEvent = z.infer<typeof EventSchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
export type AcledEventType = (typeof ACLED_EVENT_TYPES)[number];
export type PloverEventType = (typeof PLOVER_EVENT_TYPES)[number];
export type PloverQuad = (typeof PLOVER_QUADS)[number];

/** ACLED's interaction code of two actors' codes: the lower first ("13"); an actor alone is its code then 0 ("10"). */
export function interactionCode(inter1: number, inter2: number): number {
  return inter1 && inter2 ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10 + inter2;
}
