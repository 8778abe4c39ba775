import type { AnalysedText } from '../text/types.ts';
import type { DateMention } from './types.ts';

/** Dates named in the text, resolved against the article's date (past-biased). */
export function findDates(doc: AnalysedText, reference: string | null): DateMention[] {
  void doc; void reference;
  return [];
}
