/**
 * A bounded memo for answers that are asked again and again within a run (gazetteer look-ups, the place names of a
 * run of words). It keeps two generations of plain Maps: answers go into the young one, and when that is full it
 * becomes the old one and the previous old one is dropped; an answer found in the old generation is moved back into
 * the young one. So what is asked often stays, as in an LRU cache, at the cost of a Map look-up or two: an LRU cache's
 * bookkeeping on every read and write cost more than the look-ups it saved on text not seen before.
 * At most `max` answers are held (each generation holds half).
 */
export class BoundedMemo<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();
  private readonly generation: number;

  constructor(max: number) {
    this.generation = Math.max(1, Math.ceil(max / 2));
  }

  get(key: K): V | undefined {
    const young = this.young.get(key);
    if (young !== undefined) return young;
    const old = this.old.get(key);
    if (old !== undefined) {
      this.old.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.generation && !this.young.has(key)) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
