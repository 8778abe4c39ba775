import { evaluateAcled, formatEvalReport } from '../../eval/acled-eval.ts';
import { evaluateCase, formatCaseReport } from '../../eval/case-eval.ts';
import { evaluatePlover, formatPloverReport } from '../../eval/plover-eval.ts';
import { evaluatePlaceMentions } from '../../eval/place-mentions-eval.ts';
import type { EvalDataset } from '../commands/eval.ts';

export interface EvalOptions {
  json?: boolean;
  limit?: number;
}

/** How to measure against each gold data set, and print the report. */
const DATASETS: Record<EvalDataset, (file: string, options: EvalOptions) => Promise<string>> = {
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

/** `sitrep eval`: codes a gold file and prints how the coding compares. */
export async function evaluate(dataset: EvalDataset, file: string, options: EvalOptions): Promise<void> {
  process.stdout.write(await DATASETS[dataset](file, options));
}
