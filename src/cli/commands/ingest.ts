import type { Command } from 'commander';
import { DEFAULT_DB } from '../../store/defaults.ts';
import type { IngestCommandOptions } from '../actions/ingest.ts';
import { addLimitOptions, parseDay, wholeNumber } from '../shared/options.ts';

export function registerIngest(program: Command): void {
  addLimitOptions(program
    .command('ingest')
    .description('Code articles and store them, merging reports of the same event (idempotent: re-running skips what is stored)')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files (each also gzipped, .gz), or directories of them')
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('--store <url>', 'store location: a postgres:// URL or a SQLite file (overrides --db; default $SITREP_STORE)')
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('-w, --workers <n>', 'coding threads (default: number of cores; 1 codes in this thread)', wholeNumber('--workers', 1, 256))
    .option('-q, --quiet', 'no progress bar'))
    .action(async (paths: string[], options: IngestCommandOptions) => (await import('../actions/ingest.ts')).ingest(paths, options));
}
