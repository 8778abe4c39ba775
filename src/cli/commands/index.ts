import type { Command } from 'commander';
import { registerCode } from './code.ts';
import { registerEval } from './eval.ts';
import { registerDemo } from './demo.ts';
import { registerIngest } from './ingest.ts';
import { registerExport } from './export.ts';
import { registerServe } from './serve.ts';
import { registerGazetteer } from './gazetteer.ts';
import { registerWatch } from './watch.ts';
import { registerEnqueue } from './enqueue.ts';
import { registerWorker } from './worker.ts';
import { registerPlaces } from './places.ts';

/**
 * Every subcommand is declared in its own module here (arguments, options, help) and carried out by the module of the
 * same name in ../actions/, imported only when it runs. This is the one list of them.
 */
export function registerCommands(program: Command): void {
  registerDemo(program);
  registerCode(program);
  registerPlaces(program);
  registerIngest(program);
  registerWatch(program);
  registerExport(program);
  registerServe(program);
  registerGazetteer(program);
  registerEval(program);
  registerEnqueue(program);
  registerWorker(program);
}
