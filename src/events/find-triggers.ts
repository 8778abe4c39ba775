import type { AnalysedText, Sentence, Token } from '../text/types.ts';
import type { EventLexicon, TriggerPhrase } from './event-lexicon.ts';
import { modalityAt, isPassiveAt } from './modality.ts';
import type { TriggerMatch } from './types.ts';

function tokenMatches(token: Token, word: string): boolean {
  return token.normal === word || token.lemma === word;
}

function phraseMatchesAt(tokens: Token[], at: number, phrase: TriggerPhrase): boolean {
  for (let k = 0; k < phrase.words.length; k++) {
    const token = tokens[at + k];
    if (token === undefined || !tokenMatches(token, phrase.words[k]!)) return false;
  }
  return true;
}

const NO_PHRASES: readonly TriggerPhrase[] = [];

/** The words and adjacent-word pairs within `window` tokens of [first, last], to test `when_near` lists. */
function nearbyWords(tokens: Token[], first: number, last: number, window: number, afterOnly = false): Set<string> {
  const words = new Set<string>();
  const from = afterOnly ? last + 1 : Math.max(0, first - window);
  const to = Math.min(tokens.length - 1, last + window);
  for (let i = from; i <= to; i++) {
    if (i >= first && i <= last) continue;
    const token = tokens[i];
    if (!token) continue;
    words.add(token.normal);
    words.add(token.lemma);
    const next = tokens[i + 1];
    if (next && i + 1 <= to) words.add(`${token.normal} ${next.normal}`);
  }
  return words;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const word of a) if (b.has(word)) return true;
  return false;
}

function candidatesAt(lexicon: EventLexicon, token: Token): readonly TriggerPhrase[] {
  const byNormal = lexicon.byFirstWord.get(token.normal) ?? NO_PHRASES;
  if (token.lemma === token.normal) return byNormal;
  const byLemma = lexicon.byFirstWord.get(token.lemma) ?? NO_PHRASES;
  if (byNormal.length === 0) return byLemma;
  return byLemma.length === 0 ? byNormal : [...byNormal, ...byLemma];
}

function triggersInSentence(sentence: Sentence, lexicon: EventLexicon): TriggerMatch[] {
  const { tokens } = sentence;
  const found: TriggerMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (!token) break;
    const candidates = candidatesAt(lexicon, token);
    if (candidates.length === 0) {
      i++;
      continue;
    }
    let longest = 0;
    for (const phrase of candidates) if (phrase.words.length > longest && phraseMatchesAt(tokens, i, phrase)) longest = phrase.words.length;
    if (longest === 0) {
      i++;
      continue;
    }
    const matched = candidates.filter((phrase) => phrase.words.length === longest && phraseMatchesAt(tokens, i, phrase));
    const last = i + longest - 1;
    const lastToken = tokens[last] ?? token;
    const seen = new Set<string>();
    // The words around the phrase, read once per window width and only for phrases with conditions on them.
    const around = new Map<number, Set<string>>();
    for (const phrase of matched) {
      let code = phrase.code;
      if (phrase.unlessNear.size > 0 || phrase.whenNear.length > 0 || phrase.onlyNear.size > 0) {
        const wordsAround = (afterOnly: boolean): Set<string> => {
          const key = afterOnly ? -phrase.window : phrase.window;
          let near = around.get(key);
          if (!near) {
            near = nearbyWords(tokens, i, last, phrase.window, afterOnly);
            around.set(key, near);
          }
          return near;
        };
        const near = wordsAround(false);
        if (intersects(phrase.unlessNear, near)) continue;
        if (phrase.onlyNear.size > 0 && !intersects(phrase.onlyNear, near)) continue;
        code = phrase.whenNear.find((s) => intersects(s.words, s.after ? wordsAround(true) : near))?.code ?? phrase.code;
      }
      if (seen.has(code.name)) continue;
      seen.add(code.name);
      found.push({
        sentence: sentence.index,
        firstToken: i,
        lastToken: last,
        start: token.start,
        end: lastToken.end,
        text: '',
        code,
        modality: modalityAt(tokens, i),
        passive: isPassiveAt(tokens, i),
      });
    }
    i = last + 1;
  }
  return found;
}

/** Finds every event predicate in the text, longest phrase first, with its modality and voice. */
export function findTriggers(doc: AnalysedText, lexicon: EventLexicon): TriggerMatch[] {
  return doc.sentences.flatMap((sentence) =>
    triggersInSentence(sentence, lexicon).map((match) => ({ ...match, text: doc.text.slice(match.start, match.end) })),
  );
}
