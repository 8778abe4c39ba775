import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** A name ending in ".gz" is gzip: read through zlib, and known by the extension before it ("a.jsonl.gz" is JSONL). */
export function isGzip(file: string): boolean {
  return /\.gz$/i.test(file);
}

/** The name a file is read as: without its ".gz". */
export function innerName(file: string): string {
  return isGzip(file) ? file.slice(0, -3) : file;
}

/** The file's bytes in chunks, decompressed when it is gzip; nothing is held but the chunk in hand. */
export function inputChunks(file: string): AsyncIterable<Buffer> {
  const raw = createReadStream(file);
  if (!isGzip(file)) return raw;
  const gunzip = createGunzip();
  // A read error of the file ends the decompressed stream with that error rather than leaving it waiting.
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/**
 * The first `max` bytes of a file, decompressed when gzip, and whether there was more. A plain file's size is
 * known up front; a gzip file is decompressed only up to the limit, so a small file that inflates to gigabytes
 * (a "zip bomb") costs no more than the limit.
 */
export async function readBoundedInput(file: string, max: number): Promise<{ bytes: Uint8Array; tooBig: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  const stream = inputChunks(file) as NodeJS.ReadableStream & AsyncIterable<Buffer> & { destroy(): void };
  try {
    for await (const chunk of stream) {
      size += chunk.length;
      if (size > max) return { bytes: new Uint8Array(), tooBig: true };
      parts.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return { bytes: Buffer.concat(parts, size), tooBig: false };
}
