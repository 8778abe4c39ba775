// PostgreSQL store benchmark: how fast a typical map query (a 2°×2° box and a 30-day window, first 100 events,
// with the total) runs over 1,000,000 events. Not a test. Run:
//   npx tsx scripts/bench-postgres.ts [--json] [--events N] [--queries N] [--keep]
// Server: $SITREP_BENCH_PG, else $SITREP_TEST_PG, else postgres://postgres@127.0.0.1:5432/test. The events are made
// server-side with generate_series in a fresh schema (dropped afterwards unless --keep): dates spread over two
// years, 70% of points in the Middle East (lon 34–60, lat 12–38), the rest anywhere in the inhabited world.
// Only the events table is filled: the bbox + date query reads nothing else.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PostgresStore, postgresWhere } from '../src/store/postgres-store.ts';
import { maskUrl, withSchema } from '../src/store/postgres-connection.ts';
import type { EventFilter } from '../src/store/types.ts';
import { startServer } from '../src/serve/start-server.ts';
import { storeRules } from '../src/store-rules.ts';

export interface PostgresBenchResult {
  server: string;
  events: number;
  fill_seconds: number;
  index_seconds: number;
  queries: number;
  query_p50_ms: number;
  query_p99_ms: number;
  query_max_ms: number;
  mean_total_matches: number;
  /** The same queries as GET /events?bbox&from&to&limit=100 through `sitrep serve`'s server on loopback, one at a time. */
  http_p50_ms: number;
  http_p99_ms: number;
  plan: string[];
}

const SERVER = process.env.SITREP_BENCH_PG ?? process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const START_DAY = '2019-01-01';
const DAYS = 730;

