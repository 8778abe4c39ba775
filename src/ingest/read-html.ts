import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { articleId } from './article-id.ts';
import { publicationDate } from './publication-date.ts';
import type { IngestResult } from './types.ts';

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td, th, figcaption, dd, dt';
const NEVER_TEXT = 'script, style, noscript, iframe, template, object, embed, svg, canvas, form, nav, footer, header, aside';

/** Paragraph text of an HTML fragment: one paragraph per block element, markup gone, whitespace tidied. */
function blockText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const node of Array.from(document.querySelectorAll(NEVER_TEXT))) node.remove();
  const blocks = Array.from(document.querySelectorAll(BLOCKS))
    // A block inside another block is read with its parent.
    .filter((el) => !el.parentElement?.closest(BLOCKS))
    .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return blocks.length > 0 ? blocks.join('\n\n') : (document.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function meta(document: Document, selector: string): string | null {
  return document.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/**
 * An HTML page: the article's title, byline, text and outlet by Mozilla's Readability (on linkedom's DOM),
 * and its publication date from the page's metadata when it has one. Scripts, frames and styles never
 * reach the text. A page too deeply nested for Readability falls back to its body's paragraphs.
 */
export function readHtml(html: string, origin: string): IngestResult {
  let document: Document;
  try {
    document = parseHTML(html).document as unknown as Document;
  } catch (error) {
    return { ok: false, problem: { origin, line: null, field: null, reason: `not readable HTML: ${(error as Error).message}` } };
  }
  const pageDate = meta(document, 'meta[property="article:published_time"]')
    ?? meta(document, 'meta[name="date"]')
    ?? meta(document, 'meta[itemprop="datePublished"]')
    ?? document.querySelector('time[datetime]')?.getAttribute('datetime')
    ?? null;
  const siteName = meta(document, 'meta[property="og:site_name"]');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')
    ?? meta(document, 'meta[property="og:url"]');

  let parsed: ReturnType<Readability['parse']> = null;
  try {
    // Readability changes the DOM it reads, so it reads its own copy.
    parsed = new Readability(parseHTML(html).document as unknown as Document, { maxElemsToParse: 100_000 }).parse();
  } catch {
    parsed = null; // e.g. a page nested too deeply for Readability's recursion; the fallback below reads it
  }
  let text: string;
  try {
    text = blockText(parsed?.content ?? document.body?.innerHTML ?? '');
  } catch (error) {
    return { ok: false, problem: { origin, line: null, field: null, reason: `could not extract the text: ${(error as Error).message}` } };
  }
  if (!text) return { ok: false, problem: { origin, line: null, field: 'text', reason: 'the page has no article text' } };

  const published = publicationDate(parsed?.publishedTime ?? pageDate);
  if (!published.ok) return { ok: false, problem: { origin, line: null, field: 'published', reason: published.reason } };
  const url = canonical && /^https?:\/\//.test(canonical) ? canonical : null;
  return {
    ok: true,
    article: {
      id: articleId(url, text),
      origin,
      title: (parsed?.title ?? document.title ?? '').trim() || null,
      text,
      url,
      source: (parsed?.siteName ?? siteName)?.trim() || null,
      published: published.date,
      byline: parsed?.byline?.trim() || meta(document, 'meta[name="author"]'),
    },
  };
}

export { blockText as htmlToText };
