import type { Command } from 'commander';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../serve/start-server.ts';
import { wholeNumber } from '../limit-options.ts';
import { openStore, DEFAULT_DB } from '../../store/open-store.ts';
import { PostgresJobQueue } from '../../store/job-queue.ts';
import { storeRules } from '../../store-rules.ts';
import { storeLocation } from './ingest.ts';
import { queueLocation } from './enqueue.ts';

/** The built web map, served at /. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the HTTP API and the web map')
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('--store <url>', 'a postgres:// URL or a SQLite file (overrides --db; default $SITREP_STORE)')
    .option('-p, --port <n>', 'port (0 picks a free one)', wholeNumber('--port', 0, 65535), 8080)
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--token <token>', 'API token for POST /articles (default $SITREP_API_TOKEN; without one, writes are refused)')
    .option('--protect-reads', 'require the token for reads too')
    .option('--queue', 'POST /articles queues articles for `sitrep worker` (PostgreSQL stores only) instead of coding them in the server')
    .option('--web <dir>', 'built web map to serve at /', WEB_DIST)
    .option('--body-limit <bytes>', 'largest request body (default 1 MB)', wholeNumber('--body-limit'))
    .option('--max-text-chars <n>', 'longest article text POST /articles accepts (default 200,000)', wholeNumber('--max-text-chars'))
    .action(async (options: {
      db?: string; store?: string; port: number; host: string; token?: string; protectReads?: boolean; web: string;
      bodyLimit?: number; maxTextChars?: number; queue?: boolean;
    }) => {
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
    });
}
