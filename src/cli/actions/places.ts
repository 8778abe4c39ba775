import { readDocuments } from '../../ingest/read-documents.ts';
import { articlePlaces, defaultResources } from '../../pipeline.ts';
import { formatPlaceRecords, type PlaceFormat } from '../../serve/format-places.ts';
import type { PlaceRecord } from '../../resolve/place-records.ts';
import { describeProblem } from '../shared/articles.ts';
import { limitsFrom, type LimitOptions } from '../shared/options.ts';

export interface PlacesOptions extends LimitOptions {
  format: PlaceFormat;
}

/** `sitrep places`: prints every place mention of the documents under `paths`, resolved. */
export async function places(paths: string[], options: PlacesOptions): Promise<void> {
  const resources = defaultResources();
  const records: PlaceRecord[] = [];
  let problems = 0;
  for await (const result of readDocuments(paths, limitsFrom(options))) {
    if (!result.ok) {
      problems++;
      process.stderr.write(`sitrep: skipped ${describeProblem(result.problem)}\n`);
      continue;
    }
    const found = articlePlaces(result.article, resources);
    // JSONL streams article by article; the other formats are one document.
    if (options.format === 'jsonl') process.stdout.write(formatPlaceRecords(found, 'jsonl'));
    else records.push(...found);
  }
  if (options.format !== 'jsonl') process.stdout.write(formatPlaceRecords(records, options.format));
  if (problems > 0) process.exitCode = 2;
}
