import type { IngestLimits } from './limits.ts';
import { jsonlRecord, tooLongLine } from './jsonl-record.ts';
import { splitLines } from './split-lines.ts';
import type { IngestResult } from './types.ts';
import { utf8Chunks } from './utf8-chunks.ts';

/** A UTF-16 code unit comes from at most 3 UTF-8 bytes: a line of more bytes than this is certainly too long. */
const BYTES_PER_CHAR = 3;

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A JSONL file read line by line as it streams in: one line (at most `maxLineChars`) is held at a time, so
 * a file of any size is read in constant memory. Each line gives what jsonlRecord makes of it, however the
 * chunks split it; a line that is not UTF-8 text is reported by its number and the others are still read.
 */
export async function* readJsonlStream(chunks: AsyncIterable<Buffer>, path: string, limits: IngestLimits): AsyncGenerator<IngestResult> {
  let line = 0;
  try {
    const opened = await utf8Chunks(chunks);
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
