import type { Command } from 'commander';

export function registerGazetteer(program: Command): void {
  void program; // TODO(owner): register the `gazetteer` command here.
}
