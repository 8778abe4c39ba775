import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { codeArticle } from '../pipeline.ts';
import type { CodedEvent } from '../events/event-schema.ts';
import { distanceKm } from '../gazetteer/distance.ts';
import { CoverageTally, type CoverageFigures } from '../gazetteer/coverage.ts';
import { openGazetteer } from '../gazetteer/open-gazetteer.ts';

/** The gold columns the evaluation reads; every other column of the ACLED export is ignored. */
const GoldRow = z.object({
  event_id_cnty: z.string(),
  event_date: z.string(),
  event_type: z.string(),
  sub_event_type: z.string(),
  inter1: z.coerce.number().int(),
  inter2: z.coerce.number().int(),
  latitude: z.coerce.number(),
  longitude: z.coerce.number(),
  location: z.string(),
  notes: z.string(),
  fatalities: z.coerce.number().int(),
});
type GoldRow = z.infer<typeof GoldRow>;

export interface EvalFigures {
  n: number;
  event_type: number;
  sub_event_type: number;
  inter1: number;
  inter2: number;
  fatalities: number;
  event_date: number;
  within_10km: number;
  within_50km: number;
  median_km: number;
  no_event: number;
}

export interface EvalReport {
  figures: EvalFigures;
  /** Most frequent (gold → coded) disagreements, to show where the coder goes wrong. */
  confusions: { field: string; gold: string; coded: string; count: number }[];
  skipped: { line: number; reason: string }[];
  /** Whether the gold places are in the gazetteer at all, and how often the known ones are still missed. */
  gazetteer?: CoverageFigures;
}

const MONTHS: Record<string, string> = {
  Jan: '01', Feb: '02', Mar: '03', Apr: '04', May: '05', Jun: '06', Jul: '07', Aug: '08', Sep: '09', Oct: '10', Nov: '11', Dec: '12',
};

