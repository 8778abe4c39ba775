import * as chrono from 'chrono-node';
import { BoundedMemo } from '../bounded-memo.ts';
import type { AnalysedText } from '../text/types.ts';
import type { DateMention } from './types.ts';

/**
 * Most sentences name no date; chrono is only asked about those that contain something date-like.
 * The test is deliberately loose ("may" the verb passes): it only saves work, it never decides. One word boundary
 * stands before all the alternatives: the same matches as one before each, a fifth faster.
 */
const DATE_LIKE = new RegExp(/\b(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|(?:yesterday|today|tonight|ago)\b|last\s+(?:night|week|weekend|month)\b|\d{4}-\d{2}-\d{2}\b|\d{1,2}\/\d{1,2}\/\d{2,4}\b)/.source, 'gi');

/**
 * chrono's cost grows with the length of what it reads, so it reads only the words around each
 * date-like match: enough for "on the night of 8 May 2020" or "last Sunday morning", no more.
 */
const CONTEXT_CHARS = 32;

/** Written dates ("9 May 2020", "May 9, 2020", "2020-05-09") need far less context than casual phrases. */
const STRICT_CONTEXT_CHARS = 12;

interface DateWindow {
  start: number;
  end: number;
  /** Where the date-like words inside the window begin and end. */
  first: number;
  last: number;
}

/** Widens [start, end) to `context` characters each side, cut at word boundaries. */
function around(text: string, start: number, end: number, context: number): { start: number; end: number } {
  let from = Math.max(0, start - context);
  let to = Math.min(text.length, end + context);
  while (from > 0 && /\S/.test(text[from - 1]!)) from--;
  while (to < text.length && /\S/.test(text[to]!)) to++;
  return { start: from, end: to };
}

/** Stretches of `text` around its date-like words, merged where they overlap, cut at word boundaries. */
function dateWindows(text: string): DateWindow[] {
  const windows: DateWindow[] = [];
  for (const match of text.matchAll(DATE_LIKE)) {
    const matchEnd = match.index + match[0].length;
    const { start, end } = around(text, match.index, matchEnd, CONTEXT_CHARS);
    const last = windows[windows.length - 1];
    if (last && start <= last.end) {
      last.end = Math.max(last.end, end);
      last.last = matchEnd;
    } else windows.push({ start, end, first: match.index, last: matchEnd });
  }
  return windows;
}

/** Words only chrono's casual parsers understand: weekdays and days counted from the article's date. */
const CASUAL = /day\b|\b(?:yesterday|today|tonight|ago|last|week|weekend)\b/i;

/** Phrases that name a span of days, not one day: ACLED precision 2 ("a specific week") or 3. */
const WEEK_LIKE = /\bweek(?:end)?\b/i;

const DAY_MS = 86_400_000;

/** The UTC calendar day of `date` as toISOString writes it, without building the whole timestamp for the years 0-9999. */
function isoDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (year < 0 || year > 9999) return date.toISOString().slice(0, 10);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function referenceDate(reference: string | null): Date | null {
  if (!reference) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(reference)?.[0];
  if (!day) return null;
  const date = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Resolves one chrono result to a calendar day the way a reader of past-tense news would:
 * - a bare weekday ("on Sunday") is the most recent such day on or before the article's date, never a future one;
 * - a day and month without a year ("on 3 May") is the most recent such date on or before the article's date;
 * - without an article date, only fully written dates ("9 May 2020") can be resolved; the rest stay unresolved.
 */
function resolve(result: chrono.ParsedResult, reference: Date | null): { date: string; precision: 1 | 2 | 3 } | null {
  const start = result.start;
  const certainDay = start.isCertain('day');
  const certainMonth = start.isCertain('month');
  const certainYear = start.isCertain('year');
  const weekday = start.isCertain('weekday') && !certainDay;
  if (!certainDay && !weekday && !certainMonth) return null; // a time of day alone ("at 10 pm") says nothing about the date
  // A month named alone is too often a word ("will march", "may"): it must come with its year.
  if (!certainDay && !weekday && !certainYear) return null;
  // Without an article date, "yesterday" has nothing to count from: only a date that writes its year is kept.
  if (!reference && !(certainMonth && /\b\d{4}\b/.test(result.text))) return null;

  let date = start.date();
  // chrono works in local time; take the calendar day it meant, not a shifted UTC instant.
  date = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate(), 12));
  if (reference) {
    if (weekday && date.getTime() > reference.getTime() + DAY_MS / 2) date = new Date(date.getTime() - 7 * DAY_MS);
    if (certainDay && !certainYear && date.getTime() > reference.getTime() + 2 * DAY_MS) {
      date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
    }
  }
  const precision: 1 | 2 | 3 = WEEK_LIKE.test(result.text) ? 2 : certainDay || weekday ? 1 : 3;
  return { date: isoDay(date), precision };
}

