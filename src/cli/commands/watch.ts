import type { Command } from 'commander';
import { DEFAULT_DB } from '../../store/defaults.ts';
import type { WatchOptions } from '../actions/watch.ts';
import { parseDay } from '../shared/options.ts';

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('Poll RSS/Atom feeds, fetch their new articles (allowed hosts only, public addresses only), code and store them')
    .argument('<feeds>', 'feed configuration file (YAML; see docs/feeds.md)')
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('--store <url>', 'store location: a postgres:// URL or a SQLite file (overrides --db; default $SITREP_STORE)')
    .option('--state <file>', 'where validators and handled items are remembered (default: next to the store)')
    .option('--once', 'poll every feed once and exit')
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .action(async (feedsFile: string, options: WatchOptions) => (await import('../actions/watch.ts')).watch(feedsFile, options));
}
