import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { Sentence } from '../text/types.ts';

/** data/lexicons/plover-contexts.yaml: PLOVER context name → words that place an event in it. */
const ContextsFileSchema = z.object({
  contexts: z.record(z.string().regex(/^[a-z_]+$/, 'a PLOVER context name (lower case, underscores)'), z.array(z.string().min(1)).min(1)),
});

/** What a word of the text signals: the contexts of the entry it is, and the two-word entries it opens by their second word. */
export interface ContextWord {
  contexts: string[];
  pairs: Map<string, string[]> | null;
}

/** The context word lists by word, so that each token of a sentence is looked up once (a pair without building its string). */
export interface ContextLexicon {
  words: Map<string, ContextWord>;
}

const DEFAULT_FILE = dataFile('lexicons/plover-contexts.yaml');

function entryOf(lexicon: ContextLexicon, word: string): ContextWord {
  let entry = lexicon.words.get(word);
  if (!entry) lexicon.words.set(word, (entry = { contexts: [], pairs: null }));
  return entry;
}

/** Loads and validates the context word lists; an error names the file and the field. */
export function loadContextLexicon(file: URL = DEFAULT_FILE): ContextLexicon {
  const data = readDataFile(file, ContextsFileSchema);
  const lexicon: ContextLexicon = { words: new Map() };
  for (const [context, words] of Object.entries(data.contexts)) {
    for (const word of words) {
      const key = word.toLowerCase();
      entryOf(lexicon, key).contexts.push(context);
      // A two-word entry is found from its first word, split at the first space.
      const space = key.indexOf(' ');
      if (space <= 0) continue;
      const first = entryOf(lexicon, key.slice(0, space));
      first.pairs ??= new Map();
      const second = key.slice(space + 1);
      first.pairs.set(second, [...(first.pairs.get(second) ?? []), context]);
    }
  }
  return lexicon;
}

/**
 * The PLOVER contexts of an event, from the words of the sentences it is coded from. The manual reads
 * context at paragraph or document level; sitrep keeps it to the event's own sentences so that an
 * article's one economic paragraph does not colour its battles.
 */
export function contextsOf(sentences: readonly Sentence[], lexicon: ContextLexicon): string[] {
  const found = new Set<string>();
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      // Forms are listed in the data file (plurals, participles): no lemma look-up per token.
      const entry = lexicon.words.get(tokens[i]!.normal);
      if (!entry) continue;
      for (const context of entry.contexts) found.add(context);
      const next = tokens[i + 1];
      const paired = next && entry.pairs?.get(next.normal);
      if (paired) for (const context of paired) found.add(context);
    }
  }
  return [...found].sort();
}
