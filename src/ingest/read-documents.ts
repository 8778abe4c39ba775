import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { decodeText } from './decode-text.ts';
import { DEFAULT_LIMITS, type IngestLimits } from './limits.ts';
import { readJsonlStream } from './read-jsonl-stream.ts';
import { innerName, inputChunks, readBoundedInput } from './open-input.ts';
import { readPlainText } from './read-plain-text.ts';
import type { IngestResult } from './types.ts';

export type ReadOptions = Partial<IngestLimits>;

type Format = 'text' | 'markdown' | 'html' | 'jsonl' | 'feed';

const FORMATS: Record<string, Format> = {
  '.txt': 'text', '.text': 'text', '.md': 'markdown', '.markdown': 'markdown',
  '.html': 'html', '.htm': 'html', '.jsonl': 'jsonl', '.ndjson': 'jsonl',
  '.xml': 'feed', '.rss': 'feed', '.atom': 'feed',
};

/** Files a directory walk passes over without a word: hidden files and the project's own notes. */
const IGNORED = /^(?:\.|readme(?:\.|$)|license(?:\.|$))/i;

function specialFileKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a file';
}

async function* walk(path: string): AsyncGenerator<{ file: string } | { missing: string; reason: string }> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    yield { missing: path, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (error as Error).message };
    return;
  }
  if (!info.isDirectory()) {
    // Opening a named pipe waits for a writer, and a device may never end: only regular files are read.
    if (info.isFile()) yield { file: path };
    else yield { missing: path, reason: `not a regular file (${specialFileKind(info)})` };
    return;
  }
  const entries = (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (IGNORED.test(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) yield* walk(child);
    else if (entry.isFile()) yield { file: child };
  }
}

/**
 * Every document under `paths` (files or directories, read recursively in name order): text and Markdown,
 * HTML, JSONL (one document per line) and RSS/Atom feeds (one per item). One result per document, or per
 * problem, naming the file (and line) — a bad document never stops the others.
 * JSONL and feeds stream record by record (a file of any size; the limits apply per line or item); any file may
 * be gzip ("a.jsonl.gz"); a single document is read whole, under the per-file limit.
 */
export async function* readDocuments(paths: string[], options: ReadOptions = {}): AsyncGenerator<IngestResult> {
  const limits: IngestLimits = { ...DEFAULT_LIMITS, ...options };
  for (const path of paths) {
    for await (const found of walk(path)) {
      if ('missing' in found) {
        yield { ok: false, problem: { origin: found.missing, line: null, field: null, reason: found.reason } };
        continue;
      }
      const file = found.file;
      const format = FORMATS[extname(innerName(file)).toLowerCase()];
      if (!format) {
        yield { ok: false, problem: { origin: file, line: null, field: null, reason: `unsupported file type "${extname(file) || '(none)'}" (read: ${Object.keys(FORMATS).join(' ')}, each also as .gz)` } };
        continue;
      }
      if (format === 'jsonl') {
        yield* readJsonlStream(inputChunks(file), file, limits);
        continue;
      }
      if (format === 'feed') {
        // The feed and HTML readers load an XML parser and a DOM: only when a document needs them (see readContent).
        const { readFeedStream } = await import('./read-feed-stream.ts');
        yield* readFeedStream(inputChunks(file), file, limits);
        continue;
      }
      let read;
      try {
        read = await readBoundedInput(file, limits.maxFileBytes);
      } catch (error) {
        yield { ok: false, problem: { origin: file, line: null, field: null, reason: `cannot read: ${(error as Error).message}` } };
        continue;
      }
      if (read.tooBig) {
        yield { ok: false, problem: { origin: file, line: null, field: null, reason: `larger than ${limits.maxFileBytes} bytes` } };
        continue;
      }
      if (read.bytes.length === 0) {
        yield { ok: false, problem: { origin: file, line: null, field: null, reason: 'empty file' } };
        continue;
      }
      const decoded = decodeText(read.bytes);
      if (!decoded.ok) {
        yield { ok: false, problem: { origin: file, line: null, field: null, reason: decoded.reason } };
        continue;
      }
      yield withinLimit(await readContent(decoded.text, file, format), limits);
    }
  }
}

/**
 * One document read whole. The HTML reader (a DOM and Readability, about 100 ms to load) is imported when the first
 * HTML document comes, so that coding text files never loads it.
 */
async function readContent(content: string, file: string, format: Exclude<Format, 'jsonl' | 'feed'>): Promise<IngestResult> {
  if (format !== 'html') return readPlainText(content, file, format === 'markdown');
  const { readHtml } = await import('./read-html.ts');
  return readHtml(content, file);
}

function withinLimit(result: IngestResult, limits: IngestLimits): IngestResult {
  if (result.ok && result.article.text.length > limits.maxTextChars) {
    return { ok: false, problem: { origin: result.article.origin, line: null, field: 'text', reason: `text longer than ${limits.maxTextChars} characters` } };
  }
  return result;
}
