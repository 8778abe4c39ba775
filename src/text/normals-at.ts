import type { Token } from './types.ts';

/** Whether the tokens from `at` on have these normal forms, in this order (a lexicon phrase written there). */
export function normalsAt(tokens: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k]?.normal !== words[k]) return false;
  return true;
}

/**
 * A list of phrases (each a list of normal forms) indexed by first word, so that a token is tested only against the
 * phrases that can start at it: `startingWith(normal)` gives them, in the list's order (normalsAt decides). An empty
 * phrase starts anywhere, so it is in every answer.
 */
export interface PhrasesByFirstWord {
  startingWith(normal: string | undefined): readonly string[][];
}

/** Kept by list, so that a lexicon loaded once is indexed once, without a field of its own in the lexicon's type. */
const INDEXES = new WeakMap<readonly string[][], PhrasesByFirstWord>();

export function byFirstWord(phrases: readonly string[][]): PhrasesByFirstWord {
  let index = INDEXES.get(phrases);
  if (!index) {
    const byFirst = new Map<string, readonly string[][]>();
    for (const words of phrases) {
      if (words.length > 0 && !byFirst.has(words[0]!)) byFirst.set(words[0]!, phrases.filter((w) => w.length === 0 || w[0] === words[0]));
    }
    const anywhere = phrases.filter((words) => words.length === 0);
    index = { startingWith: (normal) => (normal === undefined ? undefined : byFirst.get(normal)) ?? anywhere };
    INDEXES.set(phrases, index);
  }
  return index;
}
