import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Sentence } from '../text/types.ts';

/** data/lexicons/plover-contexts.yaml: PLOVER context name → words that place an event in it. */
const ContextsFileSchema = z.object({
  contexts: z.record(z.string().regex(/^[a-z_]+$/, 'a PLOVER context name (lower case, underscores)'), z.array(z.string().min(1)).min(1)),
});

/** Words (one or two) → the contexts they signal, in the file's order. */
export type ContextLexicon = Map<string, string[]>;

const DEFAULT_FILE = new URL('../../data/lexicons/plover-contexts.yaml', import.meta.url);

/** Loads and validates the context word lists; an error names the file and the field. */
export function loadContextLexicon(file: URL = DEFAULT_FILE): ContextLexicon {
  const parsed = ContextsFileSchema.safeParse(parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file.pathname}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
  }
  const lexicon: ContextLexicon = new Map();
  for (const [context, words] of Object.entries(parsed.data.contexts)) {
    for (const word of words) {
      const key = word.toLowerCase();
      lexicon.set(key, [...(lexicon.get(key) ?? []), context]);
    }
  }
  return lexicon;
}

let cached: ContextLexicon | null = null;

/** The shipped context lexicon, loaded once per process. */
export function contextLexicon(): ContextLexicon {
  cached ??= loadContextLexicon();
  return cached;
}

/**
 * The PLOVER contexts of an event, from the words of the sentences it is coded from. The manual reads
 * context at paragraph or document level; sitrep keeps it to the event's own sentences so that an
 * article's one economic paragraph does not colour its battles.
 */
export function contextsOf(sentences: readonly Sentence[], lexicon: ContextLexicon = contextLexicon()): string[] {
  const found = new Set<string>();
  const add = (key: string): void => {
    for (const context of lexicon.get(key) ?? []) found.add(context);
  };
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      add(token.normal);
      if (token.lemma !== token.normal) add(token.lemma);
      const next = tokens[i + 1];
      if (next) add(`${token.normal} ${next.normal}`);
    }
  }
  return [...found].sort();
}
