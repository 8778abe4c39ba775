import winkNLP, { type ItemSentence, type ItemToken } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedText, Sentence, Token } from './types.ts';

/** One wink-nlp instance for the whole product: loading the model costs ~100 ms, so it is done once. */
const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

/**
 * Splits text into sentences and tokens with character offsets into `text`.
 * wink-nlp reports tokens without offsets, so offsets are recovered by walking the text in order,
 * which is exact because wink never reorders or drops non-space characters.
 */
export function analyseText(text: string): AnalysedText {
  const doc = nlp.readDoc(text);
  const sentences: Sentence[] = [];
  let cursor = 0;
  doc.sentences().each((sentence: ItemSentence) => {
    const tokens: Token[] = [];
    sentence.tokens().each((token: ItemToken) => {
      const value = token.out();
      if (value.trim() === '') return; // line breaks are tokens in wink; they carry no meaning here
      const start = text.indexOf(value, cursor);
      if (start < 0) return; // a token wink normalised beyond recognition: skip it rather than guess offsets
      const end = start + value.length;
      cursor = end;
      tokens.push({
        text: value,
        normal: (token.out(its.normal) as string).toLowerCase(),
        pos: token.out(its.pos) as string,
        lemma: String(token.out(its.lemma as unknown as typeof its.normal)).toLowerCase(),
        start,
        end,
      });
    });
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    if (!first || !last) return;
    sentences.push({
      index: sentences.length,
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      tokens,
    });
  });
  return { text, sentences };
}
