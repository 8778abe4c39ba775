import type { Command } from 'commander';

export function registerServe(program: Command): void {
  void program; // TODO(owner): register the `serve` command here.
}
