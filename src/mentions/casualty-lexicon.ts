import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const Words = z.array(z.string().min(1));

const CasualtyFileSchema = z.object({
  vague: z.record(z.string(), z.number().int().nonnegative()),
  numbers: z.record(z.string(), z.number().int().nonnegative()),
  outcomes: z.object({ killed: Words, injured: Words, casualties: Words }),
  persons: Words,
  singular_verbs: Words,
  singular_pronouns: Words,
  not_people: Words,
});

export type Outcome = 'killed' | 'injured' | 'casualties';

/** A quantity phrase of the lexicon ("a number of", "tens"), as lower-cased words. */
export interface QuantityPhrase {
  words: string[];
  value: number;
  vague: boolean;
}

export interface CasualtyLexicon {
  /** Quantity phrases by first word, longest first. */
  quantities: Map<string, QuantityPhrase[]>;
  /** Written numbers of one word ("five", "twenty", "hundred") and their values. */
  numberWords: Map<string, number>;
  outcomes: Map<string, Outcome>;
  persons: Set<string>;
  singularVerbs: Set<string>;
  singularPronouns: Set<string>;
  notPeople: Set<string>;
}

const DEFAULT_FILE = new URL('../../data/lexicons/casualties.yaml', import.meta.url);

export function loadCasualtyLexicon(file: URL = DEFAULT_FILE): CasualtyLexicon {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file.pathname}: ${(error as Error).message}`);
  }
  const parsed = CasualtyFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file.pathname}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  const data = parsed.data;
  const quantities = new Map<string, QuantityPhrase[]>();
  const add = (phrase: string, value: number, vague: boolean): void => {
    const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    const first = words[0];
    if (!first) return;
    quantities.set(first, [...(quantities.get(first) ?? []), { words, value, vague }]);
  };
  for (const [phrase, value] of Object.entries(data.vague)) add(phrase, value, true);
  for (const [phrase, value] of Object.entries(data.numbers)) add(phrase, value, false);
  for (const list of quantities.values()) list.sort((a, b) => b.words.length - a.words.length);
  const numberWords = new Map<string, number>();
  for (const list of quantities.values()) {
    for (const phrase of list) if (phrase.words.length === 1 && !phrase.vague && !numberWords.has(phrase.words[0]!)) numberWords.set(phrase.words[0]!, phrase.value);
  }

  const outcomes = new Map<string, Outcome>();
  for (const outcome of ['killed', 'injured', 'casualties'] as const) {
    for (const word of data.outcomes[outcome]) outcomes.set(word.toLowerCase(), outcome);
  }
  const lower = (words: string[]): Set<string> => new Set(words.map((w) => w.toLowerCase()));
  return {
    quantities,
    numberWords,
    outcomes,
    persons: lower(data.persons),
    singularVerbs: lower(data.singular_verbs),
    singularPronouns: lower(data.singular_pronouns),
    notPeople: lower(data.not_people),
  };
}

let cached: CasualtyLexicon | null = null;

/** The shipped lexicon, loaded once per process. */
export function casualtyLexicon(): CasualtyLexicon {
  cached ??= loadCasualtyLexicon();
  return cached;
}
