import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { z } from 'zod';

/**
 * Reads a data file (JSON by its `.json` ending, else YAML) and validates it against its schema. Every dictionary,
 * lexicon and word list goes through here, so an error always names the file and the field.
 */
export function readDataFile<T>(file: URL, schema: z.ZodType<T>): T {
  const path = fileURLToPath(file);
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = path.endsWith('.json') ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${path}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}

/** A data file that a folder of data may leave out (a lexicon folder of tests without PLOVER triggers): null when absent. */
export function readOptionalDataFile<T>(file: URL, schema: z.ZodType<T>): T | null {
  return existsSync(file) ? readDataFile(file, schema) : null;
}

/** A file of the shipped data/ folder. */
export function dataFile(path: string): URL {
  return new URL(`../data/${path}`, import.meta.url);
}
