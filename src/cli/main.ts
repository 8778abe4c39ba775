import './heap-flags.ts';
import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

const program = new Command()
  .name('sitrep')
  .description('Turn news reports about armed conflict into structured, geolocated, source-attributed event data.')
  .showHelpAfterError();

registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
