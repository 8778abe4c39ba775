import * as chrono from 'chrono-node';
import type { AnalysedText } from '../text/types.ts';
import type { DateMention } from './types.ts';

/**
 * Most sentences name no date; chrono is only asked about those that contain something date-like.
 * The test is deliberately loose ("may" the verb passes): it only saves work, it never decides.
 */
const DATE_LIKE = new RegExp(/\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:yesterday|today|tonight|ago)\b|\blast\s+(?:night|week|weekend|month)\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.source, 'gi');

/**
 * chrono's cost grows with the length of what it reads, so it reads only the words around each
 * date-like match: enough for "on the night of 8 May 2020" or "last Sunday morning", no more.
 */
const CONTEXT_CHARS = 32;

/** Stretches of `text` around its date-like words, merged where they overlap, cut at word boundaries. */
function dateWindows(text: string): { start: number; end: number }[] {
  const windows: { start: number; end: number }[] = [];
  for (const match of text.matchAll(DATE_LIKE)) {
    let start = Math.max(0, match.index - CONTEXT_CHARS);
    let end = Math.min(text.length, match.index + match[0].length + CONTEXT_CHARS);
    while (start > 0 && /\S/.test(text[start - 1]!)) start--;
    while (end < text.length && /\S/.test(text[end]!)) end++;
    const last = windows[windows.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** Words only chrono's casual parsers understand: weekdays and days counted from the article's date. */
const CASUAL = /day\b|\b(?:yesterday|today|tonight|ago|last|week|weekend)\b/i;

/** Phrases that name a span of days, not one day: ACLED precision 2 ("a specific week") or 3. */
const WEEK_LIKE = /\bweek(?:end)?\b/i;

const DAY_MS = 86_400_000;

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
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

/** Dates named in the text, resolved against the article's date (past-biased), in text order. */
export function findDates(doc: AnalysedText, reference: string | null): DateMention[] {
  const ref = referenceDate(reference);
  // chrono needs some reference; without one only dates that carry their own year survive `resolve`.
  const chronoRef = ref ?? new Date(Date.UTC(2000, 0, 1, 12));
  const found: DateMention[] = [];
  for (const sentence of doc.sentences) {
    for (const window of dateWindows(sentence.text)) {
      const words = sentence.text.slice(window.start, window.end);
      const casual = CASUAL.test(words);
      // A month name with no number near it ("troops may advance", "in March") cannot give a day or a
      // year, so it can give nothing `resolve` keeps.
      if (!casual && !/\d/.test(words)) continue;
      // Written dates need only chrono's strict parsers, which are twice as fast as the casual set.
      const parser = casual ? chrono.casual : chrono.strict;
      for (const result of parser.parse(words, chronoRef)) {
      const resolved = resolve(result, ref);
      if (!resolved) continue;
      const start = sentence.start + window.start + result.index;
      found.push({
        kind: 'date',
        start,
        end: start + result.text.length,
        text: result.text,
        sentence: sentence.index,
        ...resolved,
      });
      }
    }
  }
  return found;
}
