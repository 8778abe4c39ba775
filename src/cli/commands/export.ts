import type { Command } from 'commander';

export function registerExport(program: Command): void {
  void program; // TODO(owner): register the `export` command here.
}
