import type { Command } from 'commander';
import { DEFAULT_DB } from '../../store/defaults.ts';
import type { ServeOptions } from '../actions/serve.ts';
import { wholeNumber } from '../shared/options.ts';
import { WEB_DIST } from '../shared/paths.ts';

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
    .action(async (options: ServeOptions) => (await import('../actions/serve.ts')).serve(options));
}
