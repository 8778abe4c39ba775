import type { EventDate } from './types.ts';
import type { DateMention } from '../mentions/types.ts';

/**
 * The date of an event reported in `sentence`:
 * 1. the first date named in that sentence;
 * 2. else the last date named before it (news tells a story forwards: "On Sunday ... Later, ...");
 * 3. else the article's publication day, with precision 2, because the report only bounds the event ("by then");
 * 4. else undated: no date is ever invented.
 */
export function dateForSentence(sentence: number, dates: DateMention[], published: string | null): EventDate {
  const own = dates.find((d) => d.sentence === sentence);
  const earlier = own ?? dates.filter((d) => d.sentence < sentence).at(-1);
  if (earlier) return { date: earlier.date, precision: earlier.precision, span: { start: earlier.start, end: earlier.end, text: earlier.text } };
  const day = published ? /^\d{4}-\d{2}-\d{2}/.exec(published)?.[0] ?? null : null;
  return day ? { date: day, precision: 2, span: null } : { date: null, precision: null, span: null };
}
