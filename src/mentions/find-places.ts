import type { AnalysedText, Sentence, Token } from '../text/types.ts';
import type { Gazetteer, PlaceCandidate } from '../gazetteer/open-gazetteer.ts';
import type { PlaceMention } from './types.ts';
import { foldName, placeNameKey, placeNameSkeleton } from '../gazetteer/place-name-key.ts';
import { BoundedMemo } from '../bounded-memo.ts';
import { findLowercasePlaces } from './find-lowercase-places.ts';
import type { PlaceHint, PlaceWords } from './place-words.ts';

export interface FoundPlace extends PlaceMention {
  candidates: PlaceCandidate[];
  hint: PlaceHint;
  /**
   * Mentions (indices into the result) written as if they contained this one: "Ras al-Ain (Ras al-Ain,
   * Al-Hasakeh)", "Celaya, Guanajuato", "X district of Aleppo". Whether they really do is for the
   * resolver to check against the gazetteer (a list "X, Y and Z" is written the same way).
   */
  containers: number[];
  /** The name is only part of a longer capitalised name the gazetteer does not know ("Salim" of "Abu Salim"). */
  partial: boolean;
}

function capitalised(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || lowerPrefixed(token.text); // ASCII: A-Z
  const first = token.text[0]!;
  return first !== first.toLowerCase();
}

/** Bantu names written with their lower-case prefix ("eThekwini", "iLembe", "kwaMashu"): a capital follows it. */
function lowerPrefixed(text: string): boolean {
  // The capital comes after a prefix of one to three letters: most lower-case words have none there, and are told
  // without the pattern (asked of every lower-case word of a text).
  return (upperAscii(text.charCodeAt(1)) || upperAscii(text.charCodeAt(2)) || upperAscii(text.charCodeAt(3)))
    && /^(?:e|i|kwa|ka|u|o|ku|um|isi|ama|aba)[A-Z][a-z]/.test(text);
}

/** A-Z (false for NaN, past the end of a word). */
function upperAscii(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** Runs of tokens that may name a place: capitalised words joined by articles, hyphens and "de"/"of", with feature words. */
function runs(sentence: Sentence, words: PlaceWords): [number, number][] {
  const tokens = sentence.tokens;
  const found: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // Asked of every token: the hyphen after it first, as few tokens have one ("al-Bab"), then the set of articles.
    if (!capitalised(t) && !(tokens[i + 1]?.normal === '-' && words.articles.has(t.normal) && tokens[i + 2] !== undefined && capitalised(tokens[i + 2]!))) {
      i++;
      continue;
    }
    let end = i;
    let j = i + 1;
    while (j < tokens.length) {
      const next = tokens[j]!;
      if (capitalised(next) || (/^\d+$/.test(next.text) && capitalised(tokens[j - 1]!))) {
        end = j;
        j++;
      } else if ((words.joiners.has(next.normal) || words.articles.has(next.normal)) && j + 1 < tokens.length) {
        j++;
      } else if (tokens[j - 1]!.normal === '-' && tokens[j + 1]?.normal === '-' && /^\p{Ll}+$/u.test(next.text)) {
        // A lower-case word inside a hyphenated name: "Port-au-Prince", "Deir-ez-Zor", "Stratford-upon-Avon".
        j++;
      } else if (words.features.has(next.normal)) {
        end = j;
        j++;
      } else break;
    }
    found.push([i, end]);
    i = end + 1;
  }
  return found;
}

const MAX_WORDS = 7;

function hintOf(tokens: Token[], first: number, last: number, words: PlaceWords): PlaceHint {
  // "Idlib province", "Salahuddin district" (the feature word inside the name or right after it), "the town of X".
  const inside = words.features.get(tokens[last]!.normal);
  if (inside) return inside;
  const after = tokens[last + 1]?.normal;
  if (after && words.features.get(after)) return words.features.get(after)!;
  const before = tokens[first - 2]?.normal;
  if (tokens[first - 1]?.normal === 'of' && before && words.features.get(before)) return words.features.get(before)!;
  return null;
}

