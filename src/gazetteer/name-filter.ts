/**
 * A Bloom filter over the gazetteer's name keys. Most words a place finder asks about are no place
 * ("On 9 May", "Popular Resistance"); the filter answers "certainly not a name" in memory, so only
 * the names that may exist cost an index look-up. About 1 MB for the world base's 800,000 keys,
 * with under 1% false positives (which only cost the look-up they would have cost anyway).
 */
export class NameFilter {
  private constructor(readonly bits: Uint8Array, readonly hashes: number) {}

  /** A filter sized for `count` keys at `bitsPerKey` bits each. */
  static empty(count: number, bitsPerKey = 10): NameFilter {
    const bytes = Math.max(8, Math.ceil((Math.max(1, count) * bitsPerKey) / 8));
    return new NameFilter(new Uint8Array(bytes), Math.max(1, Math.round(bitsPerKey * Math.LN2)));
  }

  static fromBytes(bits: Uint8Array, hashes: number): NameFilter {
    return new NameFilter(bits, hashes);
  }

  add(key: string): void {
    this.positions(key, (bit) => {
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
      return true;
    });
  }

  /** False: the key is certainly not in the filter. True: it may be. */
  mayHave(key: string): boolean {
    return this.positions(key, (bit) => (this.bits[bit >>> 3]! & (1 << (bit & 7))) !== 0);
  }

  /** Visits the key's bit positions (double hashing of two FNV-1a variants) while `visit` returns true. */
  private positions(key: string, visit: (bit: number) => boolean): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    const size = this.bits.length * 8;
    h2 |= 1;
    for (let k = 0; k < this.hashes; k++) {
      if (!visit(((h1 + Math.imul(k, h2)) >>> 0) % size)) return false;
    }
    return true;
  }
}
