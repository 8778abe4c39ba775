import type { Command } from 'commander';
import { EVENT_FORMATS } from '../../serve/event-formats.ts';
import { DEFAULT_DB } from '../../store/defaults.ts';
import type { ExportOptions } from '../actions/export.ts';
import { formatOption } from '../shared/options.ts';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('Print the stored events (all, or those matching the filters)')
    .addOption(formatOption(EVENT_FORMATS, 'json'))
    .option('--db <file>', `SQLite file (default ${DEFAULT_DB})`)
    .option('--store <url>', 'a postgres:// URL or a SQLite file (overrides --db; default $SITREP_STORE)')
    .option('--from <YYYY-MM-DD>', 'first event date').option('--to <YYYY-MM-DD>', 'last event date')
    .option('--bbox <minLon,minLat,maxLon,maxLat>', 'bounding box')
    .option('--event-type <name>', 'ACLED event type').option('--sub-event-type <name>', 'ACLED sub-event type')
    .option('--plover-event <CATEGORY>', 'PLOVER category, e.g. THREATEN')
    .option('--acled <true|false>', 'true: only events with an ACLED type; false: only PLOVER-only events')
    .option('--actor <name or id>', 'actor').option('--country <name>', 'country').option('--admin1 <name>', 'admin1')
    .option('--source <outlet>', 'reporting outlet').option('--q <words>', 'words in the sentences or location')
    .action(async (options: ExportOptions) => (await import('../actions/export.ts')).exportEvents(options));
}