/**
 * "(Bossaso, Bari)", "(Nefza, Beja)": the last name of a parenthesis, after a comma, is the division the names before
 * it lie in, as news and ACLED write a place's district and province.
 */
function lastInParentheses(tokens: Token[], first: number, last: number): PlaceHint {
  if (tokens[last + 1]?.normal !== ')') return null;
  if (tokens[first - 1]?.normal === ',') return 'division';
  // "Yby Yau (Concepcion)", "Altos de San Lorenzo (Buenos Aires)": a name alone in parentheses right after a
  // name is its division too.
  const before = tokens[first - 2];
  return tokens[first - 1]?.normal === '(' && before !== undefined && capitalised(before) ? 'division' : null;
}

/** A capitalised word of a name, not a common capitalised word or a feature word. */
function nameWord(t: Token | undefined, words: PlaceWords): boolean {
  return t !== undefined && capitalised(t) && !words.notAlone.has(t.normal) && !words.features.has(t.normal);
}

/** Token k joins the words of one name; a hyphen only when written without spaces ("Ras al-Ain", not "Damboa - Maiduguri road"). */
function joinsName(tokens: Token[], k: number, words: PlaceWords): boolean {
  const t = tokens[k]!;
  return words.nameInternal.has(t.normal) && (t.normal !== '-' || (tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end));
}

/**
 * Whether tokens first..last are only a piece of a longer name written around them ("Issa" of "Ein Issa",
 * "Mine" of "Karbonit Mine"): a capitalised word of a name touches them, directly or through a joiner.
 * Feature words ("Donetsk Airport"), "of" ("Square of Haifa") and common capitalised words do not count.
 */
function partOfLongerName(tokens: Token[], run: [number, number], first: number, last: number, words: PlaceWords): boolean {
  let before = first - 1;
  while (before >= run[0] && joinsName(tokens, before, words)) before--;
  let after = last + 1;
  while (after <= run[1] && joinsName(tokens, after, words)) after++;
  // "Donetsk Filtration Station", "Uitenhage Provincial Hospital": a run that opens with the name and ends in a
  // feature word names a site of that place, not a longer place name.
  const siteOfPlace = before < run[0] && words.features.get(tokens[run[1]]!.normal) === 'site';
  return (before >= run[0] && nameWord(tokens[before], words)) || (after <= run[1] && nameWord(tokens[after], words) && !siteOfPlace);
}

/** Tokens first..last of a run (counted from the run's first token) name a place the gazetteer knows. */
interface NamedSpan {
  first: number;
  last: number;
  /** The folded key of its words (placeNameKey; folded without its memo, as the run's spans are remembered whole). */
  key: string;
  candidates: PlaceCandidate[];
  partial: boolean;
}

/** Shorter than this, a skeleton matches too many divisions even for a name written as one. */
const DIVISION_SKELETON = 4;

/**
 * The places the gazetteer knows by this spelling; for a name written as a division ("(Bulo Burto, Hiraan)",
 * "Rajouri district") and not known by its spelling, the divisions of its skeleton, however short ("Hiiraan",
 * "Rajauri"): there are few divisions, and news spell them as they please. The gazetteer guesses by skeleton
 * alone only for long names.
 */
function spelledOrDivision(gazetteer: Gazetteer, text: string, asDivision: boolean): PlaceCandidate[] {
  const found = gazetteer.lookup(text);
  if (found.length > 0 || !asDivision || placeNameSkeleton(text).length < DIVISION_SKELETON) return found;
  return gazetteer.variants(text).filter((c) => c.kind === 'admin1' || c.kind === 'admin2');
}

/** A capitalised word of the run outside tokens first..last that is not a common capitalised word ("Bar" of "Bar-Sanguun"). */
function nameWordAround(tokens: Token[], run: [number, number], first: number, last: number, words: PlaceWords): boolean {
  for (let k = run[0]; k <= run[1]; k++) {
    if (k === first) k = last + 1;
    if (k > run[1]) break;
    const t = tokens[k]!;
    if (capitalised(t) && !words.notAlone.has(t.normal)) return true;
  }
  return false;
}

