import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../serve/start-server.ts';
import { openStore } from '../../store/open-store.ts';
import { describeFailure, describeIngest, ingestPaths } from '../shared/ingest-paths.ts';
import { wholeNumber } from '../shared/options.ts';
import { EXAMPLES, WEB_DIST } from '../shared/paths.ts';
import { storeLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

export interface DemoOptions {
  db?: string;
  port?: number;
  host: string;
}

/** `sitrep demo`: codes and stores examples/ (once), then serves the API and the web map until stopped. */
export async function demo(options: DemoOptions): Promise<void> {
  const port = options.port ?? (process.env.PORT ? wholeNumber('PORT', 0, 65535)(process.env.PORT) : 8080);
  const location = storeLocation({ db: options.db });
  const store = await openStore(location, storeRules());
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  let closing = false;
  // Ctrl-C while coding stops between articles; while serving it closes the server, then the store.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    if (!server) return;
    process.stderr.write(`sitrep: ${signal}, shutting down\n`);
    await server.close();
    await store.close();
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const summary = await ingestPaths(store, [EXAMPLES], { workers: 1, shouldStop: () => closing });
  for (const failure of summary.failed) process.stderr.write(`${describeFailure(failure)}\n`);
  process.stdout.write(`examples/ → ${location}: ${describeIngest(summary)}\n`);
  if (closing) {
    await store.close();
    return;
  }
  const stats = await store.stats();
  const types = stats.by_type.map((t) => `${t.count} ${t.event_type ?? 'PLOVER-only'}`).join(', ');
  process.stdout.write(`store holds ${stats.total} events${types ? ` (${types})` : ''}\n`);

  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    process.stderr.write('sitrep: the web map is not built (web/dist); run `npm run build:web`. Serving the API only.\n');
  }
  server = await startServer({ store, port, host: options.host, webRoot: WEB_DIST });
  if (closing) {
    await server.close();
    await store.close();
    return;
  }
  process.stdout.write(`sitrep: map and API on ${server.url.replace('//127.0.0.1:', '//localhost:')}  (Ctrl-C stops)\n`);
}
