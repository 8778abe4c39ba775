import type { Command } from 'commander';

export function registerCode(program: Command): void {
  void program; // TODO(owner): register the `code` command here.
}
