/** Bytes to text, or the reason they are not text. UTF-8 (with or without BOM) and UTF-16 with a BOM are read. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  // A NUL byte never occurs in UTF-8 text: the file is binary (or UTF-16 without a BOM, which we do not guess).
  if (bytes.includes(0)) return { ok: false, reason: 'not text: the file contains NUL bytes (binary, or UTF-16 without a byte-order mark)' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { ok: false, reason: 'not text: invalid UTF-8' };
  }
}
