import './heap-flags.ts';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/** The version of package.json: the one place it is written. */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const program = new Command()
  .name('sitrep')
  .description('Turn news reports about armed conflict into structured, geolocated, source-attributed event data.')
  .version(version, '-V, --version', 'print the version of sitrep')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
