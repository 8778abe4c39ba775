import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { ActorKind, InterCode } from './types.ts';

/**
 * The actor dictionary, compiled from four data files:
 *   data/actors/curated.yaml    named actors curated by us (time-bounded names, ACLED names)
 *   data/actors/petrarch.json   countries, armed groups, organisations and role words from PETRARCH2
 *   data/actors/generic.yaml    actors named by role ("Yemeni police") and loaded words ("terrorists")
 *   data/countries.yaml         ACLED country names and demonyms the generated tables miss
 * Look-ups are by word sequence: a map from a phrase's first word to its phrases, longest first.
 */

const INTER_OF_KIND: Record<ActorKind, InterCode> = {
  state: 1, rebel: 2, political_militia: 3, identity_militia: 4, rioters: 5, protesters: 6, civilians: 7, external: 8,
};
const KINDS = Object.keys(INTER_OF_KIND) as [ActorKind, ...ActorKind[]];
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const CuratedFile = z.object({
  actors: z.array(z.object({
    id: z.string().min(1),
    names: z.array(z.object({ name: z.string().min(1), from: Day.optional(), until: Day.optional() })).min(1),
    kind: z.enum(KINDS),
    country: z.string().nullable(),
    aliases: z.array(z.string().min(1)).min(1),
  })),
});

const RoleSchema = z.object({
  kind: z.enum(KINDS),
  inter: z.number().int().min(1).max(8),
  name: z.string().includes('{country}'),
  name_without_country: z.string().min(1),
  phrases: z.array(z.string().min(1)).min(1),
  /** Means of war that stand for a country's forces only when the country is named: "Turkish drones", "a Ukrainian ammunition depot". */
  with_country_only: z.array(z.string().min(1)).default([]),
});
const GenericFile = z.object({
  roles: z.record(z.string(), RoleSchema),
  loaded: z.array(z.string().min(1)),
  group_heads: z.record(z.string(), z.enum(KINDS)),
  affiliation_words: z.array(z.string().min(1)).default([]),
});

const PetrarchFile = z.object({
  countries: z.array(z.object({ code: z.string(), name: z.string(), aliases: z.array(z.string()) })),
  groups: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(KINDS), country: z.string().nullable(), aliases: z.array(z.string()) })),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(KINDS), country: z.null(), aliases: z.array(z.string()) })),
  roles: z.record(z.string(), z.array(z.string())),
});

const CountriesFile = z.object({
  countries: z.array(z.object({ geonames: z.string().min(1), name: z.string().optional(), aliases: z.array(z.string()).default([]) })),
});

/** A named actor; the name in force on the event date is chosen by `nameOn`. */
export interface ActorEntry {
  id: string;
  kind: ActorKind;
  inter: InterCode;
  country: string | null;
  names: { name: string; from: string | null; until: string | null }[];
}

/** An actor known by its role; the name is built with the country. */
export interface RoleEntry {
  role: string;
  kind: ActorKind;
  inter: InterCode;
  name: string;
  nameWithoutCountry: string;
}

export type PhraseTarget =
  | { type: 'named'; entry: ActorEntry }
  | { type: 'role'; role: RoleEntry; countryRequired?: boolean }
  | { type: 'loaded' };

export interface ActorPhrase {
  words: string[];
  /** Written in capitals in the dictionary ("IS", "AA"): matches only text written in capitals. */
  acronym: boolean;
  target: PhraseTarget;
  /** Curated phrases win over generated ones of the same length. */
  priority: number;
}

/**
 * The phrases that open with one word: those of one word, and the longer ones by their second word, so that
 * a common first word ("armed", "the", "international") is matched against the few phrases that can fit.
 * Each list is longest first, then by priority.
 */
export interface PhrasesFrom {
  single: ActorPhrase[];
  bySecond: Map<string, ActorPhrase[]>;
}

export interface ActorDictionary {
  phrases: Map<string, PhrasesFrom>;
  /** Country names and demonyms by first word, for "Syrian army", "police of Kenya". */
  countries: Map<string, { words: string[]; country: string; acronym: boolean }[]>;
  /** GeoNames country name → the name events use (ACLED's). */
  countryNames: Map<string, string>;
  roles: Map<string, RoleEntry>;
  /** Last words of armed groups' names ("front", "brigade") and the kind of group each makes. */
  groupHeads: Map<string, ActorKind>;
  /** Words that make an actor's name a description of the next actor: "Al-Qaeda-linked JNIM". */
  affiliationWords: Set<string>;
}

/**
 * Words of a phrase as the matcher sees them: lower case, apostrophes dropped, hyphenated words split.
 * The same function turns the text's tokens into words, so dictionary and text always meet.
 */
export function phraseWords(phrase: string): string[] {
  // The text's possessive "'s" is a token of its own that the matcher skips: "People's Front" meets "people front".
  return phrase.toLowerCase().replace(/['’]s\b/g, '').replace(/['’]/g, '').split(/[\s-]+/).filter(Boolean);
}

const ACRONYM = /^[A-Z][A-Z0-9.&]{1,5}$/;

