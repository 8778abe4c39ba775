import type { Command } from 'commander';
import { EVENT_FORMATS } from '../../serve/event-formats.ts';
import type { CodeOptions } from '../actions/code.ts';
import { addLimitOptions, formatOption, parseDay, wholeNumber } from '../shared/options.ts';

export function registerCode(program: Command): void {
  addLimitOptions(program
    .command('code')
    .description('Code articles (files or directories) into events and print them as they are coded')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files (each also gzipped, .gz), or directories of them')
    .addOption(formatOption(EVENT_FORMATS, 'json'))
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('--flagged', 'also print negated, hypothetical and future events (field "modality")')
    .option('-w, --workers <n>', 'coding threads (default 1: codes in this thread)', wholeNumber('--workers', 1, 256))
    .option('-q, --quiet', 'no progress display'))
    .action(async (paths: string[], options: CodeOptions) => (await import('../actions/code.ts')).code(paths, options));
}
