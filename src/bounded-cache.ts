/**
 * A memo for pure answers that repeat across articles (folded place names, gazetteer look-ups, chrono's
 * parses): it keeps at most `limit` entries and starts afresh when full, so memory stays bounded however
 * long a run is, at the cost of recomputing what was dropped.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): V {
    if (this.entries.size >= this.limit && !this.entries.has(key)) this.entries.clear();
    this.entries.set(key, value);
    return value;
  }

  /** The remembered answer for `key`, computing and remembering it when there is none. */
  through(key: K, compute: (key: K) => V): V {
    const known = this.entries.get(key);
    return known !== undefined ? known : this.set(key, compute(key));
  }

  get size(): number {
    return this.entries.size;
  }
}
