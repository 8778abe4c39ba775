import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'zod';

/** Reads a YAML lexicon and validates it; an error names the file and the field. */
export function readLexiconFile<T>(file: URL, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(parse(readFileSync(file, 'utf8')) as unknown);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${file.pathname}: ${issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid'}`);
}
