import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';

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

/** Reads and indexes an outlets file; an error names the file and the field, or the name given twice. */
export function loadOutlets(file: URL): OutletIndex {
  const where = fileURLToPath(file);
  const data = readDataFile(file, OutletFileSchema);
  const index: OutletIndex = new Map();
  data.outlets.forEach((outlet, i) => {
    for (const name of [outlet.name, ...outlet.aliases]) {
      const key = outletKey(name);
      const other = index.get(key);
      if (other && other !== outlet) throw new Error(`${where}: outlets[${i}] (${outlet.name}): "${name}" already names ${other.name}`);
      index.set(key, outlet);
    }
  });
  return index;
}

const DEFAULT_FILE = dataFile('outlets.yaml');
let cached: OutletIndex | null = null;

/** The shipped outlets, loaded once per process. */
export function outlets(): OutletIndex {
  cached ??= loadOutlets(DEFAULT_FILE);
  return cached;
}
