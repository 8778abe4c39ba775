import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodedEvent } from '../events/event-schema.ts';
import type { Article, IngestResult } from '../ingest/types.ts';
import type { PlaceRecord } from '../resolve/place-records.ts';

/**
 * An article to code (with `includeFlagged`, also its negated, hypothetical and future events, as `sitrep code
 * --flagged`), an HTML page to read into one (so that a page's extraction runs off the caller's thread too), or an
 * article whose place mentions to resolve (`GET /articles/:id/places`).
 */
export type CodingRequest = { id: number; article: Article; includeFlagged?: boolean } | { id: number; html: string; origin: string }
  | { id: number; places: Article };

export type CodingReply = { id: number; events: CodedEvent[] } | { id: number; read: IngestResult } | { id: number; places: PlaceRecord[] }
  | { id: number; error: string };

type CodingResult = CodedEvent[] | IngestResult | PlaceRecord[];

/** How long `sitrep serve` and `sitrep watch` let one article be coded (or one page read) before refusing it. */
export const DEFAULT_CODING_DEADLINE_MS = 60_000;

interface Pending {
  resolve(value: CodingResult): void;
  reject(error: Error): void;
  worker: number;
  timer: NodeJS.Timeout | null;
}

/** An article whose coding outlived its deadline: its thread was stopped (and replaced). */
export class CodingDeadlineError extends Error {
  constructor(readonly origin: string, readonly deadlineMs: number) {
    super(`${origin}: coding took longer than ${deadlineMs} ms; stopped`);
    this.name = 'CodingDeadlineError';
  }
}

/**
 * The compiled CLI (scripts/build-cli.ts) defines this as its compiled worker's path from the package root; under
 * tsx it is not defined.
 */
declare const SITREP_COMPILED_WORKER: string | undefined;

/** How a coding thread is started: the compiled worker, or the TypeScript source through tsx. */
function workerScript(): { script: URL | string; eval: boolean } {
  if (typeof SITREP_COMPILED_WORKER === 'string') {
    return { script: new URL(SITREP_COMPILED_WORKER, new URL('../../', import.meta.url)), eval: false };
  }
  // Node 20 does not carry tsx's module hooks into worker threads, so the worker starts with a one-line script
  // that registers tsx and then imports the TypeScript worker module.
  const source = new URL('./code-worker.ts', import.meta.url);
  const script = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); });`;
  return { script, eval: true };
}

const WORKER_SCRIPT = workerScript();

/**
 * Codes articles in worker threads. Each worker holds its own copy of the coding resources; articles go to
 * whichever worker has the fewest in hand. Results come back per article, so callers keep their own order.
 */
export class CodingPool {
  private readonly workers: Worker[] = [];
  private readonly load: number[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;

  constructor(size: number = availableParallelism()) {
    for (let i = 0; i < Math.max(1, size); i++) {
      this.workers.push(this.start(i));
      this.load.push(0);
    }
  }

  private start(index: number): Worker {
    const worker = new Worker(WORKER_SCRIPT.script, { eval: WORKER_SCRIPT.eval });
    worker.on('message', (reply: CodingReply) => this.settle(index, reply));
    worker.on('error', (error) => this.failAll(error));
    return worker;
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Codes `article` in a thread. With `deadlineMs`, a coding that takes longer (counted from now, so a fresh
   * thread's loading counts too) is stopped: the thread is ended and replaced, the article rejected with a
   * CodingDeadlineError, and any other article queued on that thread rejected as well. The caller's thread
   * never waits on the coder, so a server or watcher goes on answering meanwhile.
   */
  code(article: Article, options: { includeFlagged?: boolean; deadlineMs?: number } = {}): Promise<CodedEvent[]> {
    const { includeFlagged, deadlineMs } = options;
    return this.send((id) => ({ id, article, includeFlagged }), article.origin, deadlineMs) as Promise<CodedEvent[]>;
  }

  /** Reads an HTML page (src/ingest/read-html.ts) in a thread, under the same kind of deadline as `code`. */
  readHtml(html: string, origin: string, deadlineMs?: number): Promise<IngestResult> {
    return this.send((id) => ({ id, html, origin }), origin, deadlineMs) as Promise<IngestResult>;
  }

  /** Resolves every place mention of `article` (src/pipeline.ts articlePlaces) in a thread, under the same kind of deadline. */
  places(article: Article, deadlineMs?: number): Promise<PlaceRecord[]> {
    return this.send((id) => ({ id, places: article }), article.origin, deadlineMs) as Promise<PlaceRecord[]>;
  }

  private send(request: (id: number) => CodingRequest, origin: string, deadlineMs?: number): Promise<CodingResult> {
    const id = this.nextId++;
    const index = this.load.indexOf(Math.min(...this.load));
    this.load[index]! += 1;
    return new Promise<CodingResult>((resolve, reject) => {
      const timer = deadlineMs === undefined ? null : setTimeout(() => this.expire(index, id, origin, deadlineMs), deadlineMs);
      this.pending.set(id, { resolve, reject, worker: index, timer });
      this.workers[index]!.postMessage(request(id));
    });
  }

  private expire(index: number, id: number, origin: string, deadlineMs: number): void {
    const stopped = this.workers[index]!;
    this.workers[index] = this.start(index);
    this.load[index] = 0;
    void stopped.terminate();
    for (const [pendingId, pending] of this.pending) {
      if (pending.worker !== index) continue;
      this.pending.delete(pendingId);
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(pendingId === id ? new CodingDeadlineError(origin, deadlineMs)
        : new Error(`the coding thread was stopped for another article (${origin}) that outlived its deadline`));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(worker: number, reply: CodingReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.load[worker]! -= 1;
    this.pending.delete(reply.id);
    if (pending.timer) clearTimeout(pending.timer);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve('read' in reply ? reply.read : 'places' in reply ? reply.places : reply.events);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) {
      if (pending.timer) clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.pending.clear();
  }
}

/**
 * Codes a stream of items in the pool and yields them in their input order, with at most `window`
 * articles in flight, so memory stays bounded however long the stream is.
 */
export async function* codeInOrder<T>(
  items: AsyncIterable<T>,
  articleOf: (item: T) => Article | null,
  pool: CodingPool,
  window = pool.size * 4,
  options: { includeFlagged?: boolean } = {},
): AsyncGenerator<{ item: T; events: CodedEvent[] | Error | null }> {
  const inFlight: { item: T; result: Promise<CodedEvent[] | Error | null> }[] = [];
  for await (const item of items) {
    const article = articleOf(item);
    const result = article ? pool.code(article, options).catch((error: Error) => error) : Promise.resolve(null);
    inFlight.push({ item, result });
    if (inFlight.length >= window) {
      const first = inFlight.shift()!;
      yield { item: first.item, events: await first.result };
    }
  }
  for (const { item, result } of inFlight) yield { item, events: await result };
}
