import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readDocuments } from '../../ingest/read-documents.ts';
import type { Article, IngestProblem, IngestResult } from '../../ingest/types.ts';
import { EVENT_FORMATS, type EventFormat } from '../../serve/format-events.ts';
import { codeStream } from '../code-stream.ts';
import { EventWriter } from '../event-writer.ts';
import { addLimitOptions, limitsFrom, wholeNumber, type LimitOptions } from '../limit-options.ts';
import { Progress } from '../progress.ts';

function parseFormat(value: string): EventFormat {
  if (!(EVENT_FORMATS as readonly string[]).includes(value)) {
    throw new InvalidArgumentError(`--format must be one of ${EVENT_FORMATS.join(', ')}`);
  }
  return value as EventFormat;
}

export function parseDay(value: string): string {
  const date = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(`--date must be a real calendar date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

/** Where a problem is: `file:line (field f)`. */
export function problemLocation(problem: IngestProblem): string {
  const where = problem.line !== null ? `${problem.origin}:${problem.line}` : problem.origin;
  return `${where}${problem.field ? ` (field ${problem.field})` : ''}`;
}

export function describeProblem(problem: IngestProblem): string {
  return `${problemLocation(problem)}: ${problem.reason}`;
}

/** The article dated by `date` when it gives no date itself (--date); a date the document gives is never overridden. */
export function withDate(article: Article, date: string | undefined): Article {
  return article.published || !date ? article : { ...article, published: date };
}

/** The article of a read result, dated by `date` when it gives no date itself; null for a problem. */
export function datedArticle(result: IngestResult, date: string | undefined): Article | null {
  return result.ok ? withDate(result.article, date) : null;
}

export function registerCode(program: Command): void {
  addLimitOptions(program
    .command('code')
    .description('Code articles (files or directories) into events and print them as they are coded')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files (each also gzipped, .gz), or directories of them')
    .option('-f, --format <format>', `output format: ${EVENT_FORMATS.join(', ')}`, parseFormat, 'json' as EventFormat)
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('--flagged', 'also print negated, hypothetical and future events (field "modality")')
    .option('-w, --workers <n>', 'coding threads (default 1: codes in this thread)', wholeNumber('--workers', 1, 256))
    .option('-q, --quiet', 'no progress display'))
    .action(async (paths: string[], options: { format: EventFormat; date?: string; flagged?: boolean; workers?: number; quiet?: boolean } & LimitOptions) => {
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
    });
}
