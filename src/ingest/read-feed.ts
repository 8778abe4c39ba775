import { XMLParser } from 'fast-xml-parser';
import { articleId } from './article-id.ts';
import { htmlToText } from './read-html.ts';
import type { IngestLimits } from './limits.ts';
import { publicationDate } from './publication-date.ts';
import type { IngestResult } from './types.ts';

/**
 * Entities are never expanded by the XML parser: a feed that declares its own (the "billion laughs"
 * bomb, external entities that read local files) is refused outright, and the five predefined XML
 * entities and numeric references are decoded here, where nothing can grow or reach outside the file.
 */
const DECLARES_ENTITIES = /<!DOCTYPE[^>]*\[[\s\S]*?<!ENTITY/i;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  processEntities: false,
  htmlEntities: false,
  textNodeName: '#text',
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

type Node = Record<string, unknown>;

function textOf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number') return decodeEntities(String(value)).trim();
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'object') return textOf((value as Node)['#text']);
  return '';
}

/** RSS `<link>` is text; Atom `<link href rel>` is an attribute, the "alternate" one being the page. */
function linkOf(item: Node): string | null {
  const links = (item.link as unknown[] | undefined) ?? [];
  for (const link of links) {
    if (typeof link === 'string' && link.trim()) return decodeEntities(link.trim());
    if (link && typeof link === 'object') {
      const node = link as Node;
      const rel = node['@rel'];
      if ((rel === undefined || rel === 'alternate') && typeof node['@href'] === 'string') return decodeEntities(node['@href']);
    }
  }
  const guid = textOf(item.guid);
  return /^https?:\/\//.test(guid) ? guid : null;
}

/** One item of a feed as written: its HTML, link and date not yet checked. */
export interface FeedItem {
  title: string | null;
  /** The item's page: RSS `<link>`, Atom's alternate link, or a guid that is a URL. */
  link: string | null;
  guid: string | null;
  /** The item's content or description, as HTML. */
  html: string;
  /** The date as the feed writes it (pubDate, published, updated or dc:date). */
  published: string | null;
  author: string | null;
}

export type ParsedFeed =
  | { ok: true; title: string | null; items: FeedItem[] }
  | { ok: false; line: number | null; reason: string };

/** An RSS 2.0 or Atom document's title and items, or why it is not one. Entity declarations are refused. */
export function parseFeed(xml: string): ParsedFeed {
  if (DECLARES_ENTITIES.test(xml)) {
    return { ok: false, line: null, reason: 'the feed declares XML entities (DOCTYPE); refused, as entity expansion can exhaust memory or read local files' };
  }
  let doc: Node;
  try {
    doc = parser.parse(xml, true) as Node;
  } catch (error) {
    const message = (error as Error).message;
    const line = /line[: ]+(\d+)/i.exec(message)?.[1];
    return { ok: false, line: line ? Number(line) : null, reason: `not well-formed XML: ${message}` };
  }
  const channel = (doc.rss as Node | undefined)?.channel as Node | undefined;
  const atom = doc.feed as Node | undefined;
  const feed = channel ?? atom;
  if (!feed) return { ok: false, line: null, reason: 'not an RSS 2.0 or Atom feed' };
  const items = ((channel ? channel.item : atom?.entry) as Node[] | undefined) ?? [];
  return {
    ok: true,
    title: textOf(feed.title) || null,
    // An empty item (`<item/>`) parses as a string, whose `.link` is String.prototype.link: read it as no fields.
    items: items.map((parsed) => (parsed !== null && typeof parsed === 'object' ? parsed : {})).map((item: Node) => ({
      title: textOf(item.title) || null,
      link: linkOf(item),
      guid: textOf(item.guid) || textOf(item.id) || null,
      html: textOf(item['content:encoded']) || textOf(item.content) || textOf(item.description) || textOf(item.summary),
      published: textOf(item.pubDate) || textOf(item.published) || textOf(item.updated) || textOf(item['dc:date']) || null,
      author: textOf(item.author) || textOf(item['dc:creator']) || null,
    })),
  };
}

/** An RSS 2.0 or Atom feed file: one article per item, its HTML reduced to text, the feed's title as the outlet. */
export function* readFeed(xml: string, path: string, limits: IngestLimits): Generator<IngestResult> {
  const feed = parseFeed(xml);
  if (!feed.ok) {
    yield { ok: false, problem: { origin: path, line: feed.line, field: null, reason: feed.reason } };
    return;
  }
  const source = feed.title;
  const items = feed.items;
  if (items.length > limits.maxFeedItems) {
    yield { ok: false, problem: { origin: path, line: null, field: null, reason: `${items.length} items; only the first ${limits.maxFeedItems} are read` } };
  }
  for (const [index, item] of items.slice(0, limits.maxFeedItems).entries()) yield feedItemResult(item, index + 1, path, source, limits);
}

/** The article of the `number`th item of a feed (from 1), or why it cannot be read. Shared with read-feed-stream.ts. */
export function feedItemResult(item: FeedItem, number: number, path: string, source: string | null, limits: IngestLimits): IngestResult {
  const origin = `${path}#item-${number}`;
  const text = item.html ? htmlToText(item.html) : '';
  if (!text) return { ok: false, problem: { origin, line: null, field: 'description', reason: 'the item has no text' } };
  if (text.length > limits.maxTextChars) {
    return { ok: false, problem: { origin, line: null, field: 'description', reason: `text longer than ${limits.maxTextChars} characters` } };
  }
  const published = publicationDate(item.published);
  if (!published.ok) return { ok: false, problem: { origin, line: null, field: 'pubDate', reason: published.reason } };
  const url = item.link;
  return {
    ok: true,
    article: { id: articleId(url, text), origin, title: item.title, text, url, source, published: published.date, byline: item.author },
  };
}
