import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

/** The outlets of data/outlets.yaml: who stands behind a report. */

export const OWNERSHIPS = ['state', 'state-affiliated', 'public', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

const OutletSchema = z.strictObject({
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  country: z.string().min(1).nullable(),
  ownership: z.enum(OWNERSHIPS),
  group: z.string().min(1).optional(),
  wire: z.boolean().default(false),
});
const OutletFileSchema = z.strictObject({ outlets: z.array(OutletSchema).min(1) });

export type Outlet = z.infer<typeof OutletSchema>;

/** Outlets by their folded names and aliases. */
export type OutletIndex = Map<string, Outlet>;

/** "Fars News" and "FarsNews" and "fars news." are one outlet. */
export function outletKey(name: string): string {
  return name.toLowerCase().replace(/[\s.\-_]+/g, '');
}

export function parseOutlets(text: string, where: string): OutletIndex {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
  const parsed = OutletFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${where}: field "${issue?.path.join('.') ?? ''}": ${issue?.message ?? 'invalid'}`);
  }
  const index: OutletIndex = new Map();
  parsed.data.outlets.forEach((outlet, i) => {
    for (const name of [outlet.name, ...outlet.aliases]) {
      const key = outletKey(name);
      const other = index.get(key);
      if (other && other !== outlet) throw new Error(`${where}: outlets[${i}] (${outlet.name}): "${name}" already names ${other.name}`);
      index.set(key, outlet);
    }
  });
  return index;
}

const DEFAULT_FILE = new URL('../../data/outlets.yaml', import.meta.url);
let cached: OutletIndex | null = null;

/** The shipped outlets, loaded once per process. */
export function outlets(): OutletIndex {
  cached ??= parseOutlets(readFileSync(DEFAULT_FILE, 'utf8'), DEFAULT_FILE.pathname);
  return cached;
}
