import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { importGeoNamesDump } from '../../gazetteer/import-dump.ts';
import { gazetteerDir, IMPORTS_FILE } from '../../gazetteer/open-gazetteer.ts';

/** Past this many, bad lines are counted but no longer printed one by one. */
const PRINTED_BAD_LINES = 1000;

export interface GazetteerImportOptions {
  alternateNames?: string;
  database?: string;
}

/** `sitrep gazetteer import`: adds a GeoNames dump to the imported gazetteer, with a progress bar. */
export async function importGazetteer(file: string, options: GazetteerImportOptions): Promise<void> {
  const database = options.database ?? join(gazetteerDir(), IMPORTS_FILE);
  const bar = new cliProgress.SingleBar({
    format: 'importing {bar} {percentage}% | {rows} places',
    stream: process.stderr,
    hideCursor: true,
  }, cliProgress.Presets.shades_classic);
  let barStarted = false;
  let printed = 0;
  const summary = await importGeoNamesDump(file, {
    database,
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
  process.stdout.write(`imported ${summary.rows} places into ${database}`
    + (options.alternateNames ? `, ${summary.alternateNames} alternate names (${summary.alternateNamesSkipped} skipped)` : '')
    + `; ${summary.badLines} bad line${summary.badLines === 1 ? '' : 's'} skipped\n`);
  if (summary.badLines > 0) process.exitCode = 2;
}
