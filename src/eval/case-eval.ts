import { readFileSync } from 'node:fs';
import { codeArticle, defaultResources } from '../pipeline.ts';
import type { CodedEvent } from '../events/event-schema.ts';
import { scoreClassification, type LabelScore } from './weighted-f1.ts';

/** CASE 2021 task 2 labels that are ACLED sub-types (../shared/data/case2021/README.md), by their ACLED name. */
export const CASE_ACLED_LABELS: Readonly<Record<string, string>> = {
  ARMED_CLASH: 'Armed clash',
  GOV_REGAINS_TERIT: 'Government regains territory',
  NON_STATE_ACTOR_OVERTAKES_TER: 'Non-state actor overtakes territory',
  CHEM_WEAP: 'Chemical weapon',
  AIR_STRIKE: 'Air/drone strike',
  SUIC_BOMB: 'Suicide bomb',
  ART_MISS_ATTACK: 'Shelling/artillery/missile attack',
  REM_EXPLOS: 'Remote explosive/landmine/IED',
  GRENADE: 'Grenade',
  SEX_VIOL: 'Sexual violence',
  ATTACK: 'Attack',
  ABDUCT_DISSAP: 'Abduction/forced disappearance',
  PEACE_PROTEST: 'Peaceful protest',
  PROTEST_WITH_INTER: 'Protest with intervention',
  FORCE_AGAINST_PROTEST: 'Excessive force against protesters',
  VIOL_DEMONSTR: 'Violent demonstration',
  MOB_VIOL: 'Mob violence',
  AGREEMENT: 'Agreement',
  ARREST: 'Arrests',
  CHANGE_TO_GROUP_ACT: 'Change to group/activity',
  DISR_WEAP: 'Disrupted weapons use',
  HQ_ESTABLISHED: 'Headquarters or base established',
  PROPERTY_DISTRUCT: 'Looting/property destruction',
  NON_VIOL_TERRIT_TRANSFER: 'Non-violent transfer of territory',
  OTHER: 'Other',
};

/** The labels whose right answer is no ACLED event at all. */
export const CASE_NON_ACLED_LABELS: ReadonlySet<string> = new Set(['MAN_MADE_DISASTER', 'NATURAL_DISASTER', 'ORG_CRIME', 'DIPLO', 'ATTRIB']);

/** What the coder said when it coded no ACLED event. */
export const NO_ACLED_EVENT = '(no ACLED event)';

const LABEL_OF_SUB_TYPE = new Map(Object.entries(CASE_ACLED_LABELS).map(([label, subType]) => [subType, label]));

export interface CaseRow {
  line: number;
  id: string;
  snippet: string;
  label: string;
}

export interface CaseFigures {
  n: number;
  sub_event_type: number;
  weighted_f1: number;
  non_acled_rejected: number;
  no_event: number;
}

export interface CaseReport {
  figures: CaseFigures;
  labels: LabelScore[];
  confusions: { gold: string; coded: string; count: number }[];
}

