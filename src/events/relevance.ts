import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { Sentence, Token } from '../text/types.ts';
import type { TriggerMatch } from './types.ts';
import { bySentence } from './by-sentence.ts';

/**
 * Whether ACLED codes an event at all. ACLED records political violence, demonstrations and strategic
 * developments, not accidents, natural disasters, the business of crime, or statements about an event (claims,
 * denials, sanctions). The rule and its lexicon (data/lexicons/relevance.yaml) are explained in docs/relevance.md.
 */

const Phrases = z.array(z.string().min(1));
const ContextSchema = z.object({
  phrases: Phrases.min(1),
  unless: Phrases.default([]),
  /** Only these event codes are taken away by the context; all of them when absent. */
  codes: Phrases.optional(),
});
const RelevanceFileSchema = z.object({
  contexts: z.record(z.string(), ContextSchema),
  statement_heads: Phrases.min(1),
});

/** Lower-cased word sequences indexed by their first word, matched against a token's normal form or lemma. */
type PhraseIndex = Map<string, string[][]>;

interface Context {
  name: string;
  phrases: PhraseIndex;
  unless: PhraseIndex;
  codes: Set<string> | null;
}

export interface RelevanceLexicon {
  contexts: Context[];
  statementHeads: PhraseIndex;
  /** The first words of every context's phrases, to pass over the many reports that name none in one look per word. */
  contextWords: Set<string>;
}

/** Why an event gets no ACLED type, with the words that say so. */
export interface NotCoded {
  reason: string;
  start: number;
  end: number;
  text: string;
}

function indexPhrases(list: string[]): PhraseIndex {
  const index: PhraseIndex = new Map();
  for (const phrase of list) {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length > 0) index.set(words[0]!, [...(index.get(words[0]!) ?? []), words]);
  }
  return index;
}

const LEXICON_FILE = dataFile('lexicons/relevance.yaml');

/** Loads and validates the relevance lexicon; an error names the file and the field. */
export function loadRelevanceLexicon(file: URL = LEXICON_FILE): RelevanceLexicon {
  const data = readDataFile(file, RelevanceFileSchema);
  const contexts = Object.entries(data.contexts).map(([name, c]) => ({
    name, phrases: indexPhrases(c.phrases), unless: indexPhrases(c.unless), codes: c.codes ? new Set(c.codes) : null,
  }));
  return {
    contexts,
    statementHeads: indexPhrases(data.statement_heads),
    contextWords: new Set(contexts.flatMap((c) => [...c.phrases.keys()])),
  };
}

function wordAt(token: Token | undefined, word: string): boolean {
  return token?.normal === word;
}

const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/** A headline in title case ("Flood Death Toll Rises To 40 In Coastal Towns") capitalises words that are not names. */
function titleCase(tokens: Token[]): boolean {
  let words = 0;
  let capitalised = 0;
  for (const token of tokens) {
    if (!/^\p{L}/u.test(token.text) || token.text.length < 4) continue;
    words++;
    if (CAPITALISED.test(token.text)) capitalised++;
  }
  return words >= 4 && capitalised / words >= 0.8;
}

/**
 * The length of the longest phrase of `index` starting at token `at`. Phrases are matched on the word as written,
 * with its inflections listed in the lexicon: lemmas would read "stormed" as "storm". A capitalised word inside a
 * sentence is a name ("Storm Brigade", "a year since Cyclone Fani"), not the hazard.
 */
function phraseAt(tokens: Token[], at: number, index: PhraseIndex): number {
  const token = tokens[at]!;
  const candidates = index.get(token.normal);
  if (!candidates) return 0;
  if (at > 0 && CAPITALISED.test(token.text) && !titleCase(tokens)) return 0;
  let longest = 0;
  for (const words of candidates) {
    if (words.length <= longest) continue;
    let k = 0;
    while (k < words.length && wordAt(tokens[at + k], words[k]!)) k++;
    if (k === words.length) longest = words.length;
  }
  return longest;
}

/** The first phrase of `index` in the sentence, starting before token `before` when given. */
function firstIn(sentence: Sentence, index: PhraseIndex, before = sentence.tokens.length): { start: number; end: number } | null {
  const { tokens } = sentence;
  for (let i = 0; i < Math.min(before, tokens.length); i++) {
    const length = phraseAt(tokens, i, index);
    if (length > 0) return { start: tokens[i]!.start, end: tokens[i + length - 1]!.end };
  }
  return null;
}

/**
 * The non-political context an event is reported in (a flood, an accident, a drug seizure), looked for in the
 * sentences that report it; none when a word of political violence or protest in those sentences keeps it ACLED's.
 */
export function nonPoliticalContext(sentences: Sentence[], codeName: string, lexicon: RelevanceLexicon): NotCoded | null {
  // Where a context's phrase may start, in the text's order: one look-up a token, and most reports name none.
  const starts: { sentence: Sentence; at: number }[] = [];
  for (const sentence of sentences) {
    const { tokens } = sentence;
    for (let at = 0; at < tokens.length; at++) if (lexicon.contextWords.has(tokens[at]!.normal)) starts.push({ sentence, at });
  }
  if (starts.length === 0) return null;
  for (const context of lexicon.contexts) {
    if (context.codes && !context.codes.has(codeName)) continue;
    let found: { start: number; end: number; sentence: Sentence } | null = null;
    for (const { sentence, at } of starts) {
      const length = phraseAt(sentence.tokens, at, context.phrases);
      if (length > 0) {
        found = { start: sentence.tokens[at]!.start, end: sentence.tokens[at + length - 1]!.end, sentence };
        break;
      }
    }
    if (!found) continue;
    if (sentences.some((sentence) => firstIn(sentence, context.unless) !== null)) continue;
    const text = found.sentence.text.slice(found.start - found.sentence.start, found.end - found.sentence.start);
    return { reason: context.name, start: found.start, end: found.end, text };
  }
  return null;
}

/** An article's predicates (not modifiers) by sentence, kept by its list of predicates: every event of it asks. */
const PREDICATES = new WeakMap<readonly TriggerMatch[], Map<number, TriggerMatch[]>>();
function predicatesBySentence(triggers: readonly TriggerMatch[]): Map<number, TriggerMatch[]> {
  let predicates = PREDICATES.get(triggers);
  if (!predicates) PREDICATES.set(triggers, (predicates = bySentence(triggers.filter((t) => t.code.role !== 'modifier'))));
  return predicates;
}

/**
 * A report that is a statement about an event: every event word in its sentences follows a statement head
 * ("claimed responsibility for the bombing", "imposed sanctions over the missile launches"). The head is returned.
 */
export function statementOnly(sentences: Sentence[], triggers: readonly TriggerMatch[], lexicon: RelevanceLexicon): NotCoded | null {
  let head: NotCoded | null = null;
  const predicates = predicatesBySentence(triggers);
  for (const sentence of sentences) {
    const all = predicates.get(sentence.index);
    if (!all) continue;
    // "Imposed", "threatened": the catch-all "Other" words are the statement's own verbs, not an event it reports.
    const reported = all.filter((t) => t.code.name !== 'other_development' && t.code.event_type !== null);
    const own = reported.length > 0 ? reported : all;
    const first = own.reduce((a, b) => (b.firstToken < a.firstToken ? b : a));
    // A head may be the event word itself: "threatened" reports a threat, not an event.
    const found = firstIn(sentence, lexicon.statementHeads, first.firstToken + 1);
    if (!found) return null;
    head ??= { reason: 'statement', ...found, text: sentence.text.slice(found.start - sentence.start, found.end - sentence.start) };
  }
  return head;
}
