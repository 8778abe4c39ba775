import type { Command } from 'commander';
import { evaluateAcled, formatEvalReport } from '../../eval/acled-eval.ts';
import { evaluatePlover, formatPloverReport } from '../../eval/plover-eval.ts';

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('Measure coding accuracy against gold data')
    .argument('<dataset>', 'which gold data set: "acled" or "plover"')
    .argument('<file>', 'the gold file (acled: ACLED CSV export with notes; plover: PLOVER gold JSONL, one sentence a line)')
    .option('--json', 'print the figures as one JSON object')
    .option('--limit <n>', 'only the first n rows', (v) => Number.parseInt(v, 10))
    .action(async (dataset: string, file: string, options: { json?: boolean; limit?: number }) => {
      if (dataset === 'plover') {
        const report = evaluatePlover(file, { limit: options.limit });
        process.stdout.write(options.json ? `${JSON.stringify(report.figures)}\n` : formatPloverReport(report));
        return;
      }
      if (dataset !== 'acled') throw new Error(`unknown dataset "${dataset}" (known: acled, plover)`);
      const report = await evaluateAcled(file, { limit: options.limit });
      process.stdout.write(options.json ? `${JSON.stringify(report.figures)}\n` : formatEvalReport(report));
    });
}
