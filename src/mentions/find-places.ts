import type { AnalysedText, Sentence, Token } from '../text/types.ts';
import type { Gazetteer, PlaceCandidate } from '../resolve/gazetteer/open-gazetteer.ts';
import type { PlaceMention } from './types.ts';
import { placeNameKey, placeNameSkeleton } from '../resolve/place-name-key.ts';
import { LRUCache } from 'lru-cache';
import { findLowercasePlaces } from './find-lowercase-places.ts';

/** What the words around a name say about it: "Idlib province", "Salahuddin district", "the town of X". */
export type PlaceHint = 'division' | 'district' | 'settlement' | 'site' | null;

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

const ARTICLES = new Set(['al', 'el', 'ad', 'adh', 'ar', 'as', 'ash', 'at', 'ath', 'az', 'an', 'ed', 'es', 'et', 'ez', 'er', 'en', 'ud', 'ul', 'ad-', 'al-']);
/** Joiners that are also places' names of their own when capitalised ("Anzuma (Beni, Nord-Kivu)", "Bani, Burkina Faso"). */
const JOINERS_ALSO_NAMES = new Set(['beni', 'bani']);
const JOINERS = new Set(['-', 'de', 'del', 'da', 'do', 'dos', 'das', 'di', 'la', 'las', 'los', 'le', 'les', 'du', 'of', 'bin', 'ibn', 'abu', 'bani', 'beni', "'", '’']);
/** Lower-case words that belong to a place's name when they follow it ("Aleppo international airport"). */
// Without a prototype, so that words such as "constructor" are not read as feature words.
const FEATURE_WORDS: Record<string, PlaceHint> = Object.assign(Object.create(null) as Record<string, PlaceHint>, {
  province: 'division', governorate: 'division', region: 'division', state: 'division', county: 'division', prefecture: 'division',
  department: 'division', oblast: 'division', division: 'division', municipality: 'district', district: 'district', districts: 'district',
  neighborhood: 'district', neighbourhood: 'district', neighborhoods: 'district', neighbourhoods: 'district', quarter: 'district',
  city: 'settlement', town: 'settlement', village: 'settlement', camp: 'site', countryside: 'division', area: null, suburb: 'district',
  airport: 'site', school: 'site', mosque: 'site', road: 'site', street: 'site', square: 'site', bridge: 'site', market: 'site',
  stadium: 'site', university: 'site', hospital: 'site', citadel: 'site', international: null, highway: 'site', base: 'site', township: 'district',
  lga: 'district', subdistrict: 'district', tehsil: 'district', taluka: 'district', commune: 'district', woreda: 'district', raion: 'district',
  rayon: 'district', wilaya: 'division', parish: 'district', territory: 'district', chiefdom: 'district', subcounty: 'district', locality: 'settlement',
  station: 'site', plant: 'site', factory: 'site', prison: 'site', port: 'site', checkpoint: 'site', airbase: 'site', crossing: 'site',
});
/** Capitalised words that open a sentence before a name ("In Celaya, ..."), not part of it. */
const FUNCTION_WORDS = new Set(['on', 'in', 'the', 'a', 'an', 'at', 'around', 'between', 'during', 'after', 'before', 'since', 'following', 'according', 'near', 'from', 'to']);
/** Capitalised words that start sentences or name things, never places on their own. */
const NOT_ALONE = new Set(['on', 'in', 'the', 'a', 'an', 'at', 'around', 'between', 'during', 'after', 'before', 'since', 'following', 'according',
  'police', 'army', 'military', 'government', 'president', 'minister', 'state', 'security', 'forces', 'national', 'people', 'republic',
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'new', 'old', 'great', 'upper', 'lower',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'fatalities', 'unknown', 'several', 'local', 'two', 'three', 'one',
  'movement', 'change', 'looting', 'arrests', 'agreement', 'non', 'violent', 'peaceful', 'protest', 'protesters', 'property', 'destruction',
  'mob', 'violence', 'sexual', 'disrupted', 'weapons', 'use', 'headquarters', 'other', 'attack', 'armed', 'clash', 'air', 'drone', 'strike',
  'shelling', 'artillery', 'missile', 'remote', 'explosive', 'landmine', 'ied', 'grenade', 'suicide', 'bomb', 'chemical', 'abduction',
  'forced', 'disappearance', 'excessive', 'force', 'government', 'regains', 'territory', 'overtakes', 'actor', 'transfer', 'base', 'established',
  'colonia', 'barrio', 'sector', 'zone', 'village', 'city', 'town', 'district', 'province', 'governorate', 'camp', 'route',
  'islamic', 'christian', 'muslim', 'arab', 'kurdish', 'coalition', 'opposition', 'party', 'union', 'council', 'court', 'ministry', 'office',
  // Words that open the names of neighbourhoods GeoNames does not know ("Colonia Lomas de la Presa").
  'colonia', 'barangay', 'barrio', 'bairro', 'jardim', 'vila', 'villa', 'fraccionamiento', 'community', 'sector', 'zone', 'ward', 'block',
  'street', 'avenue', 'road', 'district', 'village', 'town', 'city', 'province', 'region', 'camp', 'area', 'county', 'state']);

