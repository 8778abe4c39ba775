import { startServer } from '../../serve/start-server.ts';
import { PostgresJobQueue } from '../../store/job-queue.ts';
import { openStore } from '../../store/open-store.ts';
import { queueLocation, storeLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

export interface ServeOptions {
  db?: string; store?: string; port: number; host: string; token?: string; protectReads?: boolean; web: string;
  bodyLimit?: number; maxTextChars?: number; queue?: boolean;
}

/** `sitrep serve`: serves the API and the web map until SIGTERM or Ctrl-C. */
export async function serve(options: ServeOptions): Promise<void> {
  const location = options.queue ? queueLocation(options) : storeLocation(options);
  const store = await openStore(location, storeRules());
  const queue = options.queue ? await PostgresJobQueue.open(location) : null;
  const token = options.token ?? process.env.SITREP_API_TOKEN ?? null;
  const server = await startServer({
    store, port: options.port, host: options.host, token, protectReads: options.protectReads ?? false, webRoot: options.web,
    bodyLimit: options.bodyLimit, maxTextChars: options.maxTextChars, queue,
  });
  process.stdout.write(`sitrep: serving on ${server.url}${token ? '' : ' (read-only: no API token set)'}\n`);
  let closing = false;
  // Graceful shutdown: stop accepting, finish in-flight requests (and their transactions), then close the store.
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`sitrep: ${signal}, shutting down\n`);
    await server.close();
    await queue?.close();
    await store.close();
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}
