/**
 * The timeline's axis: every day of a stretch with events gets a slot, and a quiet gap longer than
 * GAP_DAYS becomes one narrow slot, so that 2016 and 2020 do not become two slivers at either end of an
 * empty axis. Pure: days in, slots out (web/src/timeline.ts draws them; test/web/text-spans.test.ts tests).
 */

/** A quiet stretch longer than this (days) is drawn as one break. */
export const GAP_DAYS = 30;

export interface Slot {
  /** The first calendar day (days since 1970) the slot stands for. */
  day: number;
  /** For a break: the last day it stands for; for a day slot, the day itself. */
  last: number;
  gap: boolean;
}

export function timeSlots(days: readonly number[]): Slot[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const slots: Slot[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const day = sorted[i]!;
    const previous = slots[slots.length - 1];
    if (previous) {
      const quiet = day - previous.last - 1;
      if (quiet > GAP_DAYS) slots.push({ day: previous.last + 1, last: day - 1, gap: true });
      else for (let d = previous.last + 1; d < day; d++) slots.push({ day: d, last: d, gap: false });
    }
    slots.push({ day, last: day, gap: false });
  }
  return slots;
}

/** The slot that holds a day (the nearest one before it when none does), or -1 before the first. */
export function slotOf(slots: readonly Slot[], day: number): number {
  let lo = 0, hi = slots.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (slots[mid]!.day <= day) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Events per day of a list of events: the histogram of what the filters show. */
export function countByDay(dates: readonly (string | null)[]): { date: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const date of dates) if (date) counts.set(date, (counts.get(date) ?? 0) + 1);
  return [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([date, count]) => ({ date, count }));
}
