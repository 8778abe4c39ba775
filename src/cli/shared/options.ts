// Parsers and option sets the command declarations share. Loaded for `sitrep --help`: it imports nothing heavy.
import { InvalidArgumentError, Option, type Command } from 'commander';
import { DEFAULT_LIMITS } from '../../ingest/limits.ts';
import type { ReadOptions } from '../../ingest/read-documents.ts';

/** A commander parser for a whole number from `min` to `max` written in digits, naming its option in the error. */
export function wholeNumber(option: string, min = 1, max = Number.MAX_SAFE_INTEGER): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
      throw new InvalidArgumentError(`${option} must be a whole number ${range}, got "${value}"`);
    }
    return n;
  };
}

/** A commander parser for one of `values`, naming its option in the error. */
export function oneOf<T extends string>(option: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`${option} must be one of ${values.join(', ')}`);
    return value as T;
  };
}

/** `-f, --format <format>`: one of the command's output formats, `fallback` when not given. */
export function formatOption<T extends string>(formats: readonly T[], fallback: T): Option {
  return new Option('-f, --format <format>', `output format: ${formats.join(', ')}`).argParser(oneOf('--format', formats)).default(fallback);
}

/** A commander parser for --date: a real calendar day written YYYY-MM-DD. */
export function parseDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`--date must be a real calendar date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** The options every command that reads documents takes to change the input limits of src/ingest/limits.ts. */
export interface LimitOptions {
  maxFileBytes?: number;
  maxTextChars?: number;
  maxLineChars?: number;
  maxFeedItems?: number;
}

export function addLimitOptions(command: Command): Command {
  return command
    .option('--max-file-bytes <n>', `largest single document (text, HTML, Markdown) read, after gunzip (default ${DEFAULT_LIMITS.maxFileBytes}); JSONL and feeds stream, any size`, wholeNumber('--max-file-bytes'))
    .option('--max-text-chars <n>', `longest article text coded; longer is refused (default ${DEFAULT_LIMITS.maxTextChars})`, wholeNumber('--max-text-chars'))
    .option('--max-line-chars <n>', `longest record: a JSONL line or a feed item (default ${DEFAULT_LIMITS.maxLineChars})`, wholeNumber('--max-line-chars'))
    .option('--max-feed-items <n>', `most items read from one feed file (default ${DEFAULT_LIMITS.maxFeedItems})`, wholeNumber('--max-feed-items'));
}

/** The limits given on the command line; the others keep their defaults. */
export function limitsFrom(options: LimitOptions): ReadOptions {
  const { maxFileBytes, maxTextChars, maxLineChars, maxFeedItems } = options;
  return Object.fromEntries(Object.entries({ maxFileBytes, maxTextChars, maxLineChars, maxFeedItems }).filter(([, v]) => v !== undefined));
}
