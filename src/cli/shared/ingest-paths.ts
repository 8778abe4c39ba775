import { availableParallelism } from 'node:os';
import { readDocuments, type ReadOptions } from '../../ingest/read-documents.ts';
import type { Article, IngestResult } from '../../ingest/types.ts';
import type { EventStore } from '../../store/types.ts';
import { TimeSlice } from '../../store/records.ts';
import { codeStream } from './code-stream.ts';
import { datedArticle, problemLocation } from './articles.ts';

export interface IngestSummary {
  read: number;
  stored: number;
  duplicate: number;
  failed: { where: string; reason: string }[];
  created: number;
  merged: number;
  /** `shouldStop` answered true before every document was read. */
  interrupted: boolean;
}

export interface IngestOptions {
  /** Input limits other than the defaults of src/ingest/limits.ts. */
  limits?: ReadOptions;
  /** Publication date for articles that give none. */
  date?: string;
  /** Coding threads; 1 codes in this thread. Default: the number of cores. */
  workers?: number;
  /** Called after each document with the running totals. */
  onProgress?: (summary: IngestSummary) => void;
  /** Asked between articles; true ends the run (what is stored stays whole: one transaction per article). */
  shouldStop?: () => boolean;
}

/** A read result, and whether its article is already stored (then it is not coded again). */
interface Read {
  result: IngestResult;
  stored: boolean;
}

/**
 * Asks the store about each article before it is coded: a re-run after an interruption streams past what is
 * stored at reading speed, holding one record at a time, and codes only the rest.
 */
async function* markStored(documents: AsyncIterable<IngestResult>, store: EventStore): AsyncGenerator<Read> {
  for await (const result of documents) {
    // A look-up that fails is no verdict: the article goes on to addArticle, which reports the error itself.
    const stored = result.ok ? await store.hasArticle(result.article).catch(() => false) : false;
    yield { result, stored };
  }
}

/**
 * Reads, codes and stores every document under `paths` (what `sitrep ingest` and `sitrep demo` do).
 * Idempotent: the store skips articles it already holds. Problems are counted, never thrown.
 */
export async function ingestPaths(store: EventStore, paths: string[], options: IngestOptions = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, stored: 0, duplicate: 0, failed: [], created: 0, merged: 0, interrupted: false };
  const articleOf = (read: Read): Article | null => (read.stored ? null : datedArticle(read.result, options.date));
  const documents = markStored(readDocuments(paths, options.limits), store);
  const coded = codeStream(documents, articleOf, { workers: options.workers ?? availableParallelism() });
  // Reading a file already in memory and storing in SQLite settle as microtasks only: without a turn of
  // the event loop now and then, a signal (Ctrl-C) would not be seen before the end of the run.
  const turns = new TimeSlice(50);
  for await (const { item: { result: item, stored }, events } of coded) {
    await turns.maybeYield();
    if (options.shouldStop?.()) {
      summary.interrupted = true;
      break;
    }
    summary.read++;
    const article = articleOf({ result: item, stored });
    if (stored) summary.duplicate++;
    else if (!item.ok || !article) {
      if (!item.ok) summary.failed.push({ where: problemLocation(item.problem), reason: item.problem.reason });
    } else if (events instanceof Error || events === null) {
      summary.failed.push({ where: article.origin, reason: `coding failed: ${events?.message ?? 'no result'}` });
    } else {
      try {
        const result = await store.addArticle(article, events);
        if (result.duplicate) summary.duplicate++;
        else summary.stored++;
        summary.created += result.created.length;
        summary.merged += result.merged.length;
      } catch (error) {
        summary.failed.push({ where: article.origin, reason: (error as Error).message });
      }
    }
    options.onProgress?.(summary);
  }
  return summary;
}

/** The line printed for a document that was not stored: where it is and why. */
export function describeFailure(failure: IngestSummary['failed'][number]): string {
  // A store error may already name the document.
  return failure.reason.startsWith(failure.where) ? `sitrep: failed ${failure.reason}` : `sitrep: failed ${failure.where}: ${failure.reason}`;
}

/** Exit status of an ingest run: 0, 2 when a document failed, 130 when interrupted (as a shell reports Ctrl-C). */
export function ingestExitCode(summary: IngestSummary): number {
  if (summary.interrupted) return 130;
  return summary.failed.length > 0 ? 2 : 0;
}

/** The one-line account of an ingest run that the commands print. */
export function describeIngest(summary: IngestSummary): string {
  return `read ${summary.read}, stored ${summary.stored}, duplicate ${summary.duplicate}, failed ${summary.failed.length}; `
    + `events created ${summary.created}, merged ${summary.merged}${summary.interrupted ? ' (interrupted)' : ''}`;
}
