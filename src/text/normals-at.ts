import type { Token } from './types.ts';

/** Whether the tokens from `at` on have these normal forms, in this order (a lexicon phrase written there). */
export function normalsAt(tokens: Token[], at: number, words: string[]): boolean {
  for (let k = 0; k < words.length; k++) if (tokens[at + k]?.normal !== words[k]) return false;
  return true;
}
