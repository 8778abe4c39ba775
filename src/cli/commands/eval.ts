import type { Command } from 'commander';
import { evaluateAcled, formatEvalReport } from '../../eval/acled-eval.ts';
import { evaluateCase, formatCaseReport } from '../../eval/case-eval.ts';
import { evaluatePlover, formatPloverReport } from '../../eval/plover-eval.ts';
import { evaluatePlaceMentions } from '../../eval/place-mentions-eval.ts';

/** Each gold data set the `eval` command knows, and how to measure against it. */
const DATASETS: Record<string, (file: string, options: { json?: boolean; limit?: number }) => Promise<string>> = {
  acled: async (file, options) => {
    const report = await evaluateAcled(file, { limit: options.limit });
    return options.json ? `${JSON.stringify(report.figures)}\n` : formatEvalReport(report);
  },
  case2021: (file, options) => {
    const report = evaluateCase(file, { limit: options.limit });
    return Promise.resolve(options.json ? `${JSON.stringify(report.figures)}\n` : formatCaseReport(report));
  },
  places: (file, options) => {
    const f = evaluatePlaceMentions(file);
    return Promise.resolve(options.json ? `${JSON.stringify({ gold: f.gold, predicted: f.predicted, recall: f.recall, precision: f.precision })}\n`
      : [`Place mentions: ${f.gold} gold, ${f.predicted} read (span overlap, within 161 km)`, `  recall     ${(f.recall * 100).toFixed(1)}%`,
        `  precision  ${(f.precision * 100).toFixed(1)}%`, '', 'Missed:', ...f.missed.map((m) => `  ${m}`), '', 'Spurious:', ...f.spurious.map((m) => `  ${m}`), ''].join('\n'));
  },
  plover: (file, options) => {
    const report = evaluatePlover(file, { limit: options.limit });
    return Promise.resolve(options.json ? `${JSON.stringify(report.figures)}\n` : formatPloverReport(report));
  },
};

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure coding accuracy against gold data')
    .argument('<dataset>', `which gold data set: ${Object.keys(DATASETS).map((d) => `"${d}"`).join(', ')}`)
    .argument('<file>', 'the gold file (acled: ACLED CSV export with notes; case2021: CASE 2021 task 2 TSV; plover: PLOVER gold JSONL, one sentence a line; places: annotated place mentions as in test/fixtures/place-mentions.json)')
    .option('--json', 'print the figures as one JSON object')
    .option('--limit <n>', 'only the first n rows', (v) => Number.parseInt(v, 10))
    .action(async (dataset: string, file: string, options: { json?: boolean; limit?: number }) => {
      const run = DATASETS[dataset];
      if (!run) throw new Error(`unknown dataset "${dataset}" (known: ${Object.keys(DATASETS).join(', ')})`);
      process.stdout.write(await run(file, options));
    });
}
