import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { readDocuments } from '../../ingest/read-documents.ts';
import type { Article, IngestProblem } from '../../ingest/types.ts';
import type { CodedEvent } from '../../events/event-schema.ts';
import { codeArticle, defaultResources } from '../../pipeline.ts';
import { EVENT_FORMATS, formatEvents, type EventFormat } from '../../serve/format-events.ts';
import { addLimitOptions, limitsFrom, type LimitOptions } from '../limit-options.ts';

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

/** Reads and codes every document under `paths`; problems go to `onProblem`, never stop the run. */
export async function codePaths(
  paths: string[],
  options: { date?: string; flagged?: boolean } & LimitOptions,
  onProblem: (problem: IngestProblem) => void,
): Promise<{ article: Article; events: CodedEvent[] }[]> {
  const resources = defaultResources();
  const coded: { article: Article; events: CodedEvent[] }[] = [];
  for await (const result of readDocuments(paths, limitsFrom(options))) {
    if (!result.ok) {
      onProblem(result.problem);
      continue;
    }
    // --date dates an undated article; a date the document gives itself is never overridden.
    const article = result.article.published || !options.date ? result.article : { ...result.article, published: options.date };
    coded.push({ article, events: codeArticle(article, resources, { includeFlagged: options.flagged ?? false }) });
  }
  return coded;
}

export function registerCode(program: Command): void {
  addLimitOptions(program
    .command('code')
    .description('Code articles (files or directories) into events and print them')
    .argument('<paths...>', 'text, Markdown, HTML, JSONL or RSS/Atom files, or directories of them')
    .option('-f, --format <format>', `output format: ${EVENT_FORMATS.join(', ')}`, parseFormat, 'json' as EventFormat)
    .option('-d, --date <YYYY-MM-DD>', 'publication date for articles that give none', parseDay)
    .option('--flagged', 'also print negated, hypothetical and future events (field "modality")'))
    .action(async (paths: string[], options: { format: EventFormat; date?: string; flagged?: boolean } & LimitOptions) => {
      let problems = 0;
      const coded = await codePaths(paths, options, (problem) => {
        problems++;
        process.stderr.write(`sitrep: skipped ${describeProblem(problem)}\n`);
      });
      const undated = coded.filter((c) => !c.article.published && c.events.some((e) => e.event_date === null));
      if (undated.length > 0) {
        // Relative dates ("on Tuesday") need the publication day: without it every event_date is null.
        const names = undated.slice(0, 3).map((c) => c.article.origin).join(', ');
        process.stderr.write(`sitrep: ${undated.length} article${undated.length === 1 ? '' : 's'} without a publication date (${names}${undated.length > 3 ? ', …' : ''}): `
          + 'their events have event_date null; give the day they were published with --date YYYY-MM-DD\n');
      }
      process.stdout.write(formatEvents(coded.flatMap((c) => c.events), options.format));
      if (problems > 0) process.exitCode = 2;
    });
}
