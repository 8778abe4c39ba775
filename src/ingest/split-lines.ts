/** One line of a byte stream: its number (from 1) and its bytes without the "\n", or null when longer than the cap. */
export interface RawLine {
  line: number;
  bytes: Buffer | null;
}

/**
 * Splits a stream of byte chunks at "\n" into lines, holding at most `maxBytes` of one line: the rest of a
 * longer line is skipped as it streams past, so memory is bounded by the cap whatever the input. The last
 * line is given even without a final "\n". Line numbers count every line, blank ones too.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  let pending = false;
  for await (const piece of chunks) {
    const chunk = Buffer.isBuffer(piece) ? piece : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    let start = 0;
    while (start < chunk.length) {
      const newline = chunk.indexOf(10, start);
      const end = newline === -1 ? chunk.length : newline;
      pending = true;
      if (!tooLong) {
        if (size + end - start > maxBytes) {
          tooLong = true;
          parts = [];
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (newline === -1) break;
      line++;
      yield { line, bytes: tooLong ? null : Buffer.concat(parts, size) };
      parts = [];
      size = 0;
      tooLong = false;
      pending = false;
      start = newline + 1;
    }
  }
  if (pending) yield { line: line + 1, bytes: tooLong ? null : Buffer.concat(parts, size) };
}
