/** A byte stream as UTF-8 chunks, its encoding told by the first chunk (read-jsonl-stream.ts, read-feed-stream.ts). */
export type Utf8Start =
  | { kind: 'empty' }
  | { kind: 'binary' }
  | { kind: 'text'; chunks: AsyncIterable<Buffer> };

/**
 * Looks at the first chunk to learn the encoding, as decodeText does for a whole file: a UTF-8 BOM is dropped,
 * UTF-16 with a BOM is re-encoded as UTF-8 chunk by chunk, and NUL bytes at the start mark a binary file.
 */
export async function utf8Chunks(chunks: AsyncIterable<Buffer>): Promise<Utf8Start> {
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