function capitalised(token: Token): boolean {
  const code = token.text.charCodeAt(0);
  if (code < 128) return (code >= 65 && code <= 90) || lowerPrefixed(token.text); // ASCII: A-Z
  const first = token.text[0]!;
  return first !== first.toLowerCase();
}

/** Bantu names written with their lower-case prefix ("eThekwini", "iLembe", "kwaMashu"): a capital follows it. */
function lowerPrefixed(text: string): boolean {
  return /^(?:e|i|kwa|ka|u|o|ku|um|isi|ama|aba)[A-Z][a-z]/.test(text);
}

/** Runs of tokens that may name a place: capitalised words joined by articles, hyphens and "de"/"of", with feature words. */
function runs(sentence: Sentence): [number, number][] {
  const tokens = sentence.tokens;
  const found: [number, number][] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    const startsWithArticle = ARTICLES.has(t.normal) && tokens[i + 1]?.normal === '-' && tokens[i + 2] !== undefined && capitalised(tokens[i + 2]!);
    if (!capitalised(t) && !startsWithArticle) {
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
      } else if ((JOINERS.has(next.normal) || ARTICLES.has(next.normal)) && j + 1 < tokens.length) {
        j++;
      } else if (tokens[j - 1]!.normal === '-' && tokens[j + 1]?.normal === '-' && /^\p{Ll}+$/u.test(next.text)) {
        // A lower-case word inside a hyphenated name: "Port-au-Prince", "Deir-ez-Zor", "Stratford-upon-Avon".
        j++;
      } else if (next.normal in FEATURE_WORDS) {
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

function hintOf(tokens: Token[], first: number, last: number): PlaceHint {
  // "Idlib province", "Salahuddin district" (the feature word inside the name or right after it), "the town of X".
  const inside = FEATURE_WORDS[tokens[last]!.normal];
  if (inside) return inside;
  const after = tokens[last + 1]?.normal;
  if (after && FEATURE_WORDS[after]) return FEATURE_WORDS[after]!;
  const before = tokens[first - 2]?.normal;
  if (tokens[first - 1]?.normal === 'of' && before && FEATURE_WORDS[before]) return FEATURE_WORDS[before]!;
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

/** Words that join the words of one name ("Qasr Bin Ghashir", "Jabal al-Zawiya"); "of" rather separates two names. */
const NAME_INTERNAL = new Set([...JOINERS, ...ARTICLES].filter((w) => w !== 'of'));

/** A capitalised word of a name, not a common capitalised word or a feature word. */
function nameWord(t: Token | undefined): boolean {
  return t !== undefined && capitalised(t) && !NOT_ALONE.has(t.normal) && !(t.normal in FEATURE_WORDS);
}

/** Token k joins the words of one name; a hyphen only when written without spaces ("Ras al-Ain", not "Damboa - Maiduguri road"). */
function joinsName(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  return NAME_INTERNAL.has(t.normal) && (t.normal !== '-' || (tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end));
}

/**
 * Whether tokens first..last are only a piece of a longer name written around them ("Issa" of "Ein Issa",
 * "Mine" of "Karbonit Mine"): a capitalised word of a name touches them, directly or through a joiner.
 * Feature words ("Donetsk Airport"), "of" ("Square of Haifa") and common capitalised words do not count.
 */
function partOfLongerName(tokens: Token[], run: [number, number], first: number, last: number): boolean {
  let before = first - 1;
  while (before >= run[0] && joinsName(tokens, before)) before--;
  let after = last + 1;
  while (after <= run[1] && joinsName(tokens, after)) after++;
  // "Donetsk Filtration Station", "Uitenhage Provincial Hospital": a run that opens with the name and ends in a
  // feature word names a site of that place, not a longer place name.
  const siteOfPlace = before < run[0] && FEATURE_WORDS[tokens[run[1]]!.normal] === 'site';
  return (before >= run[0] && nameWord(tokens[before])) || (after <= run[1] && nameWord(tokens[after]) && !siteOfPlace);
}

/** Tokens first..last of a run name a place the gazetteer knows. */
interface NamedSpan {
  first: number;
  last: number;
  /** The folded key of its words (placeNameKey). */
  key: string;
  candidates: PlaceCandidate[];
  partial: boolean;
}

/** The feature words of administrative divisions (not "neighbourhood", "quarter": parts of towns the gazetteer lacks). */
const DIVISION_FEATURES = new Set(['province', 'governorate', 'region', 'state', 'county', 'prefecture', 'department', 'oblast', 'division',
  'district', 'municipality', 'lga', 'subdistrict', 'tehsil', 'taluka', 'commune', 'woreda', 'raion', 'rayon', 'wilaya', 'territory',
  'chiefdom', 'subcounty', 'township']);
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

/** Sub-spans of a run that the gazetteer knows, longest first and without overlap. */
function namedSpans(sentence: Sentence, run: [number, number], gazetteer: Gazetteer, asContainer: boolean): NamedSpan[] {
  const tokens = sentence.tokens;
  const spans: NamedSpan[] = [];
  // The words of the run that are part of a name (feature words and joiners at its ends are not).
  let nameEnd = run[1];
  while (nameEnd > run[0] && !capitalised(tokens[nameEnd]!) && !/^\d+$/.test(tokens[nameEnd]!.text)) nameEnd--;
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
      if ((JOINERS.has(end.normal) && !(capitalised(end) && JOINERS_ALSO_NAMES.has(end.normal))) || (!capitalised(first) && !ARTICLES.has(first.normal))) continue;
      // A lone capitalised common word, or a short acronym ("UP"), is not read as a place on its own; an acronym
      // written as a container is ("Madurai district, TN)": the abbreviations the gazetteer knows for divisions).
      if (last === i && (NOT_ALONE.has(first.normal) || first.normal in FEATURE_WORDS || (/^[A-Z]{1,3}$/.test(first.text) && !asContainer))) continue;
      const text = sentence.text.slice(first.start - sentence.start, end.end - sentence.start);
      const candidates = spelledOrDivision(gazetteer, text, asContainer || DIVISION_FEATURES.has(tokens[last + 1]?.normal ?? ''));
      if (candidates.length === 0) continue;
      // A spelling-variant match on a piece of a longer name ("Sanguun" in "Bar-Sanguun") is a guess too far.
      const rest = [...tokens.slice(run[0], i), ...tokens.slice(last + 1, run[1] + 1)];
      if (!candidates.some((c) => c.exact) && rest.some((t) => capitalised(t) && !NOT_ALONE.has(t.normal))) continue;
      if (!candidates.some((c) => c.exact)) {
        // A guess by skeleton does not swallow the word before a name ("In Celaya" ~ "Anzali"), nor the feature word
        // after it ("Baramulla district" ~ "Biharamulo District"): the name alone is looked up next.
        if (!FUNCTION_WORDS.has(first.normal) && !(last > i && end.normal in FEATURE_WORDS)) fallback ??= { last, text, candidates };
        continue;
      }
      spans.push({ first: i, last, key: placeNameKey(text), candidates, partial: partOfLongerName(tokens, run, i, last) });
      i = last + 1;
      matched = true;
      break;
    }
    if (!matched && fallback) {
      spans.push({ first: i, last: fallback.last, key: placeNameKey(fallback.text), candidates: fallback.candidates, partial: partOfLongerName(tokens, run, i, fallback.last) });
      i = fallback.last + 1;
    } else if (!matched) i++;
  }
  return spans;
}

/**
 * What namedSpans finds in a run depends only on the run's words (and on whether it is written as a container), and
 * runs recur across reports ("Boko Haram", "Kabul province", "On Sunday"): each is read once per gazetteer, with its
 * spans counted from the run's start.
 */
const spansOfRuns = new WeakMap<Gazetteer, LRUCache<string, RememberedRun>>();
const RUN_MEMO_LIMIT = 50_000;

/** A run's spans as remembered, counted from its first token: read as a run, and read as a container. */
interface RememberedRun {
  tokens: number;
  plain?: NamedSpan[];
  container?: NamedSpan[];
}

function relativeSpans(sentence: Sentence, run: [number, number], gazetteer: Gazetteer, asContainer: boolean): NamedSpan[] {
  return namedSpans(sentence, run, gazetteer, asContainer).map((span) => ({ ...span, first: span.first - run[0], last: span.last - run[0] }));
}

function knownSpans(sentence: Sentence, run: [number, number], gazetteer: Gazetteer): NamedSpan[] {
  const tokens = sentence.tokens;
  const words = sentence.text.slice(tokens[run[0]]!.start - sentence.start, tokens[run[1]]!.end - sentence.start);
  let memo = spansOfRuns.get(gazetteer);
  if (!memo) spansOfRuns.set(gazetteer, (memo = new LRUCache({ max: RUN_MEMO_LIMIT })));
  let remembered = memo.get(words);
  if (remembered?.tokens !== run[1] - run[0]) memo.set(words, (remembered = { tokens: run[1] - run[0] }));
  // "(Poonch district, J&K)": the last name inside parentheses, after a comma.
  const asContainer = tokens[run[0] - 1]?.normal === ',' && tokens[run[1] + 1]?.normal === ')';
  const relative = asContainer
    ? (remembered.container ??= relativeSpans(sentence, run, gazetteer, true))
    : (remembered.plain ??= relativeSpans(sentence, run, gazetteer, false));
  return relative.map((span) => ({ ...span, first: span.first + run[0], last: span.last + run[0] }));
}

/**
 * Place names in the text, each with the gazetteer's candidates and what the context says about it:
 * a feature word ("province"), and the containers named with it in parentheses or after a comma.
 */
export function findPlaces(doc: AnalysedText, gazetteer: Gazetteer, exclude: { start: number; end: number }[] = []): FoundPlace[] {
  const found: FoundPlace[] = [];
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    const inSentence: FoundPlace[] = [];
    for (const run of runs(sentence)) {
      for (const span of knownSpans(sentence, run, gazetteer)) {
        const start = tokens[span.first]!.start;
        const end = tokens[span.last]!.end;
        if (exclude.some((x) => x.start < end && start < x.end)) continue;
        // A capitalised word that opens the sentence is usually not a place ("Police said ...") unless the gazetteer
        // knows it as a country or division.
        const isOpening = span.first === 0 && span.last === 0;
        const text = doc.text.slice(start, end);
        if (isOpening && !span.candidates.some((c) => c.kind === 'country' || c.kind === 'admin1')) continue;
        inSentence.push({
          kind: 'place', sentence: sentence.index, start, end, text, key: span.key,
          candidates: span.candidates, hint: hintOf(tokens, span.first, span.last) ?? lastInParentheses(tokens, span.first, span.last),
          containers: [], partial: span.partial,
        });
      }
    }
    // Names written in lower case, read only after a cue that announces a place ("the village of tal rifaat").
    for (const span of findLowercasePlaces(sentence, gazetteer)) {
      const start = tokens[span.first]!.start;
      const end = tokens[span.last]!.end;
      if (exclude.some((x) => x.start < end && start < x.end) || inSentence.some((p) => p.start < end && start < p.end)) continue;
      const text = doc.text.slice(start, end);
      inSentence.push({
        kind: 'place', sentence: sentence.index, start, end, text, key: placeNameKey(text), candidates: span.candidates,
        hint: hintOf(tokens, span.first, span.last), containers: [], partial: false,
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
