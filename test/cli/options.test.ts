import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { formatOption } from '../../src/cli/shared/options.ts';

/** A command with only --format, that reports its errors instead of exiting. */
function parse(...args: string[]): { format?: string; error?: string } {
  let error: string | undefined;
  const command = new Command().exitOverride().configureOutput({ writeErr: (text) => { error = text; }, writeOut: () => {} })
    .addOption(formatOption(['json', 'csv'] as const, 'json'));
  try {
    command.parse(args, { from: 'user' });
  } catch {
    return { error };
  }
  return { format: command.opts<{ format: string }>().format };
}

test('--format takes one of the command\'s formats, defaults to its fallback, and names the choices when wrong', () => {
  assert.deepEqual(parse(), { format: 'json' });
  assert.deepEqual(parse('--format', 'csv'), { format: 'csv' });
  assert.deepEqual(parse('-f', 'csv'), { format: 'csv' });
  assert.match(parse('--format', 'xml').error ?? '', /--format must be one of json, csv/);
  const help = new Command().addOption(formatOption(['jsonl', 'geojson'] as const, 'jsonl')).helpInformation();
  assert.match(help, /-f, --format <format>\s+output format: jsonl, geojson \(default: "jsonl"\)/);
});
