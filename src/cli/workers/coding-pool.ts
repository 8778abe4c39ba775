import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CodedEvent } from '../../events/event-schema.ts';
import type { Article } from '../../ingest/types.ts';

export interface CodingRequest {
  id: number;
  article: Article;
  /** Also code negated, hypothetical and future events (`sitrep code --flagged`). */
  includeFlagged?: boolean;
}

export type CodingReply = { id: number; events: CodedEvent[] } | { id: number; error: string };

interface Pending {
  resolve(events: CodedEvent[]): void;
  reject(error: Error): void;
}

const WORKER_URL = new URL('./code-worker.ts', import.meta.url);

/**
 * Node 20 does not carry tsx's module hooks into worker threads, so each worker starts with a one-line
 * script that registers tsx and then imports the TypeScript worker module.
 */
const BOOTSTRAP = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
  .then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_URL.href)}); });`;

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
      const worker = new Worker(BOOTSTRAP, { eval: true });
      worker.on('message', (reply: CodingReply) => this.settle(i, reply));
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  code(article: Article, options: { includeFlagged?: boolean } = {}): Promise<CodedEvent[]> {
    const id = this.nextId++;
    const index = this.load.indexOf(Math.min(...this.load));
    this.load[index]! += 1;
    return new Promise<CodedEvent[]>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[index]!.postMessage({ id, article, includeFlagged: options.includeFlagged } satisfies CodingRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private settle(worker: number, reply: CodingReply): void {
    this.load[worker]! -= 1;
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if ('error' in reply) pending.reject(new Error(reply.error));
    else pending.resolve(reply.events);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
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
