import type { IngestLimits } from './limits.ts';
import { jsonlRecord, tooLongLine } from './read-jsonl.ts';
import { splitLines } from './split-lines.ts';
import type { IngestResult } from './types.ts';

/** A UTF-16 code unit comes from at most 3 UTF-8 bytes: a line of more bytes than this is certainly too long. */
const BYTES_PER_CHAR = 3;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

type Start =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'text'; chunks: AsyncIterable<Buffer> };

/**
 * Looks at the first chunk to learn the encoding, as decodeText does for a whole file: a UTF-8 BOM is dropped,
 * UTF-16 with a BOM is re-encoded as UTF-8 chunk by chunk, and NUL bytes at the start mark a binary file.
 */
async function start(chunks: AsyncIterable<Buffer>): Promise<Start> {
  const iterator = chunks[Symbol.asyncIterator]();
  let first: Buffer | undefined;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    if (next.value.length > 0) {
      first = next.value;
      break;
    }
  }
  if (!first) return { kind: 'empty' };
  const utf16 = first.length >= 2 && ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff));
  if (!utf16 && first.includes(0)) {
    await iterator.return?.();
    return { kind: 'binary' };
  }
  const bom = first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf;
  const head = first;
  async function* rest(): AsyncGenerator<Buffer> {
    if (!utf16) {
      yield bom ? head.subarray(3) : head;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    }
    const decoder = new TextDecoder(head[0] === 0xff ? 'utf-16le' : 'utf-16be');
    yield Buffer.from(decoder.decode(head.subarray(2), { stream: true }), 'utf8');
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      yield Buffer.from(decoder.decode(next.value, { stream: true }), 'utf8');
    }
    yield Buffer.from(decoder.decode(), 'utf8');
  }
  return { kind: 'text', chunks: rest() };
}

/**
 * A JSONL file read line by line as it streams in: one line (at most `maxLineChars`) is held at a time, so
 * a file of any size is read in constant memory. Each line gives the same result as readJsonl gives for the
 * whole file; a line that is not UTF-8 text is reported by its number and the others are still read.
 */
export async function* readJsonlStream(chunks: AsyncIterable<Buffer>, path: string, limits: IngestLimits): AsyncGenerator<IngestResult> {
  let line = 0;
  try {
    const opened = await start(chunks);
    if (opened.kind === 'empty') {
      yield { ok: false, problem: { origin: path, line: null, field: null, reason: 'empty file' } };
      return;
    }
    if (opened.kind === 'binary') {
      yield { ok: false, problem: { origin: path, line: null, field: null, reason: 'not text: the file contains NUL bytes (binary, or UTF-16 without a byte-order mark)' } };
      return;
    }
    const maxBytes = limits.maxLineChars * BYTES_PER_CHAR;
    for await (const raw of splitLines(opened.chunks, maxBytes)) {
      line = raw.line;
      if (raw.bytes === null) {
        yield tooLongLine(path, line, limits);
        continue;
      }
      if (raw.bytes.includes(0)) {
        yield { ok: false, problem: { origin: path, line, field: null, reason: 'not text: the line contains NUL bytes' } };
        continue;
      }
      let text: string;
      try {
        text = fatalUtf8.decode(raw.bytes);
      } catch {
        yield { ok: false, problem: { origin: path, line, field: null, reason: 'not text: invalid UTF-8' } };
        continue;
      }
      const result = jsonlRecord(text, path, line, limits);
      if (result) yield result;
    }
  } catch (error) {
    // A read or decompression error ends the file; the lines before it stand.
    yield { ok: false, problem: { origin: path, line: line > 0 ? line + 1 : null, field: null, reason: `cannot read: ${(error as Error).message}` } };
  }
}