/** A seeded generator (mulberry32), so that every run asks the same queries. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const FILL = `
INSERT INTO events (id, event_date, event_type, sub_event_type, modality, country, admin1, latitude, longitude,
  location_key, fatalities, source_count, search, record)
SELECT 'bench:' || g, d, t.event_type, t.sub_event_type, 'asserted', c.country, 'Region ' || (g % 20), lat, lon,
  lower('place ' || (g % 5000) || '|' || c.country), f, 1, to_tsvector('simple', t.event_type || ' place ' || (g % 5000)),
  json_build_object('event_id', 'bench:' || g, 'article_id', 'bench-article:' || g, 'event_date', d, 'modality', 'asserted',
    'time_precision', 1, 'event_type', t.event_type, 'sub_event_type', t.sub_event_type, 'plover_event', 'ASSAULT',
    'mode', null, 'context', json_build_array(), 'actor1', 'Military Forces of ' || c.country, 'actor1_id', null,
    'assoc_actor_1', null, 'inter1', 1, 'actor2', 'Civilians (' || c.country || ')', 'actor2_id', null, 'assoc_actor_2', null,
    'inter2', 7, 'interaction', 17, 'country', c.country, 'admin1', 'Region ' || (g % 20), 'admin2', null,
    'location', 'Place ' || (g % 5000), 'latitude', lat, 'longitude', lon, 'geo_precision', 1, 'location_reason', 'bench',
    'source', 'Outlet ' || (g % 40), 'claimant', null, 'fatalities', f, 'fatalities_basis', 'exact', 'injured', 0,
    'confidence', 0.8, 'evidence', json_build_array(),
    'sentence', json_build_object('start', 0, 'end', 120, 'text', 'Synthetic report ' || g || ' of shelling near place ' || (g % 5000) || ', with the figures a real report gives.'))
FROM (
  SELECT g, d, f, CASE WHEN me THEN 12 + random() * 26 ELSE -55 + random() * 125 END AS lat,
    CASE WHEN me THEN 34 + random() * 26 ELSE -180 + random() * 360 END AS lon
  FROM (SELECT g, random() < 0.7 AS me, $2::date + (random() * ($3::int - 1))::int AS d, (random() * 30)::int AS f
        FROM generate_series(1, $1::int) AS g) r
) s
CROSS JOIN LATERAL (SELECT (ARRAY['Syria', 'Yemen', 'Iraq', 'Libya', 'Nigeria', 'Somalia'])[1 + g % 6] AS country) c
CROSS JOIN LATERAL (SELECT (ARRAY['Battles', 'Explosions/Remote violence', 'Protests', 'Violence against civilians'])[1 + (g / 7) % 4] AS event_type,
  (ARRAY['Armed clash', 'Shelling/artillery/missile attack', 'Peaceful protest', 'Attack'])[1 + (g / 7) % 4] AS sub_event_type) t`;

export async function benchPostgres(options: { events?: number; queries?: number; keep?: boolean } = {}): Promise<PostgresBenchResult> {
  const events = options.events ?? 1_000_000;
  const queries = options.queries ?? 300;
  const schema = `sitrep_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const store = await PostgresStore.open(withSchema(SERVER, schema), storeRules(), { poolSize: 2 });
  try {
    const client = await store.pool.connect();
    let fillSeconds: number, indexSeconds: number;
    try {
      // A bulk load: drop the events indexes, fill, then build them again from their own definitions.
      const indexes = (await client.query<{ indexname: string; indexdef: string }>(`SELECT indexname, indexdef FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename = 'events' AND indexname NOT LIKE '%_pkey' AND indexname NOT LIKE '%_id_key'`)).rows;
      for (const index of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);
      await client.query("SET maintenance_work_mem = '256MB'");
      await client.query('SELECT setseed(0.42)');
      const t0 = performance.now();
      await client.query(FILL, [events, START_DAY, DAYS]);
      fillSeconds = (performance.now() - t0) / 1000;
      const t1 = performance.now();
      for (const index of indexes) await client.query(index.indexdef);
      // VACUUM sets the visibility map (index-only scans), as autovacuum does on a live store; ANALYZE the statistics.
      await client.query('VACUUM ANALYZE events');
      indexSeconds = (performance.now() - t1) / 1000;
    } finally {
      client.release();
    }

    const next = random(7);
    const filterFor = (): EventFilter => {
      const lon = 35 + next() * 23, lat = 13 + next() * 23;
      const from = new Date(Date.parse(`${START_DAY}T00:00:00Z`) + Math.floor(next() * (DAYS - 30)) * 86_400_000);
      const to = new Date(from.getTime() + 29 * 86_400_000);
      return { bbox: [lon, lat, lon + 2, lat + 2], from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) };
    };
    for (let i = 0; i < 20; i++) await store.queryEvents(filterFor(), { limit: 100, offset: 0 }); // warm the cache
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < queries; i++) {
      const t0 = performance.now();
      const page = await store.queryEvents(filterFor(), { limit: 100, offset: 0 });
      times.push(performance.now() - t0);
      matches += page.total;
    }
    times.sort((a, b) => a - b);

    const server = await startServer({ store, port: 0, host: '127.0.0.1' });
    const httpTimes: number[] = [];
    try {
      for (let i = 0; i < queries + 20; i++) {
        const filter = filterFor();
        const query = new URLSearchParams({ bbox: filter.bbox!.join(','), from: filter.from!, to: filter.to!, limit: '100' });
        const t0 = performance.now();
        const response = await fetch(`${server.url}/events?${query}`);
        await response.json();
        if (!response.ok) throw new Error(`GET /events answered ${response.status}`);
        if (i >= 20) httpTimes.push(performance.now() - t0); // the first 20 warm up
      }
    } finally {
      await server.close();
    }
    httpTimes.sort((a, b) => a - b);
    const { where, params } = postgresWhere(filterFor(), storeRules().actors);
    const plan = (await store.pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT e.seq, e.id, e.record, e.source_count FROM events e
      ${where} ORDER BY e.event_date DESC NULLS LAST, e.seq DESC LIMIT 100`, params)).rows.map((r) => r['QUERY PLAN']);
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      server: maskUrl(SERVER), events, fill_seconds: round(fillSeconds), index_seconds: round(indexSeconds), queries,
      query_p50_ms: round(percentile(times, 50)), query_p99_ms: round(percentile(times, 99)), query_max_ms: round(times.at(-1)!),
      mean_total_matches: Math.round(matches / queries),
      http_p50_ms: round(percentile(httpTimes, 50)), http_p99_ms: round(percentile(httpTimes, 99)), plan,
    };
  } finally {
    await store.close();
    if (!options.keep) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    else process.stderr.write(`kept schema ${schema}\n`);
    await admin.end();
  }
}

function argValue(name: string): number | undefined {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchPostgres({ events: argValue('--events'), queries: argValue('--queries'), keep: process.argv.includes('--keep') });
  if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify(result)}\n`);
  else {
    process.stdout.write([
      `PostgreSQL store benchmark (${result.server})`,
      `  fill          ${result.events} events in ${result.fill_seconds} s, indexes + VACUUM ANALYZE ${result.index_seconds} s`,
      `  bbox + date   2°×2° box, 30 days, limit 100 with total: p50 ${result.query_p50_ms} ms, p99 ${result.query_p99_ms} ms, `
        + `max ${result.query_max_ms} ms over ${result.queries} queries (${result.mean_total_matches} matches on average)`,
      `  GET /events   the same through the HTTP API (JSON of 100 events): p50 ${result.http_p50_ms} ms, p99 ${result.http_p99_ms} ms`,
      '  plan',
      ...result.plan.map((line) => `    ${line}`),
      '',
    ].join('\n'));
  }
}
