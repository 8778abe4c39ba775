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

/** Each line is its own document: a broken line is reported with its number and the others are still read. */
export function* readJsonl(content: string, path: string, limits: IngestLimits): Generator<IngestResult> {
  const lines = content.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!.trim();
    const line = index + 1;
    const origin = `${path}:${line}`;
    if (!raw) continue;
    if (raw.length > limits.maxLineChars) {
      yield { ok: false, problem: { origin: path, line, field: null, reason: `line longer than ${limits.maxLineChars} characters` } };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      yield { ok: false, problem: { origin: path, line, field: null, reason: `not JSON: ${(error as Error).message}` } };
      continue;
    }
    const parsed = JsonlArticle.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      yield { ok: false, problem: { origin: path, line, field: issue?.path.join('.') || null, reason: issue?.message ?? 'invalid' } };
      continue;
    }
    const item = parsed.data;
    if (item.text.length > limits.maxTextChars) {
      yield { ok: false, problem: { origin: path, line, field: 'text', reason: `text longer than ${limits.maxTextChars} characters` } };
      continue;
    }
    const published = publicationDate(item.published);
    if (!published.ok) {
      yield { ok: false, problem: { origin: path, line, field: 'published', reason: published.reason } };
      continue;
    }
    yield {
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
}
