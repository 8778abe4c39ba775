import { z } from 'zod';
import { ACLED_EVENT_TYPES } from '../events/event-schema.ts';
import { DEFAULT_LIMITS } from '../ingest/limits.ts';

/** The API's inputs, validated in one place (docs/api.md is the contract these implement). */

const calendarDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
  .refine((v) => {
    const time = Date.parse(`${v}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === v;
  }, 'must be a real calendar date');

const name = z.string().min(1).max(300);

const bbox = z.string().max(200).transform((value, ctx) => {
  const parts = value.split(',').map((p) => Number(p.trim()));
  const valid = parts.length === 4 && parts.every(Number.isFinite)
    && Math.abs(parts[0]!) <= 180 && Math.abs(parts[2]!) <= 180 && Math.abs(parts[1]!) <= 90 && Math.abs(parts[3]!) <= 90
    && parts[1]! <= parts[3]!;
  if (!valid) {
    ctx.addIssue({ code: 'custom', message: 'must be minLon,minLat,maxLon,maxLat in degrees, minLat <= maxLat' });
    return z.NEVER;
  }
  return parts as [number, number, number, number];
});

export const EventQuerySchema = z.strictObject({
  from: calendarDay.optional(),
  to: calendarDay.optional(),
  bbox: bbox.optional(),
  event_type: z.enum(ACLED_EVENT_TYPES).optional(),
  sub_event_type: name.optional(),
  actor: name.optional(),
  country: name.optional(),
  admin1: name.optional(),
  source: name.optional(),
  q: z.string().min(1).max(500).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'geojson', 'csv']).optional(),
});

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
