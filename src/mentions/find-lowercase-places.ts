import type { Sentence, Token } from '../text/types.ts';
import type { Gazetteer, PlaceCandidate } from '../gazetteer/open-gazetteer.ts';
import type { PlaceWords } from './place-words.ts';

/**
 * Place names written in lower case ("clashes in the village of tal rifaat", "shelling near kharkiv" in a post).
 * Every lower-case word of a text is not looked up (that would cost a look-up per token and find a village
 * named after every common word): only the words right after a cue that announces a place, and only where the
 * cue says how sure it is.
 *
 * The cues and the words that never start such a name are data: data/lexicons/place-words.yaml.
 */
/** Words a lower-case name may have: letters, and the articles and hyphens of Arabic names ("tal rifaat", "al-bab"). */
const NAME_TOKEN = /^\p{Ll}[\p{Ll}'’]*$/u;
const MAX_WORDS = 3;
/** A city this big, or a division or a country, is believed after a mere preposition. */
const WEIGHTY_POPULATION = 100_000;

export interface LowercaseSpan {
  first: number;
  last: number;
  candidates: PlaceCandidate[];
  /** The cue said a settlement or a division ("village of"), rather than a mere preposition. */
  settlementCue: boolean;
}

/** The settlement cues by their last word, so that a token is tested only against the cues that can end before it. */
const CUES_BY_LAST = new WeakMap<readonly string[][], Map<string, string[][]>>();
function cuesByLast(cues: readonly string[][]): Map<string, string[][]> {
  let index = CUES_BY_LAST.get(cues);
  if (!index) {
    index = new Map();
    for (const cue of cues) {
      const last = cue[cue.length - 1]!;
      index.set(last, [...(index.get(last) ?? []), cue]);
    }
    CUES_BY_LAST.set(cues, index);
  }
  return index;
}

function cueBefore(tokens: Token[], i: number, words: PlaceWords, settlementCues: Map<string, string[][]>): 'settlement' | 'preposition' | null {
  const before = tokens[i - 1]?.normal ?? '';
  const cues = settlementCues.get(before);
  if (cues) {
    for (const cue of cues) {
      if (cue.every((w, k) => tokens[i - cue.length + k]?.normal === w)) return 'settlement';
    }
  }
  return words.prepositionCues.has(before) ? 'preposition' : null;
}

function weighty(c: PlaceCandidate): boolean {
  return c.exact && (c.kind === 'country' || c.kind === 'admin1' || (c.kind === 'populated' && c.population >= WEIGHTY_POPULATION));
}

/** Lower-case names after a place cue that the gazetteer knows by their spelling, longest first. */
export function findLowercasePlaces(sentence: Sentence, gazetteer: Gazetteer, placeWords: PlaceWords): LowercaseSpan[] {
  const tokens = sentence.tokens;
  const found: LowercaseSpan[] = [];
  const settlementCues = cuesByLast(placeWords.settlementCues);
  for (let i = 1; i < tokens.length; i++) {
    const first = tokens[i]!;
    // A name starts with a lower-case letter: a word that starts with any other ASCII character (a capital, a digit,
    // punctuation) is passed over without asking for its cue.
    const code = first.text.charCodeAt(0);
    if (code < 128 && (code < 97 || code > 122)) continue;
    // Most words follow no cue: that is asked first, of one word, before the name's own spelling.
    const cue = cueBefore(tokens, i, placeWords, settlementCues);
    if (!cue || !NAME_TOKEN.test(first.text) || placeWords.notNameWords.has(first.normal)) continue;
    // The words of the name: lower-case words, joined by hyphens written without spaces ("al-bab", "deir-ez-zor").
    let end = i;
    let words = 1;
    while (words < MAX_WORDS) {
      const next = tokens[end + 1];
      if (next?.normal === '-' && next.start === tokens[end]!.end && tokens[end + 2] && NAME_TOKEN.test(tokens[end + 2]!.text)) {
        end += 2;
      } else if (next && NAME_TOKEN.test(next.text) && !placeWords.notNameWords.has(next.normal) && !placeWords.prepositionCues.has(next.normal)) {
        end += 1;
        words++;
      } else break;
    }
    for (let last = end; last >= i; last--) {
      if (tokens[last]!.normal === '-') continue;
      const text = sentence.text.slice(first.start - sentence.start, tokens[last]!.end - sentence.start);
      // After "the village of", a spelling variant of a name of two words or more is read as the geolocator reads
      // capitalised ones ("tal rifaat" ~ Tall Rif'at); a lone short word must be spelled as the gazetteer has it.
      // Only the places of the spelling are asked for where a guess would be set aside (a copy: the spans own theirs).
      const candidates = cue === 'settlement' && last > i ? gazetteer.lookup(text) : gazetteer.spelled(text).slice();
      const believed = cue === 'settlement' ? candidates.length > 0 : candidates.some(weighty);
      if (!believed) continue;
      found.push({ first: i, last, candidates: cue === 'settlement' ? candidates : candidates.filter(weighty), settlementCue: cue === 'settlement' });
      i = last;
      break;
    }
  }
  return found;
}