/** Sub-spans of a run that the gazetteer knows, longest first and without overlap, counted from the run's first token. */
function namedSpans(sentence: Sentence, run: [number, number], gazetteer: Gazetteer, words: PlaceWords, asContainer: boolean): NamedSpan[] {
  const tokens = sentence.tokens;
  const spans: NamedSpan[] = [];
  let i = run[0];
  while (i <= run[1]) {
    let matched = false;
    // A longer span known only by its skeleton ("Sirwah district" ~ "Sierre District") gives way to a
    // shorter one known by its spelling ("Sirwah").
    let fallback: { last: number; text: string; candidates: PlaceCandidate[] } | null = null;
    for (let last = Math.min(run[1], i + MAX_WORDS - 1); last >= i; last--) {
      const first = tokens[i]!;
      const end = tokens[last]!;
      // A name starts and ends with a word of its own, not a joiner or a lone feature word.
      if ((words.joiners.has(end.normal) && !(capitalised(end) && words.joinersAlsoNames.has(end.normal))) || (!capitalised(first) && !words.articles.has(first.normal))) continue;
      // A lone capitalised common word, or a short acronym ("UP"), is not read as a place on its own; an acronym
      // written as a container is ("Madurai district, TN)": the abbreviations the gazetteer knows for divisions).
      if (last === i && (words.notAlone.has(first.normal) || words.features.has(first.normal) || (first.text.length <= 3 && /^[A-Z]{1,3}$/.test(first.text) && !asContainer))) continue;
      const text = sentence.text.slice(first.start - sentence.start, end.end - sentence.start);
      // A guess by skeleton is set aside on a piece of a longer name ("Sanguun" in "Bar-Sanguun": a guess too far), and
      // when it would swallow the word before a name ("In Celaya" ~ "Anzali") or the feature word after it
      // ("Baramulla district" ~ "Biharamulo District": the name alone is looked up next). There only the places of the
      // spelling are asked for.
      const guessKept = !words.functionWords.has(first.normal) && !(last > i && words.features.has(end.normal)) && !nameWordAround(tokens, run, i, last, words);
      const candidates = guessKept
        ? spelledOrDivision(gazetteer, text, asContainer || words.divisionFeatures.has(tokens[last + 1]?.normal ?? ''))
        : gazetteer.spelled(text);
      if (candidates.length === 0) continue;
      if (!candidates.some((c) => c.exact)) {
        fallback ??= { last, text, candidates };
        continue;
      }
      spans.push({ first: i - run[0], last: last - run[0], key: foldName(text), candidates, partial: partOfLongerName(tokens, run, i, last, words) });
      i = last + 1;
      matched = true;
      break;
    }
    if (!matched && fallback) {
      spans.push({
        first: i - run[0], last: fallback.last - run[0], key: foldName(fallback.text), candidates: fallback.candidates,
        partial: partOfLongerName(tokens, run, i, fallback.last, words),
      });
      i = fallback.last + 1;
    } else if (!matched) i++;
  }
  return spans;
}

/**
 * What namedSpans finds in a run depends only on the run's words (and on whether it is written as a container), and
 * runs recur across reports ("Boko Haram", "Kabul province", "On Sunday"): each is read once per gazetteer and place
 * words, with its spans counted from the run's start.
 */
const spansOfRuns = new WeakMap<Gazetteer, WeakMap<PlaceWords, BoundedMemo<string, RememberedRun>>>();
const RUN_MEMO_LIMIT = 50_000;

/** A run's spans as remembered, counted from its first token: read as a run, and read as a container. */
interface RememberedRun {
  tokens: number;
  plain?: NamedSpan[];
  container?: NamedSpan[];
}

/** The memo of runs read with this gazetteer and these place words (asked once per text, not per run). */
function runMemo(gazetteer: Gazetteer, placeWords: PlaceWords): BoundedMemo<string, RememberedRun> {
  let byWords = spansOfRuns.get(gazetteer);
  if (!byWords) spansOfRuns.set(gazetteer, (byWords = new WeakMap()));
  let memo = byWords.get(placeWords);
  if (!memo) byWords.set(placeWords, (memo = new BoundedMemo(RUN_MEMO_LIMIT)));
  return memo;
}

