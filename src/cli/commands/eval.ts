import type { Command } from 'commander';
import type { EvalOptions } from '../actions/eval.ts';
import { oneOf } from '../shared/options.ts';

/** The gold data sets the `eval` command knows (actions/eval.ts says how to measure against each). */
export const EVAL_DATASETS = ['acled', 'case2021', 'places', 'plover'] as const;
export type EvalDataset = (typeof EVAL_DATASETS)[number];

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure coding accuracy against gold data')
    .argument('<dataset>', `which gold data set: ${EVAL_DATASETS.map((d) => `"${d}"`).join(', ')}`, oneOf('<dataset>', EVAL_DATASETS))
    .argument('<file>', 'the gold file (acled: ACLED CSV export with notes; case2021: CASE 2021 task 2 TSV; places: JSON of sentences with gold place mentions, as test/fixtures/place-mentions.json; plover: PLOVER gold JSONL, one sentence a line)')
    .option('--json', 'print the figures as one JSON object')
    .option('--limit <n>', 'only the first n rows', (v) => Number.parseInt(v, 10))
    .action(async (dataset: EvalDataset, file: string, options: EvalOptions) => (await import('../actions/eval.ts')).evaluate(dataset, file, options));
}
