/** One token with its character offsets in the article text. */
export interface Token {
  text: string;
  /** Lower-cased normal form used by dictionaries and lexicons. */
  normal: string;
  /** Universal POS tag from wink-nlp (NOUN, VERB, PROPN, ADP, PUNCT, ...). */
  pos: string;
  /** Lemma for verbs and nouns ("captured" → "capture"). */
  lemma: string;
  start: number;
  end: number;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  tokens: Token[];
}

/** The output of the text stage: the article text split into sentences and tokens. */
export interface AnalysedText {
  text: string;
  sentences: Sentence[];
}
