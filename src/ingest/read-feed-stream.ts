import type { IngestLimits } from './limits.ts';
import { feedItemResult, parseFeed, readFeed } from './read-feed.ts';
import type { IngestResult } from './types.ts';
import { utf8Chunks } from './utf8-chunks.ts';

const ITEM_OPEN = /^<(item|entry)[\s>/]/;
const ITEM_CLOSE = /^<\/(item|entry)\s*>/;
/** Characters a start or end tag is matched on; fewer left before the end of the text in hand means: read more. */
const TAG_WINDOW = 64;

type Found = { at: number } | { more: number };

/**
 * The next tag matching `tag` from `from`, passing over CDATA sections and comments (whose text may look like
 * tags); or, when the text in hand ends first, where to resume once more is read.
 */
function findTag(xml: string, from: number, tag: RegExp, final: boolean): Found {
  for (let i = from; ;) {
    const lt = xml.indexOf('<', i);
    if (lt === -1) return { more: xml.length };
    if (xml.startsWith('<![CDATA[', lt) || xml.startsWith('<!--', lt)) {
      const [opening, closing] = xml[lt + 2] === '[' ? [9, ']]>'] as const : [4, '-->'] as const;
      const end = xml.indexOf(closing, lt + opening);
      if (end === -1) return { more: lt };
      i = end + closing.length;
      continue;
    }
    if (!final && xml.length - lt < TAG_WINDOW) return { more: lt };
    if (tag.test(xml.slice(lt, lt + TAG_WINDOW))) return { at: lt };
    i = lt + 1;
  }
}

async function* decoded(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ text: string; final: boolean }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for await (const chunk of chunks) yield { text: decoder.decode(chunk, { stream: true }), final: false };
  yield { text: decoder.decode(), final: true };
}

/**
 * An RSS 2.0 or Atom feed read item by item as it streams in: the part before the first item (the channel and
 * its title) is parsed once, then each `<item>` or `<entry>` on its own, so a feed of any size is read holding
 * one item at a time. An item is one record: longer than `maxLineChars` characters, it ends the reading of the
 * file (its end cannot be found without holding it). Each item gives the same result as readFeed gives for the
 * whole file; a malformed item is refused on its own, the others are still read.
 */
export async function* readFeedStream(chunks: AsyncIterable<Buffer>, path: string, limits: IngestLimits): AsyncGenerator<IngestResult> {
  const opened = await utf8Chunks(chunks).catch((error: Error) => error);
  if (opened instanceof Error) {
    yield { ok: false, problem: { origin: path, line: null, field: null, reason: `cannot read: ${opened.message}` } };
    return;
  }
  if (opened.kind !== 'text') {
    const reason = opened.kind === 'empty' ? 'empty file' : 'not text: the file contains NUL bytes (binary, or UTF-16 without a byte-order mark)';
    yield { ok: false, problem: { origin: path, line: null, field: null, reason } };
    return;
  }
  let buffer = '';
  let scan = 0;
  let phase: 'head' | 'between' | 'item' = 'head';
  let wrap = { open: '', close: '' };
  let source: string | null = null;
  let number = 0;
  const item = (): string => `${path}#item-${number}`;
  try {
    for await (const { text, final } of decoded(opened.chunks)) {
      buffer += text;
      for (;;) {
        if (phase !== 'item') {
          const found = findTag(buffer, scan, ITEM_OPEN, final);
          if ('more' in found) {
            if (phase === 'between') {
              buffer = buffer.slice(found.more);
              scan = 0;
            } else {
              scan = found.more;
              if (buffer.length > limits.maxLineChars) {
                yield { ok: false, problem: { origin: path, line: null, field: null, reason: `no feed item in the first ${limits.maxLineChars} characters` } };
                return;
              }
            }
            break;
          }
          if (phase === 'head') {
            const rss = buffer[found.at + 1] === 'i';
            wrap = rss ? { open: '<rss><channel>', close: '</channel></rss>' } : { open: '<feed>', close: '</feed>' };
            const head = parseFeed(buffer.slice(0, found.at) + wrap.close);
            if (!head.ok) {
              yield { ok: false, problem: { origin: path, line: head.line, field: null, reason: head.reason } };
              return;
            }
            source = head.title;
          }
          number++;
          if (number > limits.maxFeedItems) {
            yield { ok: false, problem: { origin: path, line: null, field: null, reason: `more than ${limits.maxFeedItems} items; only the first ${limits.maxFeedItems} are read` } };
            return;
          }
          buffer = buffer.slice(found.at);
          scan = 1;
          phase = 'item';
        }
        const openEnd = buffer.indexOf('>');
        const selfClosing = openEnd > 0 && buffer[openEnd - 1] === '/';
        const found: Found = openEnd === -1 ? { more: 1 } : selfClosing ? { at: openEnd - 1 } : findTag(buffer, scan, ITEM_CLOSE, final);
        if ('more' in found) {
          scan = found.more;
          if (buffer.length > limits.maxLineChars) {
            yield { ok: false, problem: { origin: item(), line: null, field: null, reason: `item longer than ${limits.maxLineChars} characters; the rest of the feed is not read` } };
            return;
          }
          break;
        }
        const end = buffer.indexOf('>', found.at) + 1;
        const parsed = parseFeed(wrap.open + buffer.slice(0, end) + wrap.close);
        buffer = buffer.slice(end);
        scan = 0;
        phase = 'between';
        if (!parsed.ok) yield { ok: false, problem: { origin: item(), line: null, field: null, reason: parsed.reason } };
        else if (parsed.items.length !== 1) yield { ok: false, problem: { origin: item(), line: null, field: null, reason: 'not one feed item' } };
        else yield feedItemResult(parsed.items[0]!, number, path, source, limits);
      }
      if (final) break;
    }
  } catch (error) {
    const invalid = error instanceof TypeError && /encoded data|invalid/i.test(error.message);
    yield { ok: false, problem: { origin: path, line: null, field: null, reason: invalid ? 'not text: invalid UTF-8' : `cannot read: ${(error as Error).message}` } };
    return;
  }
  // No item at all: what was read (under the per-record limit) is the whole document, read as readFeed reads it.
  if (phase === 'head') yield* readFeed(buffer, path, limits);
  if (phase === 'item') yield { ok: false, problem: { origin: item(), line: null, field: null, reason: 'not well-formed XML: the feed ends inside an item' } };
}
