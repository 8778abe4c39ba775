import type { AnalysedText, Sentence, Token } from '../text/types.ts';
import type { EventLexicon, TriggerPhrase } from './event-lexicon.ts';
import { modalityAt, isPassiveAt } from './modality.ts';
import type { TriggerMatch } from './types.ts';

function tokenMatches(token: Token, word: string): boolean {
  return token.normal === word || token.lemma === word;
}

/**
 * Whether a candidate phrase is written from token `at` on. Its first word is not asked again: the candidate was
 * found by that token's normal form or lemma (candidatesAt).
 */
function phraseMatchesAt(tokens: Token[], at: number, phrase: TriggerPhrase): boolean {
  for (let k = 1; k < phrase.words.length; k++) {
    const token = tokens[at + k];
    if (token === undefined || !tokenMatches(token, phrase.words[k]!)) return false;
  }
  return true;
}

const NO_PHRASES: readonly TriggerPhrase[] = [];

/**
 * The entries of a word list that hold a space ("armed group"), indexed by what comes before each space and holding
 * what comes after it, so that an adjacent-word pair is tested without building its string. Null when there are none.
 */
const PAIRS = new WeakMap<ReadonlySet<string>, Map<string, Set<string>> | null>();
function pairsOf(words: ReadonlySet<string>): Map<string, Set<string>> | null {
  let pairs = PAIRS.get(words);
  if (pairs === undefined) {
    pairs = null;
    for (const word of words) {
      for (let space = word.indexOf(' '); space >= 0; space = word.indexOf(' ', space + 1)) {
        pairs ??= new Map();
        const before = word.slice(0, space);
        let after = pairs.get(before);
        if (!after) pairs.set(before, (after = new Set()));
        after.add(word.slice(space + 1));
      }
    }
    PAIRS.set(words, pairs);
  }
  return pairs;
}

/**
 * Whether a word (normal form or lemma) or adjacent-word pair of `words` stands within `window` tokens of [first, last]
 * (with `afterOnly`, only after it), to test `when_near`, `unless_near` and `only_near` lists. It reads the window
 * token by token without building a set of its words: conditional phrases are common ("open", "demand").
 */
function anyNear(tokens: Token[], first: number, last: number, window: number, words: ReadonlySet<string>, afterOnly = false): boolean {
  if (words.size === 0) return false;
  const pairs = pairsOf(words);
  const from = afterOnly ? last + 1 : Math.max(0, first - window);
  const to = Math.min(tokens.length - 1, last + window);
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    const token = tokens[i];
    if (!token) continue;
    if (words.has(token.normal) || (token.lemma !== token.normal && words.has(token.lemma))) return true;
    if (pairs && i + 1 <= to) {
      const next = tokens[i + 1];
      if (next && pairs.get(token.normal)?.has(next.normal)) return true;
    }
  }
  return false;
}

/** The phrases of a normal form followed by those of its lemma, kept by the two lists so that they are joined once. */
const JOINED = new WeakMap<readonly TriggerPhrase[], WeakMap<readonly TriggerPhrase[], readonly TriggerPhrase[]>>();

function candidatesAt(lexicon: EventLexicon, token: Token): readonly TriggerPhrase[] {
  const byNormal = lexicon.byFirstWord.get(token.normal) ?? NO_PHRASES;
  if (token.lemma === token.normal) return byNormal;
  const byLemma = lexicon.byFirstWord.get(token.lemma) ?? NO_PHRASES;
  if (byNormal.length === 0) return byLemma;
  if (byLemma.length === 0) return byNormal;
  let withLemma = JOINED.get(byNormal);
  if (!withLemma) JOINED.set(byNormal, (withLemma = new WeakMap()));
  let joined = withLemma.get(byLemma);
  if (!joined) withLemma.set(byLemma, (joined = [...byNormal, ...byLemma]));
  return joined;
}

/** "On March 21", "since March": a capitalised "March" inside a sentence, or before a day's number, is the month, not a march. */
function isMonthMarch(tokens: Token[], i: number): boolean {
  if (tokens[i]!.text !== 'March') return false;
  return i > 0 || /^\d/.test(tokens[i + 1]?.text ?? '');
}

/** Adds the predicates of one sentence to `found`. */
function triggersInSentence(text: string, sentence: Sentence, lexicon: EventLexicon, found: TriggerMatch[]): void {
  const { tokens } = sentence;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const candidates = candidatesAt(lexicon, token);
    if (candidates.length === 0 || isMonthMarch(tokens, i)) {
      i++;
      continue;
    }
    let longest = 0;
    for (const phrase of candidates) if (phrase.words.length > longest && phraseMatchesAt(tokens, i, phrase)) longest = phrase.words.length;
    if (longest === 0) {
      i++;
      continue;
    }
    const last = i + longest - 1;
    const lastToken = tokens[last] ?? token;
    // The codes already found here: most places match one phrase, so no set is built for them.
    let seen: string[] | null = null;
    for (const phrase of candidates) {
      if (phrase.words.length !== longest || !phraseMatchesAt(tokens, i, phrase)) continue;
      let code = phrase.code;
      // With none of the words of its lists near (asked in one scan when it has several), a phrase keeps its code,
      // unless it needs one of them.
      const conditional = phrase.unlessNear.size > 0 || phrase.whenNear.length > 0 || phrase.onlyNear.size > 0;
      if (conditional && (phrase.nearWords === null || anyNear(tokens, i, last, phrase.scanWindow, phrase.nearWords))) {
        if (anyNear(tokens, i, last, phrase.window, phrase.unlessNear)) continue;
        if (phrase.onlyNear.size > 0 && !anyNear(tokens, i, last, phrase.window, phrase.onlyNear)) continue;
        for (const when of phrase.whenNear) {
          if (anyNear(tokens, i, last, when.window, when.words, when.after)) {
            code = when.code;
            break;
          }
        }
      } else if (phrase.onlyNear.size > 0) continue;
      if (seen?.includes(code.name)) continue;
      (seen ??= []).push(code.name);
      found.push({
        sentence: sentence.index,
        firstToken: i,
        lastToken: last,
        start: token.start,
        end: lastToken.end,
        text: text.slice(token.start, lastToken.end),
        code,
        modality: modalityAt(tokens, i),
        passive: isPassiveAt(tokens, i),
      });
    }
    i = last + 1;
  }
}

/** Finds every event predicate in the text, longest phrase first, with its modality and voice. */
export function findTriggers(doc: AnalysedText, lexicon: EventLexicon): TriggerMatch[] {
  const found: TriggerMatch[] = [];
  for (const sentence of doc.sentences) triggersInSentence(doc.text, sentence, lexicon, found);
  return found;
}
