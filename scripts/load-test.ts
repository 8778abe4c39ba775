// `npm run loadtest`: concurrent reads and article uploads against `sitrep serve` for a bounded time, then a
// count of what was stored. The server runs in its own process on loopback; this process is the load.
// Every upload is a distinct article, so every 201 must be one stored article: none lost, none twice.
// Run: `tsx scripts/load-test.ts [--seconds N] [--json]` (30 s by default). Exits 1 on any error or lost upload.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startServe } from './bench-api.ts';

interface Request {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (request: Request) => Request;
  onResponse?: (status: number, body: string) => void;
}
interface Result {
  latency: { p50: number; p99: number; max: number };
  requests: { total: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number; requests: Request[] }) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const argument = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const seconds = Number(argument('--seconds') ?? 30);
const TOKEN = 'load-test-token';
const TOWNS = ['Kano', 'Maiduguri', 'Mogadishu', 'Idlib', 'Aleppo', 'Kabul', 'Sanaa', 'Tripoli', 'Goma', 'Bamako'];

const scratch = mkdtempSync(join(tmpdir(), 'sitrep-load-'));
const db = join(scratch, 'load.db');
const server = await startServe(db, ['--token', TOKEN]);

let sent = 0;
let acknowledged = 0;
let duplicates = 0;
const upload: Request = {
  method: 'POST',
  path: '/articles',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
  setupRequest: (request) => {
    const n = sent++;
    const text = `Gunmen killed ${2 + (n % 9)} civilians in ${TOWNS[n % TOWNS.length]} on Monday, police said. `
      + `Residents said the attackers fled on motorcycles. Report number ${n}.`;
    return { ...request, body: JSON.stringify({ text, title: `Load report ${n}`, source: 'Load Wire', published: '2020-05-06' }) };
  },
  onResponse: (status, body) => {
    if (status !== 201) return;
    acknowledged++;
    if ((JSON.parse(body) as { duplicate: boolean }).duplicate) duplicates++;
  },
};

try {
  const [reads, uploads] = await Promise.all([
    autocannon({
      url: server.url, connections: 8, duration: seconds,
      requests: [{ path: '/events?limit=50' }, { path: '/events?format=geojson&limit=200' }, { path: '/stats' }, { path: '/events?q=killed' }],
    }),
    autocannon({ url: server.url, connections: 2, duration: seconds, requests: [upload] }),
  ]);
  const exitCode = await server.stop();
  const store = new Database(db, { readonly: true });
  const stored = (store.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
  store.close();
  const figures = {
    seconds,
    reads: { requests: reads.requests.total, per_s: Math.round(reads.requests.average), p50_ms: reads.latency.p50, p99_ms: reads.latency.p99, errors: reads.errors + reads.timeouts, non2xx: reads.non2xx },
    uploads: {
      requests: uploads.requests.total, per_s: Math.round(uploads.requests.average * 10) / 10, p50_ms: uploads.latency.p50, p99_ms: uploads.latency.p99,
      errors: uploads.errors + uploads.timeouts, non2xx: uploads.non2xx, acknowledged, duplicates, sent, stored,
      // An acknowledged upload missing from the store is lost; uploads still in flight when the load stopped may be stored unacknowledged.
      lost: Math.max(0, acknowledged - duplicates - stored), over_stored: Math.max(0, stored - (sent - duplicates)),
    },
    server_exit_code: exitCode,
  };
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    process.stdout.write([
      `load test: ${seconds} s, 8 reading and 2 uploading connections against sitrep serve (SQLite) on loopback`,
      `  reads    ${figures.reads.requests} requests, ${figures.reads.per_s}/s, p50 ${figures.reads.p50_ms} ms, p99 ${figures.reads.p99_ms} ms, ${figures.reads.errors} errors, ${figures.reads.non2xx} non-2xx`,
      `  uploads  ${figures.uploads.requests} requests, ${figures.uploads.per_s}/s, p50 ${figures.uploads.p50_ms} ms, p99 ${figures.uploads.p99_ms} ms, ${figures.uploads.errors} errors, ${figures.uploads.non2xx} non-2xx`,
      `  stored   ${stored} articles for ${acknowledged} acknowledged uploads of ${sent} sent (${duplicates} duplicates): ${figures.uploads.lost} lost, ${figures.uploads.over_stored} stored beyond what was sent`,
      `  server   exited with code ${exitCode} after SIGTERM`,
      '',
    ].join('\n'));
  }
  const failed = figures.reads.errors + figures.reads.non2xx + figures.uploads.errors + figures.uploads.non2xx + figures.uploads.lost + figures.uploads.over_stored > 0 || exitCode !== 0;
  process.exitCode = failed ? 1 : 0;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
