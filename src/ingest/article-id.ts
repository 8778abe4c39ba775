import { createHash } from 'node:crypto';

/** Whitespace and case do not make a different article. */
export function normaliseForIdentity(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Stable identity of an article: its URL when it has one, else its normalised text. */
export function articleId(url: string | null, text: string): string {
  const key = url ? `url:${url.trim()}` : `text:${normaliseForIdentity(text)}`;
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}
