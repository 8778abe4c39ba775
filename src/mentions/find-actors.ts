import type { AnalysedText, Sentence } from '../text/types.ts';
import { interOfKind, nameOn, roleName, type ActorDictionary, type ActorPhrase } from './actor-dictionary.ts';
import type { ActorMention, ResolvedActor } from './types.ts';

export interface FindActorsOptions {
  /** The event/article date (YYYY-MM-DD) that picks time-bounded names; null = latest name. */
  date: string | null;
}

/** A word as the dictionary sees it, with the characters of the text it came from. */
interface Word {
  w: string;
  start: number;
  end: number;
  upper: boolean;
  /** Starts with a capital letter. */
  cap: boolean;
}

const SKIPPED = new Set(['-', "'s", '’s', "'", '’']);

/** What one pass over a token's characters says of it (see shapeOf). */
const SPLIT = 0;
const OTHER = 1;
const CAPITALS = 2;
const ASCII = 3;

/**
 * SPLIT when the token has a hyphen or an apostrophe (it is split or trimmed), OTHER when it has a character beyond
 * ASCII (its case is asked of toUpperCase), else CAPITALS when it has capitals and no small letters, else ASCII.
 */
function shapeOf(text: string): number {
  let small = false;
  let capital = false;
  let ascii = true;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 45 || c === 39 || c === 0x2019) return SPLIT;
    if (c >= 97 && c <= 122) small = true;
    else if (c >= 65 && c <= 90) capital = true;
    else if (c > 127) ascii = false;
  }
  if (!ascii) return OTHER;
  return capital && !small ? CAPITALS : ASCII;
}

