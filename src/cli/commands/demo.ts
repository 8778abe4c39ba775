import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { codePaths, describeProblem } from './code.ts';
import { summaryTable } from '../summary-table.ts';

const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Code the example articles shipped in examples/ and print what was found')
    .action(async () => {
      const coded = await codePaths([EXAMPLES], {}, (problem) => process.stderr.write(`sitrep: skipped ${describeProblem(problem)}\n`));
      for (const { article, events } of coded) {
        process.stdout.write(`\n${article.title ?? article.origin} — ${article.source ?? 'unknown outlet'}, ${article.published ?? 'undated'}\n`);
        process.stdout.write(events.length ? summaryTable(events) : '  (no events)\n');
      }
    });
}
