import type { AnalysedText } from '../text/types.ts';
import type { ActorDictionary } from './actor-dictionary.ts';
import type { CountryWord } from './types.ts';

/**
 * Country names and demonyms written in the text ("Syrian", "Yemeni", "the United States"), from the actor
 * dictionary's country list: capitalised as English writes them, acronyms ("US") only in capitals.
 */
export function findCountryWords(doc: AnalysedText, dictionary: ActorDictionary): CountryWord[] {
  const found: CountryWord[] = [];
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      const initial = first.text[0];
      if (!initial || initial === initial.toLowerCase()) continue;
      const phrases = dictionary.countries.get(first.text.toLowerCase());
      if (!phrases) continue;
      for (const phrase of phrases) {
        if (phrase.acronym && first.text !== first.text.toUpperCase()) continue;
        let ok = true;
        for (let k = 1; k < phrase.words.length && ok; k++) ok = tokens[i + k]?.text.toLowerCase() === phrase.words[k];
        if (!ok) continue;
        const last = tokens[i + phrase.words.length - 1]!;
        found.push({ start: first.start, end: last.end, country: phrase.country });
        i += phrase.words.length - 1;
        break;
      }
    }
  }
  return found;
}
