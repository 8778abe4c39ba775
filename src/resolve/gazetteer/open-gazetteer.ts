/**
 * CONTRACT (places helper): the compiled gazetteer index (world base + imported dumps + local YAML).
 * Opened once per process, answers look-ups without loading everything into the JS heap.
 */
export interface Gazetteer {
  /** Close the underlying index (tests, CLI exit). */
  close(): void;
}

let cached: Gazetteer | null = null;

export function openGazetteer(): Gazetteer {
  cached ??= { close: () => undefined };
  return cached;
}
