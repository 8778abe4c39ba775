import type { Command } from 'commander';
import { DEFAULT_MAX_ATTEMPTS } from '../../store/defaults.ts';
import type { EnqueueOptions } from '../actions/enqueue.ts';
import { addLimitOptions, parseDay, wholeNumber } from '../shared/options.ts';

export function registerEnqueue(program: Command): void {
  addLimitOptions(program
    .command('enqueue')
    .description('Queue articles for `sitrep worker` processes to code and store (PostgreSQL); an article already queued is not queued again')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .option('--store <url>', 'the PostgreSQL store: a postgres:// URL (default $SITREP_STORE)')
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('--max-attempts <n>', 'claims before a failing job is marked failed',
      wholeNumber('--max-attempts', 1, 100), DEFAULT_MAX_ATTEMPTS))
    .action(async (paths: string[], options: EnqueueOptions) => (await import('../actions/enqueue.ts')).enqueue(paths, options));
}
