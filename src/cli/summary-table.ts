import type { CodedEvent } from '../events/event-schema.ts';

const COLUMNS: { title: string; width: number; value: (e: CodedEvent) => string }[] = [
  { title: 'date', width: 10, value: (e) => e.event_date ?? 'undated' },
  // A PLOVER-only event has no ACLED type: its PLOVER category and mode stand in.
  { title: 'type', width: 34, value: (e) => (e.event_type ? `${e.event_type} / ${e.sub_event_type}` : `PLOVER ${e.plover_event}${e.mode ? ` / ${e.mode}` : ''}`) },
  { title: 'actor1', width: 28, value: (e) => e.actor1 ?? '' },
  { title: 'actor2', width: 28, value: (e) => e.actor2 ?? '' },
  { title: 'location', width: 22, value: (e) => (e.location ? `${e.location}${e.geo_precision ? ` (p${e.geo_precision})` : ''}` : '') },
  { title: 'dead', width: 5, value: (e) => (e.fatalities_basis === 'vague' ? `~${e.fatalities}` : String(e.fatalities)) },
  { title: 'claimant', width: 18, value: (e) => e.claimant ?? '' },
];

/** Article text is hostile: control characters (terminal escapes) never reach the terminal. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ');
}

function cell(text: string, width: number): string {
  const clean = printable(text);
  return clean.length > width ? `${clean.slice(0, width - 1)}…` : clean.padEnd(width);
}

/** A plain-text table of events, one line each, for a terminal. */
export function summaryTable(events: CodedEvent[]): string {
  const header = COLUMNS.map((c) => cell(c.title, c.width)).join('  ');
  const rule = COLUMNS.map((c) => '-'.repeat(c.width)).join('  ');
  const rows = events.map((e) => COLUMNS.map((c) => cell(c.value(e), c.width)).join('  '));
  return [header, rule, ...rows].map((line) => line.trimEnd()).join('\n') + '\n';
}
