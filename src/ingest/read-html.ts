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

/**
 * Readability's time grows with the cube of the page's nesting (2,000 nested <div>s: 48 s; 5,000: over 3
 * minutes), so pages nested deeper than this, or whose elements sum more ancestors than READABILITY_MAX_ANCESTORS,
 * are read by the plain block reader instead (linear). News pages nest 20 to 60 levels.
 */
export const READABILITY_MAX_DEPTH = 128;
const READABILITY_MAX_ANCESTORS = 1_000_000;
/** Deeper than this no page is: such markup is refused (the block reader's time grows with it too). */
export const MAX_HTML_DEPTH = 20_000;

/** Elements that never nest: void ones, and those whose end tag may be left out (the parser closes them). */
const NOT_NESTING = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption',
]);

/**
 * How deep the markup's tags nest, read from the text before any parsing (the DOM parser's own time grows
 * faster than linearly with nesting). An estimate: unclosed tags count as open, as a parser would keep them.
 */
export function markupDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g)) {
    const name = match[2]!.toLowerCase();
    if (NOT_NESTING.has(name) || match[3]) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
  }
  return deepest;
}

/** The deepest nesting of the document's elements, and the sum over its elements of their depth. */
export function nestingOf(root: Element): { depth: number; ancestors: number } {
  let depth = 0;
  let ancestors = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, level] = stack.pop()!;
    if (level > depth) depth = level;
    ancestors += level;
    for (let child = element.firstElementChild; child; child = child.nextElementSibling) stack.push([child, level + 1]);
  }
  return { depth, ancestors };
}

function meta(document: Document, selector: string): string | null {
  return document.querySelector(selector)?.getAttribute('content')?.trim() || null;
}

/**
 * An HTML page: the article's title, byline, text and outlet by Mozilla's Readability (on linkedom's DOM),
 * and its publication date from the page's metadata when it has one. Scripts, frames and styles never
 * reach the text. A page too deeply nested for Readability (READABILITY_MAX_DEPTH) is read from its body's
 * paragraphs, in time linear in its size.
 */
export function readHtml(html: string, origin: string): IngestResult {
  const depth = markupDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    return { ok: false, problem: { origin, line: null, field: null, reason: `HTML nested ${depth} levels deep (more than ${MAX_HTML_DEPTH}): refused as pathological markup` } };
  }
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
  const nesting = nestingOf(document.documentElement);
  if (nesting.depth <= READABILITY_MAX_DEPTH && nesting.ancestors <= READABILITY_MAX_ANCESTORS) {
    try {
      // Readability changes the DOM it reads, so it reads its own copy.
      parsed = new Readability(parseHTML(html).document as unknown as Document, { maxElemsToParse: 100_000 }).parse();
    } catch {
      parsed = null; // e.g. a page too large for Readability; the fallback below reads it
    }
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
