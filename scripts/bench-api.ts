// API benchmark: p50/p99 latency of typical reads on a store of at least 10,000 events. The server runs in
// its own process (`sitrep serve`) so that the load generator (autocannon, here) does not share its event loop.
// Run: `npx tsx scripts/bench-api.ts [--json] [--db FILE] [--seconds N]`; without --db it builds the store
// with scripts/bench-store.ts first.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { once } from 'node:events';
import { benchStore } from './bench-store.ts';

interface AutocannonResult {
  latency: { p50: number; p99: number; average: number };
  requests: { average: number; total: number };
  errors: number;
  non2xx: number;
}
type Autocannon = (options: { url: string; connections: number; duration: number }) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

export interface ApiBenchResult {
  events: number;
  endpoints: { name: string; path: string; p50_ms: number; p99_ms: number; requests_per_s: number; errors: number }[];
}

/** Starts `sitrep serve` in a child process on a free loopback port; `stop` sends SIGTERM and waits for the exit. */
export async function startServe(db: string, extraArgs: string[] = []): Promise<{ url: string; stop: () => Promise<number | null> }> {
  const main = new URL('../src/cli/main.ts', import.meta.url).pathname;
  const child = spawn(process.execPath, ['--import', 'tsx', main, 'serve', '--db', db, '--port', '0', '--web', '/nonexistent', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  for await (const chunk of child.stdout) {
    output += String(chunk);
    const url = /serving on (http\S+)/.exec(output)?.[1];
    if (url) {
      return {
        url,
        stop: async () => {
          const exited = once(child, 'exit');
          child.kill('SIGTERM');
          const [code] = await exited as [number | null];
          return code;
        },
      };
    }
  }
  throw new Error(`sitrep serve did not start: ${output}`);
}

export async function benchApi(options: { db?: string; seconds?: number } = {}): Promise<ApiBenchResult> {
  const db = options.db ?? (await benchStore()).db;
  const seconds = options.seconds ?? 5;
  const server = await startServe(db);
  try {
    const first = await (await fetch(`${server.url}/events?limit=1`)).json() as { total: number; events: { event_id: string; latitude: number; longitude: number; event_date: string }[] };
    const sample = first.events[0];
    if (!sample) throw new Error(`${db} holds no events`);
    const { latitude: lat, longitude: lon } = sample;
    const month = sample.event_date.slice(0, 7);
    const endpoints = [
      { name: 'first page', path: '/events' },
      { name: 'bbox + date', path: `/events?bbox=${lon - 2},${lat - 2},${lon + 2},${lat + 2}&from=${month}-01&to=${month}-28` },
      { name: 'type + text', path: '/events?event_type=Battles&q=killed' },
      { name: 'one event', path: `/events/${encodeURIComponent(sample.event_id)}` },
      { name: 'GeoJSON 1000', path: '/events?format=geojson&limit=1000' },
      { name: 'stats', path: '/stats' },
    ];
    const results = [];
    for (const endpoint of endpoints) {
      const run = await autocannon({ url: `${server.url}${endpoint.path}`, connections: 10, duration: seconds });
      results.push({
        ...endpoint, p50_ms: run.latency.p50, p99_ms: run.latency.p99, requests_per_s: Math.round(run.requests.average),
        errors: run.errors + run.non2xx,
      });
    }
    return { events: first.total, endpoints: results };
  } finally {
    await server.stop();
  }
}

export function formatApiBench(result: ApiBenchResult): string {
  return [
    `API (SQLite, ${result.events} events, 10 connections, sitrep serve in its own process)`,
    ...result.endpoints.map((e) => `  ${e.name.padEnd(14)} p50 ${e.p50_ms} ms  p99 ${e.p99_ms} ms  ${e.requests_per_s} req/s  ${e.errors} errors`),
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
  const result = await benchApi({ db: arg('--db'), seconds: arg('--seconds') ? Number(arg('--seconds')) : undefined });
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatApiBench(result));
}
