import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';

const Words = z.array(z.string().min(1));

const CasualtyFileSchema = z.object({
  vague: z.record(z.string(), z.number().int().nonnegative()),
  numbers: z.record(z.string(), z.number().int().nonnegative()),
  outcomes: z.object({ killed: Words, injured: Words, casualties: Words }),
  persons: Words,
  singular_verbs: Words,
  singular_pronouns: Words,
  not_people: Words,
  needs_person: Words,
  agent_verbs: Words,
  toll_qualifiers: Words,
  toll_followers: Words,
  toll_verbs: Words,
  subset_before: Words,
  subset_after: Words,
  joiners: Words,
  age_words: Words,
  attacker_deaths: Words,
  attackers_deaths: Words,
  contrasts: Words,
  report_verbs: Words,
  reflexives: Words,
  attackers: Words,
  person_determiners: Words,
});

export type Outcome = 'killed' | 'injured' | 'casualties';

/** Phrases (as lower-cased words) by their first word, so that a token is checked only against its own. */
export type PhraseIndex = Map<string, string[][]>;

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
  /** "both", "twin": numbers only before a person noun or a verb. */
  needsPerson: Set<string>;
  /** Outcome words that are also active verbs, whose subject is the killer. */
  agentVerbs: Set<string>;
  tollQualifiers: Set<string>;
  tollFollowers: Set<string>;
  tollVerbs: Set<string>;
  /** Phrases (as lower-cased words) before a count that restates part of an earlier figure. */
  subsetBefore: PhraseIndex;
  /** Phrases after a count that make it part of an earlier figure ("17 of them"). */
  subsetAfter: PhraseIndex;
  /** Phrases before a count that adds to the victims named before it ("along with four bodyguards"). */
  joiners: PhraseIndex;
  ageWords: Set<string>;
  /** Phrases that say the attacker died ("blew himself up"). */
  attackerDeaths: PhraseIndex;
  /** Phrases that say several attackers died ("blew themselves up"). */
  attackersDeaths: PhraseIndex;
  /** Words joining the halves of a sentence that may quote two claimants ("while", "but"). */
  contrasts: Set<string>;
  reportVerbs: Set<string>;
  reflexives: Set<string>;
  attackers: Set<string>;
  personDeterminers: Set<string>;
}

const DEFAULT_FILE = dataFile('lexicons/casualties.yaml');

export function loadCasualtyLexicon(file: URL = DEFAULT_FILE): CasualtyLexicon {
  const data = readDataFile(file, CasualtyFileSchema);
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
  const phrases = (list: string[]): PhraseIndex => {
    const index: PhraseIndex = new Map();
    for (const phrase of list) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      if (words[0]) index.set(words[0], [...(index.get(words[0]) ?? []), words]);
    }
    return index;
  };
  return {
    quantities,
    numberWords,
    outcomes,
    persons: lower(data.persons),
    singularVerbs: lower(data.singular_verbs),
    singularPronouns: lower(data.singular_pronouns),
    notPeople: lower(data.not_people),
    needsPerson: lower(data.needs_person),
    agentVerbs: lower(data.agent_verbs),
    tollQualifiers: lower(data.toll_qualifiers),
    tollFollowers: lower(data.toll_followers),
    tollVerbs: lower(data.toll_verbs),
    subsetBefore: phrases(data.subset_before),
    subsetAfter: phrases(data.subset_after),
    joiners: phrases(data.joiners),
    ageWords: lower(data.age_words),
    attackerDeaths: phrases(data.attacker_deaths),
    attackersDeaths: phrases(data.attackers_deaths),
    contrasts: lower(data.contrasts),
    reportVerbs: lower(data.report_verbs),
    reflexives: lower(data.reflexives),
    attackers: lower(data.attackers),
    personDeterminers: lower(data.person_determiners),
  };
}
