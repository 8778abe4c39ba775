import { InvalidArgumentError, type Command } from 'commander';
import type { WorkerCommandOptions } from '../actions/worker.ts';

function parseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0.1 || n > 86_400) throw new InvalidArgumentError('--lease-seconds must be a number from 0.1 to 86400');
  return n;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('Code and store queued articles (see `sitrep enqueue`); run several at once. SIGTERM finishes the current article, then exits')
    .option('--store <url>', 'the PostgreSQL store: a postgres:// URL (default $SITREP_STORE)')
    .option('--lease-seconds <n>', 'how long a claimed job is held before another worker may take it (renewed while working)', parseSeconds, 60)
    .option('--idle-exit', 'exit once no job is pending or running (batch runs, tests)')
    .option('--id <name>', 'worker name in the jobs table (default host:pid)')
    .action(async (options: WorkerCommandOptions) => (await import('../actions/worker.ts')).worker(options));
}
