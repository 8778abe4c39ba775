import { readDocuments } from '../../ingest/read-documents.ts';
import type { EventFormat } from '../../serve/event-formats.ts';
import { datedArticle, describeProblem } from '../shared/articles.ts';
import { codeStream } from '../shared/code-stream.ts';
import { EventWriter } from '../shared/event-writer.ts';
import { limitsFrom, type LimitOptions } from '../shared/options.ts';
import { Progress } from '../shared/progress.ts';

export interface CodeOptions extends LimitOptions {
  format: EventFormat;
  date?: string;
  flagged?: boolean;
  workers?: number;
  quiet?: boolean;
}

/** `sitrep code`: codes the documents under `paths` and prints their events as they are coded. */
export async function code(paths: string[], options: CodeOptions): Promise<void> {
  const writer = new EventWriter(options.format);
  const progress = new Progress('code', '{coded} coded | {events} events | {skipped} skipped', options.quiet);
  const counts = { coded: 0, events: 0, skipped: 0 };
  let read = 0;
  const undated: string[] = [];
  await writer.start();
  progress.start(counts);
  try {
    const documents = readDocuments(paths, limitsFrom(options));
    const coded = codeStream(documents, (r) => datedArticle(r, options.date), { workers: options.workers, includeFlagged: options.flagged });
    for await (const { item, events } of coded) {
      read++;
      if (!item.ok) {
        counts.skipped++;
        process.stderr.write(`sitrep: skipped ${describeProblem(item.problem)}\n`);
      } else if (events instanceof Error || events === null) {
        counts.skipped++;
        process.stderr.write(`sitrep: failed ${item.article.origin}: coding failed: ${events?.message ?? 'no result'}\n`);
      } else {
        counts.coded++;
        if (!item.article.published && !options.date && events.some((e) => e.event_date === null)) undated.push(item.article.origin);
        counts.events += events.length;
        await writer.write(events);
      }
      progress.update(read, counts);
    }
  } finally {
    progress.stop();
  }
  await writer.end();
  if (undated.length > 0) {
    // Relative dates ("on Tuesday") need the publication day: without it every event_date is null.
    const names = undated.slice(0, 3).join(', ');
    process.stderr.write(`sitrep: ${undated.length} article${undated.length === 1 ? '' : 's'} without a publication date (${names}${undated.length > 3 ? ', …' : ''}): `
      + 'their events have event_date null; give the day they were published with --date YYYY-MM-DD\n');
  }
  if (counts.skipped > 0) process.exitCode = 2;
}