/**
 * chrono's English parsers without those that read times of day ("at 10 pm", "in the evening") or future spans
 * ("within 3 days", "two days later"): an event's day is all sitrep codes, and these parsers were most of
 * chrono's cost and the source of spurious second dates ("On 9 May 2020, in the evening" also gave the article's day).
 */
const UNUSED_PARSERS = new Set(['ENTimeExpressionParser', 'ENCasualTimeParser', 'ENTimeUnitWithinFormatParser', 'ENTimeUnitLaterFormatParser', 'ENEndOfCurrentMonthParser']);
const withoutTimes = (configured: chrono.Chrono): chrono.Chrono =>
  new chrono.Chrono({ parsers: configured.parsers.filter((p) => !UNUSED_PARSERS.has(p.constructor.name)), refiners: configured.refiners });
const casualParser = withoutTimes(chrono.casual);
const strictParser = withoutTimes(chrono.strict);

/** A date chrono found in a window, resolved: where it is in the window, its words, its day and precision. */
export interface WindowDate {
  index: number;
  text: string;
  date: string;
  precision: 1 | 2 | 3;
}

/**
 * The dates of a window depend only on its words and the reference day, and the same short stretches ("On 9 May
 * 2020, in", "on Sunday, the") recur across the reports of a day: they are kept, resolved, boundedly.
 */
const parsed = new BoundedMemo<string, WindowDate[]>(20_000);

/** The full English month names, by their number from 0. */
const MONTHS = new Map(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
  .map((name, index) => [name, index]));

/** A day, a full month name and a year, one space apart (a comma may follow the month): "9 May 2020", "9 May, 2020". */
const DAY_MONTH_YEAR = /(?<!\w)(\d{1,2}) ([A-Za-z]{3,9}),? ([12]\d{3})(?!\w)/;

/**
 * What chrono's strict parsers and refiners could read beside such a date, so that its answer would differ from the
 * date alone: other figures (but for a count after a comma, "9 May 2020, 12 people"), the start of a month or weekday
 * name or of "week" (chrono also reads "Sun", "Sept."), an ordinal and a word that make the date the end of a range
 * ("eighth to 9 May"), a year's era ("2020 AD") and a time zone ("9 May 2020 CET").
 */
const FIGURE = /\d/;
const COUNT_AFTER = /^, \d{1,3} [A-Za-z][^\d]*$/;
const OTHER_DATE_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat|week)/i;
const RANGE_BEFORE = /(?:st|nd|rd|th)\s{0,3}(?:to|-|\u2013|until|through|till)\s{0,3}$/i;
const ERA_AFTER = /^\s{0,2}(?:bce?|be|ad|ce)(?!\w)/i;
const ZONE_AFTER = /^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$)/;
/** chrono counts a preceding "on" into the date's words, when it stands as a word. */
const ON_BEFORE = /(?:^|\W)(on\s{0,3})$/i;

/**
 * Whether chrono reads an upper-case word after a date as its time zone ("CET" is, "LNA" is not): asked of chrono
 * once per word, as its list of zones is not exported.
 */
