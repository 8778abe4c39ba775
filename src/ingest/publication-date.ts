/**
 * The UTC day `year-month-day` (month from 0). Date.UTC reads years 0–99 as 1900–1999, which would turn a
 * written year 0050 into 1950: the year is set on its own so that it stays as written.
 */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(Date.UTC(2000, month, day));
  date.setUTCFullYear(year, month, day);
  return date;
}

/**
 * A publication date as written by a document (ISO date, ISO timestamp, RFC 822 as in RSS) to `YYYY-MM-DD`.
 * Returns null for an empty value and an error message for a value that is not a real date
 * ("2020-02-31"): a wrong date is refused, never guessed.
 */
export function publicationDate(value: unknown): { ok: true; date: string | null } | { ok: false; reason: string } {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return { ok: true, date: null };
  if (typeof value !== 'string') return { ok: false, reason: 'published must be a date string' };
  const text = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    const date = utcDay(Number(y), Number(m) - 1, Number(d));
    const day = `${y}-${m}-${d}`;
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) return { ok: false, reason: `published "${text.slice(0, 40)}" is not a calendar date` };
    return { ok: true, date: day };
  }
  // RFC 822 / RFC 2822 dates of RSS ("Sat, 09 May 2020 10:00:00 GMT"); the calendar day is taken as written.
  const rfc = /^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})\b/.exec(text);
  if (rfc) {
    const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const month = months.indexOf(rfc[2]!.toLowerCase());
    const dayOfMonth = Number(rfc[1]);
    const date = utcDay(Number(rfc[3]), month, dayOfMonth);
    if (month >= 0 && date.getUTCDate() === dayOfMonth) return { ok: true, date: date.toISOString().slice(0, 10) };
  }
  return { ok: false, reason: `published "${text.slice(0, 40)}" is not a date (expected YYYY-MM-DD, an ISO timestamp or an RSS date)` };
}