/** Reads the tab-separated gold file (`id`, `EventSnippet`, `SubType`); a malformed line is an error naming it. */
export function readCaseRows(file: string, text: string = readFileSync(file, 'utf8')): CaseRow[] {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '').split('\t');
  const column = (name: string): number => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${file}:1: missing column "${name}"`);
    return at;
  };
  const [idAt, snippetAt, labelAt] = [column('id'), column('EventSnippet'), column('SubType')];
  const rows: CaseRow[] = [];
  lines.slice(1).forEach((line, index) => {
    if (line.trim() === '') return;
    const cells = line.split('\t');
    const at = index + 2;
    if (cells.length !== header.length) throw new Error(`${file}:${at}: expected ${header.length} tab-separated fields, found ${cells.length}`);
    const label = cells[labelAt]!.trim();
    if (!(label in CASE_ACLED_LABELS) && !CASE_NON_ACLED_LABELS.has(label)) throw new Error(`${file}:${at}: field SubType: unknown label "${label}"`);
    rows.push({ line: at, id: cells[idAt]!, snippet: cells[snippetAt]!, label });
  });
  return rows;
}

/** The CASE label of the first event that has an ACLED sub-type, or NO_ACLED_EVENT. */
export function caseLabelOf(events: readonly CodedEvent[]): string {
  for (const event of events) {
    const label = event.sub_event_type ? LABEL_OF_SUB_TYPE.get(event.sub_event_type) : undefined;
    if (label) return label;
  }
  return NO_ACLED_EVENT;
}

/**
 * Scores coded labels against gold ones. "No ACLED event" is the right answer for each of the five non-ACLED
 * labels, so it is scored as that row's own label; the weighted F1 runs over all 30 gold labels.
 */
export function scoreCase(pairs: readonly { gold: string; coded: string }[]): CaseReport {
  const acledRows = pairs.filter((p) => !CASE_NON_ACLED_LABELS.has(p.gold));
  const otherRows = pairs.filter((p) => CASE_NON_ACLED_LABELS.has(p.gold));
  const share = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count / of) * 1000) / 1000);
  const scored = scoreClassification(pairs.map((p) => ({
    gold: p.gold,
    predicted: p.coded === NO_ACLED_EVENT && CASE_NON_ACLED_LABELS.has(p.gold) ? p.gold : p.coded,
  })));
  const counts = new Map<string, number>();
  for (const p of pairs) {
    const rightAnswer = p.gold === p.coded || (p.coded === NO_ACLED_EVENT && CASE_NON_ACLED_LABELS.has(p.gold));
    if (rightAnswer) continue;
    const key = `${p.gold}\u0000${p.coded}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const confusions = [...counts.entries()].map(([key, count]) => {
    const [gold = '', coded = ''] = key.split('\u0000');
    return { gold, coded, count };
  }).sort((a, b) => b.count - a.count || a.gold.localeCompare(b.gold));
  return {
    figures: {
      n: pairs.length,
      sub_event_type: share(acledRows.filter((p) => p.gold === p.coded).length, acledRows.length),
      weighted_f1: Math.round(scored.weightedF1 * 1000) / 1000,
      non_acled_rejected: share(otherRows.filter((p) => p.coded === NO_ACLED_EVENT).length, otherRows.length),
      no_event: share(acledRows.filter((p) => p.coded === NO_ACLED_EVENT).length, acledRows.length),
    },
    labels: scored.labels,
    confusions,
  };
}

/** Codes each snippet alone (no title, date or source) and scores the first ACLED-typed event against the gold label. */
export function evaluateCase(file: string, options: { limit?: number } = {}): CaseReport & { coded: { row: CaseRow; coded: string }[] } {
  const rows = readCaseRows(file).slice(0, options.limit);
  const resources = defaultResources();
  const coded = rows.map((row) => ({
    row,
    coded: caseLabelOf(codeArticle({ id: `case-${row.id}`, origin: `${file}:${row.line}`, title: null, text: row.snippet, url: null, source: null, published: null, byline: null }, resources)),
  }));
  return { ...scoreCase(coded.map((c) => ({ gold: c.row.label, coded: c.coded }))), coded };
}

export function formatCaseReport(report: CaseReport): string {
  const f = report.figures;
  const pct = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const lines = [
    `CASE 2021 evaluation: ${f.n} news snippets coded alone (data: CASE 2021 shared task 2)`,
    '',
    `  sub_event_type accuracy   ${pct(f.sub_event_type)}  (rows with an ACLED label)`,
    `  weighted F1 (30 labels)   ${f.weighted_f1.toFixed(3)}`,
    `  non-ACLED rejected        ${pct(f.non_acled_rejected)}  (accidents, disasters, crime, diplomacy, attribution left without an ACLED event)`,
    `  no event produced         ${pct(f.no_event)}  (of rows with an ACLED label)`,
    '',
    'Worst confusions (gold → coded):',
    ...report.confusions.slice(0, 20).map((c) => `  ${String(c.count).padStart(4)}  ${c.gold} → ${c.coded}`),
    '',
    'Weakest labels (F1, support):',
    ...[...report.labels].sort((a, b) => a.f1 - b.f1).slice(0, 10).map((l) => `  ${l.f1.toFixed(2)}  ${String(l.support).padStart(3)}  ${l.label}`),
  ];
  return `${lines.join('\n')}\n`;
}
