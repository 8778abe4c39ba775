import type { Command } from 'commander';
import { DEFAULT_DB } from '../../store/defaults.ts';
import type { DemoOptions } from '../actions/demo.ts';
import { wholeNumber } from '../shared/options.ts';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Code and store the example articles of examples/ (once), then serve the API and web map')
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('-p, --port <n>', 'port (default $PORT, else 8080; 0 picks a free one)', wholeNumber('--port', 0, 65535))
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .action(async (options: DemoOptions) => (await import('../actions/demo.ts')).demo(options));
}
