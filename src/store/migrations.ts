import { readdirSync, readFileSync } from 'node:fs';

/** One versioned schema change: `NNN-name.sql` in src/store/migrations/<backend>/. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The migrations of one backend, in version order. A misnamed file is an error, not skipped. */
export function loadMigrations(backend: 'sqlite' | 'postgres'): Migration[] {
  const dir = new URL(`./migrations/${backend}/`, import.meta.url);
  const migrations = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort().map((file) => {
    const match = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) throw new Error(`migration file ${file} must be named NNN-name.sql`);
    return { version: Number(match[1]), name: match[2]!, sql: readFileSync(new URL(file, dir), 'utf8') };
  });
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations/${backend}: expected version ${i + 1}, found ${m.version} (${m.name})`);
  });
  return migrations;
}
