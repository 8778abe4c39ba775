import type { CodedEvent } from '../../events/event-schema.ts';
import type { Article } from '../../ingest/types.ts';
import { codeArticle, defaultResources } from '../../pipeline.ts';
import { CodingPool, codeInOrder } from '../../workers/coding-pool.ts';

/** An item with its events: the events, the error coding threw, or null when the item held no article to code. */
export interface Coded<T> {
  item: T;
  events: CodedEvent[] | Error | null;
}

export interface CodeStreamOptions {
  /** Coding threads; 1 (or none) codes in this thread. */
  workers?: number;
  includeFlagged?: boolean;
}

async function* codedInProcess<T>(items: AsyncIterable<T>, articleOf: (item: T) => Article | null, includeFlagged: boolean): AsyncGenerator<Coded<T>> {
  const resources = defaultResources();
  for await (const item of items) {
    const article = articleOf(item);
    let events: CodedEvent[] | Error | null = null;
    if (article) {
      try {
        events = codeArticle(article, resources, { includeFlagged });
      } catch (error) {
        events = error as Error;
      }
    }
    yield { item, events };
  }
}

/**
 * Codes a stream of items as it is read, in input order: in this thread, or with `workers` threads keeping a
 * bounded number of articles in flight (codeInOrder's window), so memory does not grow with the input.
 */
export async function* codeStream<T>(items: AsyncIterable<T>, articleOf: (item: T) => Article | null, options: CodeStreamOptions = {}): AsyncGenerator<Coded<T>> {
  const includeFlagged = options.includeFlagged ?? false;
  const workers = options.workers ?? 1;
  if (workers <= 1) {
    yield* codedInProcess(items, articleOf, includeFlagged);
    return;
  }
  const pool = new CodingPool(workers);
  try {
    yield* codeInOrder(items, articleOf, pool, pool.size * 4, { includeFlagged });
  } finally {
    await pool.close();
  }
}
