import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { Sentence } from '../text/types.ts';

/** data/lexicons/plover-contexts.yaml: PLOVER context name → words that place an event in it. */
const ContextsFileSchema = z.object({
  contexts: z.record(z.string().regex(/^[a-z_]+$/, 'a PLOVER context name (lower case, underscores)'), z.array(z.string().min(1)).min(1)),
});

/** Words (one or two) → the contexts they signal; `pairStarts` holds the first words of the two-word entries. */
export interface ContextLexicon {
  words: Map<string, string[]>;
  pairStarts: Set<string>;
}

const DEFAULT_FILE = dataFile('lexicons/plover-contexts.yaml');

/** Loads and validates the context word lists; an error names the file and the field. */
export function loadContextLexicon(file: URL = DEFAULT_FILE): ContextLexicon {
  const data = readDataFile(file, ContextsFileSchema);
  const lexicon: ContextLexicon = { words: new Map(), pairStarts: new Set() };
  for (const [context, words] of Object.entries(data.contexts)) {
    for (const word of words) {
      const key = word.toLowerCase();
      lexicon.words.set(key, [...(lexicon.words.get(key) ?? []), context]);
      const space = key.indexOf(' ');
      if (space > 0) lexicon.pairStarts.add(key.slice(0, space));
    }
  }
  return lexicon;
}

/**
 * The two-word entries by their first word, then their second (split at the first space, as `pairStarts` holds),
 * so that a pair is looked up without building its string.
 */
const PAIRS = new WeakMap<ReadonlyMap<string, string[]>, Map<string, Map<string, string[]>>>();
function pairsOf(words: ReadonlyMap<string, string[]>): Map<string, Map<string, string[]>> {
  let pairs = PAIRS.get(words);
  if (!pairs) {
    pairs = new Map();
    for (const [key, contexts] of words) {
      const space = key.indexOf(' ');
      if (space <= 0) continue;
      const first = key.slice(0, space);
      let seconds = pairs.get(first);
      if (!seconds) pairs.set(first, (seconds = new Map()));
      seconds.set(key.slice(space + 1), contexts);
    }
    PAIRS.set(words, pairs);
  }
  return pairs;
}

/**
 * The PLOVER contexts of an event, from the words of the sentences it is coded from. The manual reads
 * context at paragraph or document level; sitrep keeps it to the event's own sentences so that an
 * article's one economic paragraph does not colour its battles.
 */
export function contextsOf(sentences: readonly Sentence[], lexicon: ContextLexicon): string[] {
  const found = new Set<string>();
  const pairs = pairsOf(lexicon.words);
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      // Forms are listed in the data file (plurals, participles): no lemma look-up per token.
      const contexts = lexicon.words.get(token.normal);
      if (contexts) for (const context of contexts) found.add(context);
      // Two-word entries are looked up only after one of their first words, so no string is built per token.
      const next = tokens[i + 1];
      if (next && lexicon.pairStarts.has(token.normal)) {
        const paired = pairs.get(token.normal)?.get(next.normal);
        if (paired) for (const context of paired) found.add(context);
      }
    }
  }
  return [...found].sort();
}
