import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PLOVER_EVENT_TYPES, type PloverEventType } from '../events/event-schema.ts';
import { codeArticle, defaultResources } from '../pipeline.ts';

/** The gold fields the evaluation reads from each JSONL line; the rest (actors, contexts, ...) is ignored. */
const GoldLine = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  gold_event: z.enum(PLOVER_EVENT_TYPES),
});

/** The date every sentence is treated as published on: the gold sentences carry none. */
export const EVAL_DATE = '2000-01-01';

export interface ClassFigures { n: number; recall: number; precision: number }

/** Exactly the keys `sitrep eval plover --json` prints. */
export interface PloverEvalFigures {
  n: number;
  /** Share of all sentences whose first event has the gold category (no event counts as wrong). */
  plover_event: number;
  /** Share of sentences with no event at all. */
  no_event: number;
  per_class: Record<string, ClassFigures>;
}

export interface PloverEvalReport {
  figures: PloverEvalFigures;
  confusions: { gold: string; coded: string; count: number }[];
}

/** One sentence's outcome: its gold category and the category of the first coded event (null: none). */
export interface PloverOutcome { gold: PloverEventType; coded: PloverEventType | null }

const round = (value: number): number => Math.round(value * 1000) / 1000;

/**
 * Accuracy, no-event share and per-category recall (hits / gold sentences of the category) and precision
 * (hits / sentences coded as the category; 0 when never coded). Every category with a gold sentence or a
 * coded one is listed, so a category coded only wrongly shows its precision of 0.
 */
export function ploverFigures(outcomes: readonly PloverOutcome[]): PloverEvalReport {
  const gold = new Map<string, number>();
  const coded = new Map<string, number>();
  const hits = new Map<string, number>();
  const confusions = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string): void => {
    map.set(key, (map.get(key) ?? 0) + 1);
  };
  let correct = 0;
  let none = 0;
  for (const { gold: g, coded: c } of outcomes) {
    bump(gold, g);
    if (c === null) none++;
    else bump(coded, c);
    if (c === g) {
      correct++;
      bump(hits, g);
    } else bump(confusions, `${g}\u0000${c ?? '(none)'}`);
  }
  const per_class: Record<string, ClassFigures> = {};
  for (const category of PLOVER_EVENT_TYPES) {
    const n = gold.get(category) ?? 0;
    const predicted = coded.get(category) ?? 0;
    if (n === 0 && predicted === 0) continue;
    const hit = hits.get(category) ?? 0;
    per_class[category] = { n, recall: n ? round(hit / n) : 0, precision: predicted ? round(hit / predicted) : 0 };
  }
  const total = outcomes.length;
  return {
    figures: { n: total, plover_event: total ? round(correct / total) : 0, no_event: total ? round(none / total) : 0, per_class },
    confusions: [...confusions.entries()]
      .map(([key, count]) => {
        const [g, c] = key.split('\u0000');
        return { gold: g!, coded: c!, count };
      })
      .sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold) || a.coded.localeCompare(b.coded)),
  };
}

/** Reads the gold JSONL; a bad line is an error naming the file, the line and the field. */
export function readPloverGold(file: string): z.infer<typeof GoldLine>[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const rows: z.infer<typeof GoldLine>[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${index + 1}: not JSON (${(error as Error).message})`);
    }
    const parsed = GoldLine.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`${file}:${index + 1}: field ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}`);
    }
    rows.push(parsed.data);
  });
  return rows;
}

/** Codes each gold sentence alone, dated 2000-01-01, and compares its first event's PLOVER category with the gold one. */
export function evaluatePlover(file: string, options: { limit?: number } = {}): PloverEvalReport {
  const resources = defaultResources();
  const rows = readPloverGold(file).slice(0, options.limit);
  const outcomes = rows.map((row, index): PloverOutcome => {
    const events = codeArticle({
      id: row.id, origin: `${file}:${index + 1}`, title: null, text: row.text,
      url: null, source: null, published: EVAL_DATE, byline: null,
    }, resources);
    return { gold: row.gold_event, coded: events[0]?.plover_event ?? null };
  });
  return ploverFigures(outcomes);
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

export function formatPloverReport(report: PloverEvalReport): string {
  const { figures } = report;
  const lines = [
    `PLOVER evaluation: ${figures.n} sentences`,
    `  plover_event accuracy     ${pct(figures.plover_event)}`,
    `  no event                  ${pct(figures.no_event)}`,
    '  per category                n  recall  precision',
    ...Object.entries(figures.per_class).map(([category, f]) =>
      `    ${category.padEnd(22)}${String(f.n).padStart(5)}  ${pct(f.recall).padStart(6)}  ${pct(f.precision).padStart(9)}`),
    '  most frequent confusions (gold → coded)',
    ...report.confusions.slice(0, 10).map((c) => `    ${c.gold} → ${c.coded}: ${c.count}`),
  ];
  return `${lines.join('\n')}\n`;
}