export interface DictionaryFiles {
  curated: URL;
  generic: URL;
  petrarch: URL;
  countries: URL;
}

export const DEFAULT_FILES: DictionaryFiles = {
  curated: dataFile('actors/curated.yaml'),
  generic: dataFile('actors/generic.yaml'),
  petrarch: dataFile('actors/petrarch.json'),
  countries: dataFile('countries.yaml'),
};

export function loadActorDictionary(files: DictionaryFiles = DEFAULT_FILES): ActorDictionary {
  const curated = readDataFile(files.curated, CuratedFile);
  const generic = readDataFile(files.generic, GenericFile);
  const petrarch = readDataFile(files.petrarch, PetrarchFile);
  const extra = readDataFile(files.countries, CountriesFile);

  const countryNames = new Map<string, string>();
  for (const c of extra.countries) if (c.name) countryNames.set(c.geonames, c.name);
  const acledName = (name: string | null): string | null => (name ? countryNames.get(name) ?? name : null);

  const phrases = new Map<string, PhrasesFrom>();
  const add = (alias: string, target: PhraseTarget, priority: number): void => {
    const words = phraseWords(alias);
    const [first, second] = words;
    if (!first) return;
    let from = phrases.get(first);
    if (!from) phrases.set(first, (from = { single: [], bySecond: new Map() }));
    let list = from.single;
    if (second !== undefined) {
      list = from.bySecond.get(second) ?? [];
      from.bySecond.set(second, list);
    }
    list.push({ words, acronym: ACRONYM.test(alias.trim()), target, priority });
  };

  for (const a of curated.actors) {
    const entry: ActorEntry = {
      id: a.id, kind: a.kind, inter: INTER_OF_KIND[a.kind], country: acledName(a.country),
      names: a.names.map((n) => ({ name: n.name, from: n.from ?? null, until: n.until ?? null })),
    };
    for (const alias of a.aliases) add(alias, { type: 'named', entry }, 3);
  }
  for (const g of [...petrarch.groups, ...petrarch.orgs]) {
    const entry: ActorEntry = { id: g.id, kind: g.kind, inter: INTER_OF_KIND[g.kind], country: acledName(g.country), names: [{ name: g.name, from: null, until: null }] };
    for (const alias of g.aliases) add(alias, { type: 'named', entry }, 1);
  }
  const roles = new Map<string, RoleEntry>();
  for (const [role, r] of Object.entries(generic.roles)) {
    const entry: RoleEntry = { role, kind: r.kind, inter: r.inter as InterCode, name: r.name, nameWithoutCountry: r.name_without_country };
    roles.set(role, entry);
    for (const phrase of r.phrases) add(phrase, { type: 'role', role: entry }, 2);
    for (const phrase of r.with_country_only) add(phrase, { type: 'role', role: entry, countryRequired: true }, 2);
    for (const phrase of petrarch.roles[role] ?? []) add(phrase, { type: 'role', role: entry }, 0);
  }
  for (const phrase of [...generic.loaded, ...(petrarch.roles.loaded ?? [])]) add(phrase, { type: 'loaded' }, 2);
  const longestFirst = (a: ActorPhrase, b: ActorPhrase): number => b.words.length - a.words.length || b.priority - a.priority;
  for (const from of phrases.values()) {
    from.single.sort(longestFirst);
    for (const list of from.bySecond.values()) list.sort(longestFirst);
  }

  const countries = new Map<string, { words: string[]; country: string; acronym: boolean }[]>();
  const addCountry = (alias: string, country: string): void => {
    const words = phraseWords(alias);
    if (!words[0]) return;
    countries.set(words[0], [...(countries.get(words[0]) ?? []), { words, country, acronym: ACRONYM.test(alias.trim()) }]);
  };
  for (const c of petrarch.countries) for (const alias of c.aliases) addCountry(alias, acledName(c.name)!);
  for (const c of extra.countries) for (const alias of c.aliases) addCountry(alias, acledName(c.geonames)!);
  for (const list of countries.values()) list.sort((a, b) => b.words.length - a.words.length);

  const groupHeads = new Map(Object.entries(generic.group_heads));
  const affiliationWords = new Set(generic.affiliation_words.map((w) => w.toLowerCase()));
  return { phrases, countries, countryNames, roles, groupHeads, affiliationWords };
}

/** The name an actor had on `date` (YYYY-MM-DD); its latest name when the date is unknown. */
export function nameOn(entry: ActorEntry, date: string | null): string {
  if (date) {
    const current = entry.names.find((n) => (!n.from || n.from <= date) && (!n.until || date < n.until));
    if (current) return current.name;
  }
  return entry.names[entry.names.length - 1]!.name;
}

/** A role's ACLED-style name for a country: "Police Forces of Yemen", "Protesters (Nigeria)". */
export function interOfKind(kind: ActorKind): InterCode {
  return INTER_OF_KIND[kind];
}

export function roleName(role: RoleEntry, country: string | null): string {
  return country ? role.name.replace('{country}', country) : role.nameWithoutCountry;
}
