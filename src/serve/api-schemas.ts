import { z } from 'zod';
import { ACLED_EVENT_TYPES, PLOVER_EVENT_TYPES } from '../events/event-schema.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';

/** The API's inputs, validated in one place (docs/api.md is the contract these implement). */

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => {
    const time = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
  }, 'must be a real calendar date');

const name = z.string().min(1).max(300);

const DEGREES = /^-?\d+(?:\.\d+)?$/;

/**
 * `minLon,minLat,maxLon,maxLat`, each written as decimal degrees (an empty part is not 0). A box whose
 * minLon is greater than its maxLon crosses the antimeridian (both stores read it as two boxes).
 */
const bbox = z.string().max(200).transform((value, ctx) => {
  const texts = value.split(',').map((p) => p.trim());
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (texts.length !== 4 || !texts.every((t) => DEGREES.test(t))) return fail('must be four numbers: minLon,minLat,maxLon,maxLat in decimal degrees');
  const [minLon, minLat, maxLon, maxLat] = texts.map(Number) as [number, number, number, number];
  if (Math.abs(minLon) > 180 || Math.abs(maxLon) > 180) return fail('longitudes must be between -180 and 180');
  if (Math.abs(minLat) > 90 || Math.abs(maxLat) > 90) return fail('latitudes must be between -90 and 90');
  if (minLat > maxLat) return fail('minLat must not be greater than maxLat');
  return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
});

/** A whole number written in decimal digits ("0x10", "1e2" and " 5" are refused, not read as numbers). */
const count = (min: number, max: number) => z.string().regex(/^\d{1,9}$/, 'must be a whole number in decimal digits')
  .transform(Number).pipe(z.number().int().min(min).max(max));

export const EventQuerySchema = z.strictObject({
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  bbox: bbox.optional(),
  event_type: z.enum(ACLED_EVENT_TYPES).optional(),
  sub_event_type: name.optional(),
  plover_event: z.enum(PLOVER_EVENT_TYPES).optional(),
  // A query string carries text: only the words "true" and "false" are accepted, not "1" or "yes".
  acled: z.enum(['true', 'false']).transform((v) => v === 'true').optional()
    .describe('true: only events with an ACLED type; false: only PLOVER-only events; absent: all.'),
  actor: name.optional(),
  country: name.optional(),
  admin1: name.optional(),
  source: name.optional(),
  q: z.string().min(1).max(500).optional(),
  limit: count(1, 1000).default(100),
  offset: count(0, 10_000_000).default(0),
  format: z.enum(['json', 'geojson', 'csv']).optional(),
}).refine((query) => !query.from || !query.to || query.from <= query.to, { message: 'must not be later than to', path: ['from'] });

/** Routes that take no query parameters answer 400 to any, as /events does to unknown ones. */
export const NoQuerySchema = z.strictObject({});

export const EventIdParamsSchema = z.object({ id: z.string().min(1).max(300) });

export const MAX_ARTICLE_CHARS = DEFAULT_LIMITS.maxTextChars;

export const ArticleBodySchema = z.strictObject({
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty').describe(`At most ${MAX_ARTICLE_CHARS} characters (413 beyond).`),
  title: z.string().max(2000).nullish(),
  url: z.string().max(2000).regex(/^https?:\/\/\S+$/i, 'must be an http(s) URL').nullish(),
  source: z.string().max(300).nullish(),
  published: calendarDay.nullish(),
});

export type EventQuery = z.infer<typeof EventQuerySchema>;
export type ArticleBody = z.infer<typeof ArticleBodySchema>;

/** The first problem of a failed validation, as the API's error body. */
export function firstIssue(error: z.ZodError, where: string): { error: string; field: string | null } {
  const issue = error.issues[0];
  const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path.join('.');
  const field = key ? String(key) : null;
  const message = issue?.code === 'unrecognized_keys' ? `unknown ${where} field "${field}"` : `${where} field "${field}": ${issue?.message ?? 'invalid'}`;
  return { error: message, field };
}
