import winkNLP, { type Tokens } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedText, Sentence, Token } from './types.ts';

/** One wink-nlp instance for the whole product: loading the model costs ~100 ms, so it is done once. */
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;
const BLANK = /^\s*$/;

/** A word opening with a printable ASCII character is not blank; others are asked of BLANK. */
function mayBeBlank(value: string): boolean {
  const code = value.charCodeAt(0);
  return !(code > 32 && code < 127);
}

/**
 * A word's lemma depends only on its spelling and its part of speech, and wink works it out afresh for every
 * token: the answers are remembered per part of speech, indexed by wink's number for the spelling, and
 * forgotten all at once when LEMMA_LIMIT of them are kept (kept by number, not by a string key as a general cache
 * such as src/bounded-memo.ts needs).
 */
const lemmas = new Map<string, string[]>();
const LEMMA_LIMIT = 200_000;
let lemmasKept = 0;

function lemmaOf(tokens: Tokens, index: number, spelling: number, pos: string): string {
  let known = lemmas.get(pos);
  if (!known) lemmas.set(pos, (known = []));
  const remembered = known[spelling];
  if (remembered !== undefined) return remembered;
  if (lemmasKept >= LEMMA_LIMIT) {
    lemmas.clear();
    lemmas.set(pos, (known = []));
    lemmasKept = 0;
  }
  lemmasKept++;
  return (known[spelling] = (tokens.itemAt(index).out(its.lemma as unknown as typeof its.normal) as string).toLowerCase());
}

/**
 * Splits text into sentences and tokens with character offsets into `text`.
 * Token properties are read from wink-nlp in bulk (one array per property), which is several times
 * faster than asking each token. wink reports no offsets, so they are recovered by walking the text in
 * order; this is exact because wink never reorders or drops the characters of a token.
 */
export function analyseText(text: string): AnalysedText {
  const doc = nlp.readDoc(text);
  const all = doc.tokens();
  const values = all.out() as string[];
  const normals = all.out(its.normal) as string[];
  const tags = all.out(its.pos) as string[];
  const spellings = all.out(its.uniqueId) as unknown as number[];

  const tokens: (Token | null)[] = new Array<Token | null>(values.length);
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // Line breaks are tokens in wink; they carry no meaning here. A token wink rewrote beyond recognition
    // is skipped rather than given a guessed offset.
    const start = mayBeBlank(value) && BLANK.test(value) ? -1 : text.indexOf(value, cursor);
    if (start < 0) {
      tokens[i] = null;
      continue;
    }
    cursor = start + value.length;
    tokens[i] = {
      text: value,
      normal: normals[i]!.toLowerCase(),
      pos: tags[i]!,
      lemma: lemmaOf(all, i, spellings[i]!, tags[i]!),
      start,
      end: cursor,
    };
  }

  // Each sentence as the indices of its first and last token.
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const sentences: Sentence[] = [];
  for (const [from, to] of spans) {
    const own: Token[] = [];
    for (let i = from; i <= to; i++) if (tokens[i]) own.push(tokens[i]!);
    const first = own[0];
    const last = own[own.length - 1];
    if (!first || !last) continue;
    sentences.push({ index: sentences.length, start: first.start, end: last.end, text: text.slice(first.start, last.end), tokens: own });
  }
  return { text, sentences };
}
