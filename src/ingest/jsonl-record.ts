import { z } from 'zod';
import { articleId } from './article-id.ts';
import type { IngestLimits } from './limits.ts';
import { publicationDate } from './publication-date.ts';
import type { IngestResult } from './types.ts';

const optionalText = z.string().nullish().transform((v) => (v?.trim() ? v.trim() : null));

/** One line of a JSONL file: `{"text", "title", "url", "source", "published"}`; only `text` is required. */
export const JsonlArticle = z.object({
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
  title: optionalText,
  url: optionalText.refine((u) => u === null || /^https?:\/\//i.test(u), 'must be an http(s) URL'),
  source: optionalText,
  published: z.unknown().optional(),
  byline: optionalText,
});

/**
 * One line of a JSONL file as an article or the problem with it; null for a blank line. Each line is its own
 * document: the reader (read-jsonl-stream.ts) reports a broken line with its number and still reads the others.
 */
export function jsonlRecord(text: string, path: string, line: number, limits: IngestLimits): IngestResult | null {
  const raw = text.trim();
  const origin = `${path}:${line}`;
  if (!raw) return null;
  if (raw.length > limits.maxLineChars) return tooLongLine(path, line, limits);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    return { ok: false, problem: { origin: path, line, field: null, reason: `not JSON: ${(error as Error).message}` } };
  }
  const parsed = JsonlArticle.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: { origin: path, line, field: issue?.path.join('.') || null, reason: issue?.message ?? 'invalid' } };
  }
  const item = parsed.data;
  if (item.text.length > limits.maxTextChars) {
    return { ok: false, problem: { origin: path, line, field: 'text', reason: `text longer than ${limits.maxTextChars} characters` } };
  }
  const published = publicationDate(item.published);
  if (!published.ok) return { ok: false, problem: { origin: path, line, field: 'published', reason: published.reason } };
  return {
    ok: true,
    article: {
      id: articleId(item.url, item.text),
      origin,
      title: item.title,
      text: item.text.trim(),
      url: item.url,
      source: item.source,
      published: published.date,
      byline: item.byline,
    },
  };
}

export function tooLongLine(path: string, line: number, limits: IngestLimits): IngestResult {
  return { ok: false, problem: { origin: path, line, field: null, reason: `line longer than ${limits.maxLineChars} characters` } };
}
