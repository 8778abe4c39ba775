// The gazetteer's part of `npm run bench`: how long the index takes to open, how many names it looks
// up per second, and how fast (and in how much memory) `sitrep gazetteer import` streams a GeoNames dump.
// The dump is synthetic (GAZETTEER_BENCH_ROWS rows, 2 million by default), generated into a temporary
// directory and removed afterwards. Run alone with `tsx scripts/bench-gazetteer.ts [--json]`.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { importGeoNamesDump } from '../src/gazetteer/import-dump.ts';
import { ensureWorldGazetteer, gazetteerDir, openGazetteer, WORLD_FILE } from '../src/gazetteer/open-gazetteer.ts';

export interface GazetteerBench {
  /** Seconds to build the world base, when it was not built yet (else 0). */
  build_s: number;
  open_ms: number;
  /** Distinct names, none cached: each one a query on the index. */
  lookups_per_s: number;
  lookups: number;
  import_rows: number;
  import_mb: number;
  import_rows_per_s: number;
  import_peak_rss_mb: number;
}

const SYLLABLES = ['al', 'ba', 'dar', 'el', 'fa', 'ga', 'ha', 'ja', 'kar', 'la', 'ma', 'na', 'qa', 'ra', 'sa', 'ta', 'wa', 'za', 'bu', 'shi', 'kho', 'de', 'ro', 'ville', 'burg', 'ton'];

/** A deterministic pseudo-random sequence, so every run imports the same dump. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

async function writeSyntheticDump(file: string, rows: number): Promise<void> {
  const next = random(42);
  const word = (): string => {
    const n = 2 + Math.floor(next() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)]!;
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const out = createWriteStream(file);
  for (let id = 1; id <= rows; id++) {
    const name = next() < 0.3 ? `${word()} ${word()}` : word();
    const alternates = next() < 0.4 ? [word(), `${name} ${word()}`].join(',') : '';
    const klass = next() < 0.6 ? 'P' : 'S';
    const line = [id, name, name, alternates, (next() * 170 - 85).toFixed(5), (next() * 360 - 180).toFixed(5), klass, klass === 'P' ? 'PPL' : 'SCH',
      'XX', '', String(1 + Math.floor(next() * 20)).padStart(2, '0'), '', '', '', Math.floor(next() * 5000), '', '', 'UTC', '2024-01-01'].join('\t');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

export async function benchGazetteer(options: { rows?: number } = {}): Promise<GazetteerBench> {
  const rows = options.rows ?? Number(process.env.GAZETTEER_BENCH_ROWS ?? 2_000_000);
  const dir = gazetteerDir();

  let started = process.hrtime.bigint();
  const worldPath = join(dir, WORLD_FILE);
  const mtimeBefore = (() => {
    try {
      return statSync(worldPath).mtimeMs;
    } catch {
      return -1;
    }
  })();
  ensureWorldGazetteer(dir);
  const buildSeconds = statSync(worldPath).mtimeMs !== mtimeBefore ? Number(process.hrtime.bigint() - started) / 1e9 : 0;

  started = process.hrtime.bigint();
  const gazetteer = openGazetteer(dir);
  const openMs = Number(process.hrtime.bigint() - started) / 1e6;

  // Real names (and the same names misspelt, which go on to the skeleton index) from the world base.
  const db = new Database(worldPath, { readonly: true });
  const names = (db.prepare('SELECT name FROM places WHERE rowid % 37 = 0 LIMIT 10000').pluck().all() as string[]);
  db.close();
  const queries = [...new Set(names.flatMap((n) => [n, `${n}h`]))];
  started = process.hrtime.bigint();
  for (const name of queries) gazetteer.lookup(name);
  const lookupSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  gazetteer.close();

  const scratch = mkdtempSync(join(tmpdir(), 'sitrep-bench-gazetteer-'));
  try {
    const dump = join(scratch, 'synthetic.txt');
    await writeSyntheticDump(dump, rows);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }, 100);
    started = process.hrtime.bigint();
    const summary = await importGeoNamesDump(dump, {
      database: join(scratch, 'imports.sqlite'),
      onProgress: () => {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      },
    });
    const importSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    return {
      build_s: Math.round(buildSeconds * 10) / 10,
      open_ms: Math.round(openMs * 10) / 10,
      lookups_per_s: Math.round(queries.length / lookupSeconds),
      lookups: queries.length,
      import_rows: summary.rows,
      import_mb: Math.round(statSync(dump).size / 1024 / 1024),
      import_rows_per_s: Math.round(summary.rows / importSeconds),
      import_peak_rss_mb: Math.round(peakRss / 1024 / 1024),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function formatGazetteerBench(b: GazetteerBench): string {
  return [
    'gazetteer',
    ...(b.build_s > 0 ? [`  world base built  ${b.build_s} s (first use)`] : []),
    `  open              ${b.open_ms} ms`,
    `  look-ups          ${b.lookups_per_s} names/s (${b.lookups} distinct names, uncached)`,
    `  import            ${b.import_rows} rows (${b.import_mb} MB synthetic dump): ${b.import_rows_per_s} rows/s, peak ${b.import_peak_rss_mb} MB RSS`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchGazetteer();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatGazetteerBench(result));
}
