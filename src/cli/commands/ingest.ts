import type { Command } from 'commander';
import { openStore, DEFAULT_DB } from '../../store/open-store.ts';
import { storeRules } from '../../store-rules.ts';
import { ingestPaths, describeFailure, describeIngest, ingestExitCode, type IngestSummary } from '../ingest-paths.ts';
import { parseDay } from './code.ts';
import { addLimitOptions, limitsFrom, wholeNumber, type LimitOptions } from '../limit-options.ts';
import { Progress } from '../progress.ts';

/** Where the store is: --store, then SITREP_STORE, then --db, then ./sitrep.db. */
export function storeLocation(options: { store?: string; db?: string }): string {
  return options.store ?? process.env.SITREP_STORE ?? options.db ?? DEFAULT_DB;
}

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
    .action(async (paths: string[], options: { db?: string; store?: string; date?: string; workers?: number; quiet?: boolean } & LimitOptions) => {
      const store = await openStore(storeLocation(options), storeRules());
      const bar = new Progress('ingest', '{stored} stored | {duplicate} duplicate | {failed} failed | {created} events created, {merged} merged', options.quiet);
      bar.start({ stored: 0, duplicate: 0, failed: 0, created: 0, merged: 0 });
      let stopping = false;
      const stop = () => { stopping = true; };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      let summary: IngestSummary;
      try {
        summary = await ingestPaths(store, paths, {
          date: options.date,
          workers: options.workers,
          limits: limitsFrom(options),
          shouldStop: () => stopping,
          onProgress: (s) => bar.update(s.read, { stored: s.stored, duplicate: s.duplicate, failed: s.failed.length, created: s.created, merged: s.merged }),
        });
      } finally {
        bar.stop();
        await store.close();
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
      for (const failure of summary.failed) process.stderr.write(`${describeFailure(failure)}\n`);
      process.stdout.write(`${describeIngest(summary)}\n`);
      process.exitCode = ingestExitCode(summary);
    });
}