/** ACLED exports write dates as "9-May-20"; sitrep writes ISO dates. */
export function acledDateToIso(value: string): string | null {
  const match = /^(\d{1,2})-([A-Z][a-z]{2})-(\d{2})$/.exec(value.trim());
  if (match) {
    const [, day, month, year] = match;
    const mm = MONTHS[month ?? ''];
    return mm ? `20${year}-${mm}-${(day ?? '').padStart(2, '0')}` : null;
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : null;
}

/** The coder's primary event for a short summary: the first ACLED event it reports (PLOVER-only events have no ACLED type to compare). */
function primaryEvent(events: CodedEvent[]): CodedEvent | undefined {
  return events.find((e) => e.event_type !== null);
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function* goldRows(file: string, limit: number | undefined): AsyncGenerator<{ line: number; row: GoldRow } | { line: number; error: string }> {
  const parser = createReadStream(file).pipe(parse({ columns: true, skip_empty_lines: true, relax_column_count: false, info: true }));
  let count = 0;
  for await (const record of parser as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    if (limit !== undefined && count >= limit) break;
    count++;
    const parsed = GoldRow.safeParse(record.record);
    if (parsed.success) yield { line: record.info.lines, row: parsed.data };
    else {
      const issue = parsed.error.issues[0];
      yield { line: record.info.lines, error: `${file}:${record.info.lines}: field ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}` };
    }
  }
}

/** Codes each row's `notes` alone (no other column is input) and compares the primary event with the gold fields. */
export async function evaluateAcled(file: string, options: { limit?: number } = {}): Promise<EvalReport> {
  let n = 0;
  const hits = { event_type: 0, sub_event_type: 0, inter1: 0, inter2: 0, fatalities: 0, event_date: 0, within_10km: 0, within_50km: 0, no_event: 0 };
  const errors: number[] = [];
  const confusionCounts = new Map<string, number>();
  const skipped: { line: number; reason: string }[] = [];
  const coverage = new CoverageTally(openGazetteer());
  const confuse = (field: string, gold: string, coded: string): void => {
    const key = `${field}\u0000${gold}\u0000${coded}`;
    confusionCounts.set(key, (confusionCounts.get(key) ?? 0) + 1);
  };

  for await (const item of goldRows(file, options.limit)) {
    if ('error' in item) {
      skipped.push({ line: item.line, reason: item.error });
      continue;
    }
    const { row } = item;
    n++;
    const events = codeArticle({
      id: row.event_id_cnty, origin: `${file}:${item.line}`, title: null, text: row.notes,
      url: null, source: null, published: null, byline: null,
    });
    const event = primaryEvent(events);
    coverage.add(row, event ?? null);
    if (!event) {
      hits.no_event++;
      if (row.fatalities === 0) hits.fatalities++;
      if (row.inter2 === 0) hits.inter2++;
      confuse('event_type', row.event_type, '(none)');
      continue;
    }
    if (event.event_type === row.event_type) hits.event_type++;
    else confuse('event_type', row.event_type, event.event_type ?? '(none)');
    if (event.sub_event_type === row.sub_event_type) hits.sub_event_type++;
    else confuse('sub_event_type', row.sub_event_type, event.sub_event_type ?? '(none)');
    if (event.inter1 === row.inter1) hits.inter1++;
    else confuse('inter1', String(row.inter1), String(event.inter1));
    if (event.inter2 === row.inter2) hits.inter2++;
    else confuse('inter2', String(row.inter2), String(event.inter2));
    if (event.fatalities === row.fatalities) hits.fatalities++;
    if (event.event_date !== null && event.event_date === acledDateToIso(row.event_date)) hits.event_date++;
    if (event.latitude !== null && event.longitude !== null) {
      const km = distanceKm(event.latitude, event.longitude, row.latitude, row.longitude);
      errors.push(km);
      if (km <= 10) hits.within_10km++;
      if (km <= 50) hits.within_50km++;
    }
  }
  const share = (count: number): number => (n === 0 ? 0 : Math.round((count / n) * 1000) / 1000);
  const confusions = [...confusionCounts.entries()]
    .map(([key, count]) => {
      const [field = '', gold = '', coded = ''] = key.split('\u0000');
      return { field, gold, coded, count };
    })
    .sort((a, b) => b.count - a.count)
    .slice(0, 25);
  const med = median(errors);
  return {
    figures: {
      n,
      event_type: share(hits.event_type),
      sub_event_type: share(hits.sub_event_type),
      inter1: share(hits.inter1),
      inter2: share(hits.inter2),
      fatalities: share(hits.fatalities),
      event_date: share(hits.event_date),
      within_10km: share(hits.within_10km),
      within_50km: share(hits.within_50km),
      median_km: Number.isNaN(med) ? -1 : Math.round(med * 10) / 10,
      no_event: share(hits.no_event),
    },
    confusions,
    skipped,
    gazetteer: coverage.figures(),
  };
}

export function formatEvalReport(report: EvalReport): string {
  const f = report.figures;
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `ACLED evaluation: ${f.n} events coded from their notes alone (data: ACLED, acleddata.com)`,
    '',
    `  event_type accuracy       ${pct(f.event_type)}`,
    `  sub_event_type accuracy   ${pct(f.sub_event_type)}`,
    `  inter1 accuracy           ${pct(f.inter1)}`,
    `  inter2 accuracy           ${pct(f.inter2)}`,
    `  fatalities exact match    ${pct(f.fatalities)}`,
    `  event_date exact match    ${pct(f.event_date)}`,
    `  located within 10 km      ${pct(f.within_10km)}`,
    `  located within 50 km      ${pct(f.within_50km)}`,
    `  median location error     ${f.median_km < 0 ? 'n/a' : `${f.median_km} km`}`,
    `  no event produced         ${pct(f.no_event)}`,
    ...(report.gazetteer ? [
      `  gold places in gazetteer  ${pct(report.gazetteer.coverage)}  (a place of the gold name within 10 km of the gold point)`,
      `  wrong choice when known   ${pct(report.gazetteer.wrongChoice)}  (of those, coded more than 10 km away)`,
    ] : []),
    '',
    'Most frequent disagreements (gold → coded):',
    ...report.confusions.map((c) => `  ${String(c.count).padStart(4)}  ${c.field}: ${c.gold} → ${c.coded}`),
  ];
  if (report.skipped.length > 0) {
    lines.push('', `Skipped ${report.skipped.length} malformed rows:`, ...report.skipped.slice(0, 10).map((s) => `  ${s.reason}`));
  }
  return `${lines.join('\n')}\n`;
}
