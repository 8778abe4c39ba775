// The `sitrep` command line. This module and the command declarations it registers load only commander and a few
// constants, so `sitrep --help` starts at once; each command's action module (src/cli/actions/) and everything it
// needs (the pipeline, the stores, the server) is imported when that command runs.
import './heap-flags.ts';
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';
import { PACKAGE_JSON } from './shared/paths.ts';

/** The version of package.json: the one place it is written. */
const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

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
