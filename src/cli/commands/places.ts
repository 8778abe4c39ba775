import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readDocuments } from '../../ingest/read-documents.ts';
import { articlePlaces, defaultResources } from '../../pipeline.ts';
import { formatPlaceRecords, PLACE_FORMATS, type PlaceFormat } from '../../serve/format-places.ts';
import type { PlaceRecord } from '../../resolve/place-records.ts';
import { addLimitOptions, limitsFrom, type LimitOptions } from '../limit-options.ts';
import { describeProblem } from './code.ts';

function parseFormat(value: string): PlaceFormat {
  if (!(PLACE_FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(`--format must be one of ${PLACE_FORMATS.join(', ')}`);
  return value as PlaceFormat;
}

export function registerPlaces(program: Command): void {
  addLimitOptions(program
    .command('places')
    .description('Print every place mention of the articles (files or directories), resolved: offsets, name, point, country, feature, precision, reason')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .option('-f, --format <format>', `output format: ${PLACE_FORMATS.join(', ')}`, parseFormat, 'jsonl' as PlaceFormat))
    .action(async (paths: string[], options: { format: PlaceFormat } & LimitOptions) => {
      const resources = defaultResources();
      const records: PlaceRecord[] = [];
      let problems = 0;
      for await (const result of readDocuments(paths, limitsFrom(options))) {
        if (!result.ok) {
          problems++;
          process.stderr.write(`sitrep: skipped ${describeProblem(result.problem)}\n`);
          continue;
        }
        const places = articlePlaces(result.article, resources);
        // JSONL streams article by article; the other formats are one document.
        if (options.format === 'jsonl') process.stdout.write(formatPlaceRecords(places, 'jsonl'));
        else records.push(...places);
      }
      if (options.format !== 'jsonl') process.stdout.write(formatPlaceRecords(records, options.format));
      if (problems > 0) process.exitCode = 2;
    });
}