const zones = new BoundedMemo<string, boolean>(2_000);
function isTimeZone(word: string): boolean {
  let known = zones.get(word);
  if (known === undefined) {
    const probe = `1 January 2000 ${word}`;
    known = strictParser.parse(probe, new Date(Date.UTC(2000, 0, 1, 12)))[0]?.text !== '1 January 2000';
    zones.set(word, known);
  }
  return known;
}

/**
 * The date of a window that writes one date in full and nothing else a date could be made of ("On 9 May 2020, in"),
 * read without chrono: what chrono answers for such a window, found at a fraction of its cost (the first sentence
 * of most reports has one). Null when the window is anything else, for chrono to read; test/mentions/find-dates.test.ts
 * holds this to chrono's answer.
 */
export function writtenDate(words: string): WindowDate[] | null {
  const match = DAY_MONTH_YEAR.exec(words);
  if (!match) return null;
  const month = MONTHS.get(match[2]!.toLowerCase());
  if (month === undefined) return null;
  const before = words.slice(0, match.index);
  const after = words.slice(match.index + match[0].length);
  if (FIGURE.test(before) || (FIGURE.test(after) && !COUNT_AFTER.test(after))) return null;
  if (OTHER_DATE_WORD.test(before) || OTHER_DATE_WORD.test(after) || RANGE_BEFORE.test(before) || ERA_AFTER.test(after)) return null;
  const zone = ZONE_AFTER.exec(after)?.[1];
  if (zone !== undefined && isTimeZone(zone)) return null;
  const day = Number(match[1]);
  const date = new Date(Date.UTC(Number(match[3]), month, day, 12));
  if (date.getUTCDate() !== day) return null; // "31 February" or "0 May" is no date to chrono either
  const index = match.index - (ON_BEFORE.exec(before)?.[1]!.length ?? 0);
  return [{ index, text: words.slice(index, match.index + match[0].length), date: isoDay(date), precision: 1 }];
}

/** What chrono finds in a window, resolved against the reference day. */
export function chronoDates(words: string, casual: boolean, chronoRef: Date, ref: Date | null): WindowDate[] {
  const dates: WindowDate[] = [];
  for (const result of (casual ? casualParser : strictParser).parse(words, chronoRef)) {
    const resolved = resolve(result, ref);
    if (resolved) dates.push({ index: result.index, text: result.text, ...resolved });
  }
  return dates;
}

function datesIn(words: string, casual: boolean, chronoRef: Date, ref: Date | null): WindowDate[] {
  if (!casual) {
    const written = writtenDate(words);
    if (written) return written;
  }
  const key = `${casual ? 'c' : 's'}${ref ? 'd' : 'u'}${chronoRef.getTime()}|${words}`;
  const known = parsed.get(key);
  if (known) return known;
  const dates = chronoDates(words, casual, chronoRef, ref);
  parsed.set(key, dates);
  return dates;
}

/** Dates named in the text, resolved against the article's date (past-biased), in text order. */
export function findDates(doc: AnalysedText, reference: string | null): DateMention[] {
  const ref = referenceDate(reference);
  // chrono needs some reference; without one only dates that carry their own year survive `resolve`.
  const chronoRef = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const found: DateMention[] = [];
  for (const sentence of doc.sentences) {
    for (const wide of dateWindows(sentence.text)) {
      const casual = CASUAL.test(sentence.text.slice(wide.start, wide.end));
      // Written dates need only chrono's strict parsers, which are twice as fast as the casual set, and only
      // the words next to them.
      const window = casual ? wide : around(sentence.text, wide.first, wide.last, STRICT_CONTEXT_CHARS);
      const words = sentence.text.slice(window.start, window.end);
      // A month name with no number near it ("troops may advance", "in March") cannot give a day or a
      // year, so it can give nothing `resolve` keeps.
      if (!casual && !/\d/.test(words)) continue;
      for (const date of datesIn(words, casual, chronoRef, ref)) {
        const start = sentence.start + window.start + date.index;
        found.push({ kind: 'date', start, end: start + date.text.length, text: date.text, sentence: sentence.index, date: date.date, precision: date.precision });
      }
    }
  }
  return found;
}