/** The spans of a run the gazetteer knows, counted from the run's first token (shared: the caller adds the run's start). */
function knownSpans(sentence: Sentence, run: [number, number], gazetteer: Gazetteer, placeWords: PlaceWords, memo: BoundedMemo<string, RememberedRun>): NamedSpan[] {
  const tokens = sentence.tokens;
  const words = sentence.text.slice(tokens[run[0]]!.start - sentence.start, tokens[run[1]]!.end - sentence.start);
  let remembered = memo.get(words);
  if (remembered?.tokens !== run[1] - run[0]) memo.set(words, (remembered = { tokens: run[1] - run[0] }));
  // "(Poonch district, J&K)": the last name inside parentheses, after a comma.
  const asContainer = tokens[run[0] - 1]?.normal === ',' && tokens[run[1] + 1]?.normal === ')';
  return asContainer
    ? (remembered.container ??= namedSpans(sentence, run, gazetteer, placeWords, true))
    : (remembered.plain ??= namedSpans(sentence, run, gazetteer, placeWords, false));
}

/**
 * Place names in the text, each with the gazetteer's candidates and what the context says about it:
 * a feature word ("province"), and the containers named with it in parentheses or after a comma.
 */
export function findPlaces(doc: AnalysedText, gazetteer: Gazetteer, words: PlaceWords, exclude: { start: number; end: number }[] = []): FoundPlace[] {
  const found: FoundPlace[] = [];
  const memo = runMemo(gazetteer, words);
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    const inSentence: FoundPlace[] = [];
    for (const run of runs(sentence, words)) {
      for (const span of knownSpans(sentence, run, gazetteer, words, memo)) {
        const first = span.first + run[0];
        const last = span.last + run[0];
        const start = tokens[first]!.start;
        const end = tokens[last]!.end;
        if (exclude.some((x) => x.start < end && start < x.end)) continue;
        // A capitalised word that opens the sentence is usually not a place ("Police said ...") unless the gazetteer
        // knows it as a country or division.
        const isOpening = first === 0 && last === 0;
        const text = doc.text.slice(start, end);
        if (isOpening && !span.candidates.some((c) => c.kind === 'country' || c.kind === 'admin1')) continue;
        inSentence.push({
          kind: 'place', sentence: sentence.index, start, end, text, key: span.key,
          candidates: span.candidates, hint: hintOf(tokens, first, last, words) ?? lastInParentheses(tokens, first, last),
          containers: [], partial: span.partial,
        });
      }
    }
    // Names written in lower case, read only after a cue that announces a place ("the village of tal rifaat").
    for (const span of findLowercasePlaces(sentence, gazetteer, words)) {
      const start = tokens[span.first]!.start;
      const end = tokens[span.last]!.end;
      if (exclude.some((x) => x.start < end && start < x.end) || inSentence.some((p) => p.start < end && start < p.end)) continue;
      const text = doc.text.slice(start, end);
      inSentence.push({
        kind: 'place', sentence: sentence.index, start, end, text, key: placeNameKey(text), candidates: span.candidates,
        hint: hintOf(tokens, span.first, span.last, words), containers: [], partial: false,
      });
    }
    inSentence.sort((a, b) => a.start - b.start);
    // "X (A, B)", "X, A", "X district of Y", "X in Y": the names after X may be its containers.
    const offset = found.length;
    inSentence.forEach((place, k) => {
      for (let m = k + 1; m < inSentence.length && m <= k + 3; m++) {
        const gap = doc.text.slice(inSentence[m - 1]!.end, inSentence[m]!.start);
        // "X (A, B)", "X municipality, A", "X district of A", "X in A"
        const joined = m === k + 1
          ? /^\s*(?:(?:[a-z]+|[A-Z]{2,5})\s*)?(?:\(|,)\s*$|^\s+(?:(?:district|province|governorate|neighbou?rhoods?|area|city|town|village)\s+)?(?:of|in)\s+$/.test(gap)
          : /^\s*,\s*$/.test(gap);
        if (!joined) break;
        place.containers.push(offset + m);
      }
    });
    found.push(...inSentence);
  }
  return found;
}