/** The sentence's tokens as dictionary words: hyphenated tokens split, possessives and apostrophes dropped. */
function wordsOf(sentence: Sentence): Word[] {
  const words: Word[] = [];
  for (const token of sentence.tokens) {
    // Every skipped token opens with a hyphen or an apostrophe: other tokens are not looked up.
    const c0 = token.normal.charCodeAt(0);
    if ((c0 === 45 || c0 === 39 || c0 === 0x2019) && SKIPPED.has(token.normal)) continue;
    const text = token.text;
    const shape = shapeOf(text);
    // Most tokens are one plain word: no hyphen to split at, no apostrophe to drop.
    if (shape !== SPLIT) {
      const lower = text.toLowerCase();
      const code = text.charCodeAt(0);
      if (code >= 97 && code <= 122) {
        // Most words open with a lower-case ASCII letter: neither capitalised nor in capitals.
        words.push({ w: lower, start: token.start, end: token.end, upper: false, cap: false });
        continue;
      }
      if (shape !== OTHER) {
        // In ASCII, a word is in capitals when it has capitals and no small letters, and capitalised when it opens with one.
        words.push({ w: lower, start: token.start, end: token.end, upper: shape === CAPITALS, cap: code >= 65 && code <= 90 });
        continue;
      }
      const first = text[0]!;
      // A word that opens with a lower-case letter is not in capitals: no need to upper-case it to know.
      const upper = first === first.toUpperCase() && text === text.toUpperCase() && text !== lower;
      words.push({ w: lower, start: token.start, end: token.end, upper, cap: first !== first.toLowerCase() });
      continue;
    }
    let offset = 0;
    for (const part of token.text.split('-')) {
      const start = token.start + token.text.indexOf(part, offset);
      offset = start - token.start + part.length;
      const w = part.toLowerCase().replace(/['’]/g, '');
      if (!w) continue;
      words.push({ w, start, end: start + part.length, upper: /[A-Z]/.test(part) && part === part.toUpperCase(), cap: /^\p{Lu}/u.test(part) });
    }
  }
  return words;
}

function matches(words: Word[], at: number, phrase: { words: string[]; acronym: boolean }): boolean {
  for (let k = 0; k < phrase.words.length; k++) {
    const word = words[at + k];
    if (word === undefined || word.w !== phrase.words[k] || (phrase.acronym && !word.upper)) return false;
  }
  return true;
}

/** A country name or demonym that ends right before `end` ("Syrian army") — its first word and country. */
function countryBefore(words: Word[], end: number, dictionary: ActorDictionary): { first: number; country: string } | null {
  for (let length = 3; length >= 1; length--) {
    const at = end - length;
    if (at < 0) continue;
    const found = dictionary.countries.get(words[at]!.w)?.find((c) => c.words.length === length && matches(words, at, c));
    if (found) return { first: at, country: found.country };
  }
  return null;
}

/** "forces of Mozambique": a country right after "of". */
function countryAfter(words: Word[], next: number, dictionary: ActorDictionary): { last: number; country: string } | null {
  if (words[next]?.w !== 'of') return null;
  const at = next + 1;
  const found = dictionary.countries.get(words[at]?.w ?? '')?.find((c) => matches(words, at, c));
  return found ? { last: at + found.words.length - 1, country: found.country } : null;
}

function longestAt(words: Word[], at: number, dictionary: ActorDictionary): ActorPhrase | null {
  const from = dictionary.phrases.get(words[at]!.w);
  if (!from) return null;
  const next = words[at + 1];
  const longer = next ? from.bySecond.get(next.w) : undefined;
  if (longer) for (const phrase of longer) if (matches(words, at, phrase)) return phrase;
  for (const phrase of from.single) if (matches(words, at, phrase)) return phrase;
  return null;
}

const NAME_JOINERS = new Set(['al', 'el', 'ad', 'ash', 'as', 'of', 'the', 'bin', 'ibn', 'abu']);
const ARABIC_ARTICLES = new Set(['al', 'el', 'ad', 'ash', 'as']);

/**
 * An armed group the dictionary does not know, by the word that ends its name: "al-Torab Front",
 * "Hamza Division". At least one capitalised word must come before that word, and the group is named
 * as the text names it.
 */
function unlistedGroupAt(words: Word[], at: number, dictionary: ActorDictionary): { first: number; actor: ResolvedActor } | null {
  const head = words[at]!;
  const kind = head.cap ? dictionary.groupHeads.get(head.w) : undefined;
  if (!kind) return null;
  let first = at;
  while (first > 0 && (words[first - 1]!.cap || (NAME_JOINERS.has(words[first - 1]!.w) && words[first - 2]?.cap))) first--;
  while (first < at && !words[first]!.cap) first++;
  // "The Tigray People's Liberation Front": the article opens the name but is no part of it.
  while (first < at && words[first]!.w === 'the') first++;
  if (first === at) return null;
  if (first > 0 && ARABIC_ARTICLES.has(words[first - 1]!.w) && words[first - 1]!.end + 1 === words[first]!.start) first--; // "al-Torab Front"
  const name = words.slice(first, at + 1).map((w) => w.w).join(' ');
  return { first, actor: { id: `unlisted:${name}`, name: '', kind, inter: interOfKind(kind), country: null } };
}

/** Where a group's name starts when capitalised words run into a loaded phrase that is capitalised too; null if none do. */
function namedLoadedPhrase(words: Word[], at: number, length: number, taken: Uint8Array): number | null {
  // Only a name's head of two words or more ("Liberation Army", "Revolutionary Front"), not "Rebels" after a date.
  if (length < 2 || !words[at]!.cap || at === 0) return null;
  let first = at;
  while (first > 0 && !taken[first - 1] && words[first - 1]!.cap && words[first - 1]!.end + 1 === words[first]!.start) first--;
  while (first < at && words[first]!.w === 'the') first++;
  return first < at ? first : null;
}

const LOADED: ResolvedActor = { id: 'loaded', name: '', kind: 'political_militia', inter: 3, country: null };

/**
 * Named actors, actors named by role and loaded words, with offsets, in text order. The longest phrase
 * wins and mentions never overlap. A role takes the country named with it ("Syrian army", "police of
 * Kenya"); without one its country is left for resolveActors to settle from the article.
 */
export function findActors(doc: AnalysedText, dictionary: ActorDictionary, options: FindActorsOptions): ActorMention[] {
  const found: ActorMention[] = [];
  for (const sentence of doc.sentences) {
    const words = wordsOf(sentence);
    // Words already part of a mention.
    const taken = new Uint8Array(words.length);
    for (let i = 0; i < words.length;) {
      const phrase = longestAt(words, i, dictionary);
      if (!phrase) {
        i++;
        continue;
      }
      let first = i;
      let last = i + phrase.words.length - 1;
      let actor: ResolvedActor;
      let generic = false;
      let loaded = false;
      const target = phrase.target;
      if (target.type === 'named') {
        const { entry } = target;
        actor = { id: entry.id, name: nameOn(entry, options.date), kind: entry.kind, inter: entry.inter, country: entry.country };
      } else if (target.type === 'role') {
        const before = countryBefore(words, i, dictionary);
        const after = before ? null : countryAfter(words, last + 1, dictionary);
        const country = before?.country ?? after?.country ?? null;
        // "drones struck": no actor; "Turkish drones struck": Turkey's forces.
        if (target.countryRequired && country === null) {
          i++;
          continue;
        }
        if (before) first = before.first;
        if (after) last = after.last;
        const { role } = target;
        actor = { id: `${role.role}:${country ?? ''}`, name: roleName(role, country), kind: role.kind, inter: role.inter, country };
        generic = true;
      } else {
        const named = namedLoadedPhrase(words, i, phrase.words.length, taken);
        if (named !== null) {
          // "Oromo Liberation Army": a loaded phrase in capitals after a capitalised word is the end of a group's name.
          first = named;
          const text = doc.text.slice(words[first]!.start, words[last]!.end);
          actor = { id: `unlisted:${text.toLowerCase()}`, name: text, kind: 'rebel', inter: interOfKind('rebel'), country: null };
        } else {
          actor = LOADED;
          generic = true;
          loaded = true;
        }
      }
      const start = words[first]!.start;
      const end = words[last]!.end;
      found.push({ kind: 'actor', sentence: sentence.index, start, end, text: doc.text.slice(start, end), actor, generic, loaded });
      taken.fill(1, first, last + 1);
      i = last + 1;
    }
    for (let at = 0; at < words.length; at++) {
      if (!words[at]!.cap) continue; // an unlisted group's name ends in a capitalised word
      if (taken[at]) continue;
      const group = unlistedGroupAt(words, at, dictionary);
      if (!group || taken.subarray(group.first, at + 1).includes(1)) continue;
      const start = words[group.first]!.start;
      const end = words[at]!.end;
      const text = doc.text.slice(start, end);
      found.push({ kind: 'actor', sentence: sentence.index, start, end, text, actor: { ...group.actor, name: text }, generic: false, loaded: false });
      taken.fill(1, group.first, at + 1);
    }
  }
  return withoutAffiliations(found.sort((a, b) => a.start - b.start), doc.text, dictionary.affiliationWords);
}

/**
 * Drops an actor named only to describe the next one: "Al-Qaeda-linked JNIM", "an al-Qaeda affiliate, JNIM".
 * The words between the two must all be affiliation words, hyphens or commas, with at least one real link word.
 */
function withoutAffiliations(mentions: ActorMention[], text: string, affiliationWords: Set<string>): ActorMention[] {
  return mentions.filter((mention, index) => {
    const next = mentions[index + 1];
    if (!next || next.sentence !== mention.sentence || mention.generic) return true;
    const between = text.slice(mention.end, next.start).toLowerCase().split(/[\s,\-–]+/).filter(Boolean);
    const linked = between.length > 0 && between.length <= 3 && between.every((w) => affiliationWords.has(w))
      && between.some((w) => w.length > 3);
    return !linked;
  });
}
