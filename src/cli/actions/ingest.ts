import { openStore } from '../../store/open-store.ts';
import { ingestPaths, describeFailure, describeIngest, ingestExitCode, type IngestSummary } from '../shared/ingest-paths.ts';
import { limitsFrom, type LimitOptions } from '../shared/options.ts';
import { Progress } from '../shared/progress.ts';
import { storeLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

export interface IngestCommandOptions extends LimitOptions {
  db?: string;
  store?: string;
  date?: string;
  workers?: number;
  quiet?: boolean;
}

/** `sitrep ingest`: codes and stores the documents under `paths`, with a progress bar; Ctrl-C stops between articles. */
export async function ingest(paths: string[], options: IngestCommandOptions): Promise<void> {
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
}
