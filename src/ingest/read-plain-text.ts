import { articleId } from './article-id.ts';
import { publicationDate } from './publication-date.ts';
import type { IngestResult } from './types.ts';

const HEADER = /^(title|source|published|date|url|byline|author):[ \t]*(.*)$/i;
/** A title line on its own above the text: short, and not a sentence of the story. */
const MAX_TITLE_CHARS = 200;

/** "[FarsNews](#)" → "FarsNews": header values may be written as Markdown links. */
function plainValue(value: string): string {
  return value.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').trim();
}

/** Markdown to the plain text that is coded: markup goes, words and paragraphs stay. */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/```[^\n]*\n([\s\S]*?)```/g, '$1')
    .replace(/^ {0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1')
    .replace(/^ {0,3}>[ \t]?/gm, '')
    .replace(/^ {0,3}(?:[-*+]|\d+[.)])[ \t]+/gm, '')
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>\n]+>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])[*_](?=\S)([^*_\n]*?\S)[*_](?=[^\w*]|$)/g, '$1$2')
    .replace(/`([^`\n]+)`/g, '$1');
}

/**
 * A text or Markdown document. It may start with a title line and with header lines
 * (`Title:`, `Source:`, `Published: YYYY-MM-DD`, `URL:`, `Byline:`), each block followed by a blank line;
 * the rest is the article. Without a `Published:` line the article is undated.
 */
export function readPlainText(content: string, origin: string, markdown: boolean): IngestResult {
  const blocks = content.replace(/\r\n?/g, '\n').replace(/^\s+/, '').split(/\n[ \t]*\n/);
  const headers = new Map<string, string>();
  let title: string | null = null;
  let first = 0;
  for (; first < blocks.length && first < 4; first++) {
    const lines = blocks[first]!.split('\n').map((l) => l.trim()).filter(Boolean);
    if (lines.length === 0) continue;
    if (lines.every((l) => HEADER.test(l))) {
      for (const line of lines) {
        const [, key, value] = HEADER.exec(line)!;
        headers.set(key!.toLowerCase(), plainValue(value!));
      }
      continue;
    }
    const line = lines[0]!;
    const looksLikeTitle = lines.length === 1 && first === 0 && line.length <= MAX_TITLE_CHARS && !/[.!?]["”']?$/.test(line);
    if (looksLikeTitle && title === null && blocks.length > first + 1) {
      title = markdown ? markdownToText(line).trim() : line;
      continue;
    }
    break;
  }
  const body = blocks.slice(first).join('\n\n').trim();
  const text = (markdown ? markdownToText(body) : body).trim();
  if (!text) return { ok: false, problem: { origin, line: null, field: 'text', reason: 'the document has no text' } };

  const published = publicationDate(headers.get('published') ?? headers.get('date'));
  if (!published.ok) {
    const line = content.split('\n').findIndex((l) => /^(published|date):/i.test(l.trim())) + 1;
    return { ok: false, problem: { origin, line: line || null, field: 'published', reason: published.reason } };
  }
  const url = headers.get('url') || null;
  return {
    ok: true,
    article: {
      id: articleId(url, text),
      origin,
      title: headers.get('title') || title,
      text,
      url,
      source: headers.get('source') || null,
      published: published.date,
      byline: headers.get('byline') || headers.get('author') || null,
    },
  };
}
