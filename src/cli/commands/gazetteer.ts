import { join } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { importGeoNamesDump } from '../../resolve/gazetteer/import-dump.ts';
import { gazetteerDir, IMPORTS_FILE } from '../../resolve/gazetteer/open-gazetteer.ts';

/** Past this many, bad lines are counted but no longer printed one by one. */
const PRINTED_BAD_LINES = 1000;

export function registerGazetteer(program: Command): void {
  const gazetteer = program.command('gazetteer').description('Manage the gazetteer that places events');
  gazetteer
    .command('import')
    .description('Add a GeoNames dump (19-column format: allCountries.txt, SY.txt, ...) to the gazetteer')
    .argument('<file>', 'GeoNames dump')
    .option('--alternate-names <file>', "GeoNames alternateNames file: more spellings of the dump's places")
    .option('--database <file>', 'SQLite file to import into', join(gazetteerDir(), IMPORTS_FILE))
    .action(async (file: string, options: { alternateNames?: string; database: string }) => {
      const bar = new cliProgress.SingleBar({
        format: 'importing {bar} {percentage}% | {rows} places',
        stream: process.stderr,
        hideCursor: true,
      }, cliProgress.Presets.shades_classic);
      let barStarted = false;
      let printed = 0;
      const summary = await importGeoNamesDump(file, {
        database: options.database,
        alternateNames: options.alternateNames,
        onProgress: ({ bytesRead, totalBytes, rows }) => {
          if (!barStarted) {
            bar.start(totalBytes, 0, { rows: 0 });
            barStarted = true;
          }
          bar.setTotal(totalBytes);
          bar.update(bytesRead, { rows });
        },
        onBadLine: (bad) => {
          if (printed++ >= PRINTED_BAD_LINES) return;
          const text = `${bad.file}:${bad.line}: field "${bad.field}": ${bad.reason}; line skipped\n`;
          if (barStarted) bar.stop();
          process.stderr.write(text);
          barStarted = false;
        },
      });
      if (barStarted) bar.stop();
      if (summary.badLines > PRINTED_BAD_LINES) process.stderr.write(`... and ${summary.badLines - PRINTED_BAD_LINES} more bad lines\n`);
      process.stdout.write(`imported ${summary.rows} places into ${options.database}`
        + (options.alternateNames ? `, ${summary.alternateNames} alternate names (${summary.alternateNamesSkipped} skipped)` : '')
        + `; ${summary.badLines} bad line${summary.badLines === 1 ? '' : 's'} skipped\n`);
      if (summary.badLines > 0) process.exitCode = 2;
    });
}
