import { FeedConfigError, loadFeedConfig } from '../../ingest/feed-config.ts';
import type { Article } from '../../ingest/types.ts';
import { FeedWatcher, type FeedPollReport } from '../../ingest/watch-feeds.ts';
import { PostgresJobQueue } from '../../store/job-queue.ts';
import { isPostgresUrl, openStore } from '../../store/open-store.ts';
import { CodingPool, DEFAULT_CODING_DEADLINE_MS } from '../../workers/coding-pool.ts';
import { withDate } from '../shared/articles.ts';
import { storeLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

export interface WatchOptions {
  db?: string;
  store?: string;
  state?: string;
  once?: boolean;
  date?: string;
}

/** The state file's default place: beside a SQLite store, else in the working directory. */
function defaultStatePath(store: string): string {
  return isPostgresUrl(store) ? './sitrep-watch-state.json' : `${store}.watch.json`;
}

interface StoreCounts { stored: number; duplicate: number; created: number; merged: number; queued: number }

function describePoll(report: FeedPollReport, counts: StoreCounts): string {
  const head = `${new Date().toISOString()} ${report.feed}:`;
  if (report.status === 'failed') return `${head} feed failed (${report.error ?? 'unknown reason'})`;
  const feed = report.status === 'not-modified' ? 'not modified' : `${report.new} new`;
  return `${head} ${feed}; submitted ${report.submitted}, failed ${report.failed}, gave up ${report.gaveUp}, deferred ${report.deferred}`
    + (counts.queued > 0 ? ` | queued ${counts.queued} for sitrep worker` : '')
    + ` | store: stored ${counts.stored}, duplicate ${counts.duplicate}; events created ${counts.created}, merged ${counts.merged}`;
}

/** `sitrep watch`: polls the feeds of `feedsFile`, reads their new pages and codes and stores (or queues) their articles. */
export async function watch(feedsFile: string, options: WatchOptions): Promise<void> {
  let config;
  try {
    config = await loadFeedConfig(feedsFile);
  } catch (error) {
    if (!(error instanceof FeedConfigError)) throw error;
    process.stderr.write(`sitrep: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const location = storeLocation(options);
  const store = await openStore(location, storeRules());
  const counts: StoreCounts = { stored: 0, duplicate: 0, created: 0, merged: 0, queued: 0 };
  // On PostgreSQL, articles become jobs for `sitrep worker` processes; on SQLite they are coded here.
  const queue = isPostgresUrl(location) ? await PostgresJobQueue.open(location) : null;
  // Reading pages and coding run in a thread under a deadline: one pathological page never stalls the others.
  const coding = new CodingPool(1);
  const submit = async (article: Article): Promise<void> => {
    // --date dates an undated article; a date the page or feed gives is never overridden.
    const dated = withDate(article, options.date);
    if (queue) {
      const queued = await queue.enqueue(dated);
      counts.queued += queued.queued + queued.requeued;
      return;
    }
    const result = await store.addArticle(dated, await coding.code(dated, { deadlineMs: DEFAULT_CODING_DEADLINE_MS }));
    if (result.duplicate) counts.duplicate++;
    else counts.stored++;
    counts.created += result.created.length;
    counts.merged += result.merged.length;
  };
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  let failures = 0;
  try {
    const watcher = await FeedWatcher.open({
      config,
      statePath: options.state ?? defaultStatePath(location),
      submit,
      readPage: (html, url) => coding.readHtml(html, url, DEFAULT_CODING_DEADLINE_MS),
      signal: controller.signal,
      onPoll: (report) => {
        if (report.status === 'failed' || report.failed > 0 || report.gaveUp > 0) failures++;
        process.stdout.write(`${describePoll(report, counts)}\n`);
      },
    });
    if (options.once) await watcher.pollAll();
    else await watcher.run();
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await queue?.close();
    await coding.close();
    await store.close();
  }
  if (controller.signal.aborted) process.stdout.write('sitrep watch: stopped\n');
  if (options.once && failures > 0) process.exitCode = 2;
}
