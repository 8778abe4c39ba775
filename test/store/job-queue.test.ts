import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultResources } from '../../src/pipeline.ts';
import { LeaseLostError, PostgresJobQueue } from '../../src/store/job-queue.ts';
import { PostgresStore } from '../../src/store/postgres-store.ts';
import { runWorker, type WorkerOptions } from '../../src/cli/actions/worker.ts';
import { makeArticle, makeEvent } from './fixtures.ts';
import { freshSchema } from './postgres-fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

type TestContext = { after: (fn: () => void | Promise<void>) => void };

async function openQueue(t: TestContext): Promise<{ store: PostgresStore; queue: PostgresJobQueue }> {
  const { url } = await freshSchema(t);
  const store = await PostgresStore.open(url, storeRules(), { poolSize: 3 });
  t.after(() => store.close());
  return { store, queue: new PostgresJobQueue(store.pool, url) };
}

/** Ends the lease of a job now, as if its worker had been killed and the lease had run out. */
async function expireLease(store: PostgresStore, jobId: string): Promise<void> {
  await store.pool.query("UPDATE jobs SET locked_until = now() - interval '1 second' WHERE id = $1", [jobId]);
}

test('queue: enqueueing an article twice queues it once', async (t) => {
  const { queue } = await openQueue(t);
  const a = makeArticle('First queued article.');
  const b = makeArticle('Second queued article.');
  assert.deepEqual(await queue.enqueueMany([a, b]), { queued: 2, requeued: 0, already: 0 });
  assert.deepEqual(await queue.enqueue(a), { queued: 0, requeued: 0, already: 1 });
  assert.equal((await queue.counts()).pending, 2);
});

test('queue: a claimed job is not claimed by another worker while its lease holds, and is claimed again once it expired', async (t) => {
  const { store, queue } = await openQueue(t);
  await queue.enqueue(makeArticle('An article whose worker dies.'));
  const first = await queue.claim('worker-a', 60);
  assert.ok(first);
  assert.equal(first.attempts, 1);
  assert.equal(await queue.claim('worker-b', 60), null, 'leased to worker-a');

  await expireLease(store, first.id);
  const again = await queue.claim('worker-b', 60);
  assert.equal(again?.id, first.id);
  assert.equal(again.attempts, 2);
  assert.equal(again.locked_by, 'worker-b');

  // worker-a comes back late: its store transaction is rolled back, nothing of the article is stored.
  const article = first.article;
  await assert.rejects(store.addArticleWith(article, [makeEvent(article)], (client) => queue.completeIn(client, first)), LeaseLostError);
  assert.equal((await store.queryEvents({}, { limit: 10, offset: 0 })).total, 0);
  await store.addArticleWith(article, [makeEvent(article)], (client) => queue.completeIn(client, again));
  assert.deepEqual(await queue.counts(), { pending: 0, running: 0, done: 1, failed: 0 });
  assert.equal((await store.queryEvents({}, { limit: 10, offset: 0 })).total, 1);
});

test('queue: a job whose worker dies on every attempt ends failed, saying so', async (t) => {
  const { store, queue } = await openQueue(t);
  await queue.enqueue(makeArticle('An article that kills its workers.'), 2);
  for (const worker of ['a', 'b']) {
    const job = await queue.claim(worker, 60);
    assert.ok(job, `attempt by ${worker}`);
    await expireLease(store, job.id);
  }
  assert.equal(await queue.claim('c', 60), null, 'no third attempt');
  const row = (await store.pool.query<{ status: string; last_error: string }>('SELECT status, last_error FROM jobs')).rows[0];
  assert.equal(row?.status, 'failed');
  assert.match(row.last_error, /lease of b expired on attempt 2 of 2/);
});

test('worker: an article that cannot be stored fails on each of its attempts and ends failed with its error; the others are stored', async (t) => {
  const { store, queue } = await openQueue(t);
  const good = makeArticle('Government forces shelled Idlib on 2020-03-04, killing three civilians.', { published: '2020-03-05' });
  const bad = makeArticle('Government forces shelled Homs on 2020-03-04.\u0000', { published: '2020-03-05' });
  await queue.enqueueMany([bad, good], 3);
  const lines: string[] = [];
  const options: WorkerOptions = {
    workerId: 'test-worker', leaseSeconds: 30, idleExit: true, pollMs: 10, signal: new AbortController().signal, log: (l) => lines.push(l),
  };
  const summary = await runWorker(store, queue, defaultResources(), options);
  assert.equal(summary.done, 1);
  assert.equal(summary.failed, 3);
  const rows = (await store.pool.query<{ article_id: string; status: string; attempts: number; last_error: string | null }>(
    'SELECT article_id, status, attempts, last_error FROM jobs ORDER BY id')).rows;
  assert.deepEqual(rows.map((r) => [r.article_id, r.status, r.attempts]), [[bad.id, 'failed', 3], [good.id, 'done', 1]]);
  assert.match(rows[0]!.last_error ?? '', /article\.text contains a NUL character/);
  assert.ok(lines.some((l) => l.includes('attempt 3 of 3 failed for good')));
  assert.equal((await store.stats()).total > 0, true, 'the good article was coded and stored');
});

test('serve with a queue: POST /articles answers 202, and a worker codes and stores the queued article', async (t) => {
  const { store, queue } = await openQueue(t);
  const { startServer } = await import('../../src/serve/start-server.ts');
  const server = await startServer({ store, queue, port: 0, host: '127.0.0.1', token: 'queue-token-0123456789' });
  t.after(() => server.close());
  const post = () => fetch(`${server.url}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer queue-token-0123456789' },
    body: JSON.stringify({ text: 'Gunmen killed three farmers in the village of Dansadau in Zamfara state on Monday, police said.', source: 'Wire', published: '2020-05-06' }),
  });
  const first = await post();
  assert.equal(first.status, 202);
  const body = await first.json() as { article_id: string; queued: boolean; duplicate: boolean };
  assert.deepEqual([body.queued, body.duplicate], [true, false]);
  assert.equal(((await (await post()).json()) as { duplicate: boolean }).duplicate, true, 'the same article is queued once');
  assert.equal((await store.queryEvents({}, { limit: 10, offset: 0 })).total, 0, 'nothing is coded by the server itself');

  const summary = await runWorker(store, queue, defaultResources(), {
    workerId: 'test-worker', leaseSeconds: 30, idleExit: true, pollMs: 10, signal: new AbortController().signal, log: () => undefined,
  });
  assert.equal(summary.done, 1);
  const stored = await store.queryEvents({}, { limit: 10, offset: 0 });
  assert.ok(stored.total >= 1);
  assert.ok(stored.events.every((e) => e.article_id === body.article_id));
});
