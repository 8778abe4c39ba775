import { setTimeout as sleep } from 'node:timers/promises';
import { articleId } from './article-id.ts';
import { hostAndPort, normaliseHost } from './address-policy.ts';
import type { FeedConfig, FeedSpec } from './feed-config.ts';
import { FetchError, fetchUrl, type FetchPolicy, type Resolver } from './fetch-url.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { publicationDate } from './publication-date.ts';
import { htmlToText, readHtml } from './read-html.ts';
import { parseFeed, type FeedItem } from './read-feed.ts';
import type { Article, IngestResult } from './types.ts';
import { emptyFeedState, loadWatchState, MAX_SEEN_PER_FEED, saveWatchState, type FeedState, type PendingItem, type WatchState } from './watch-state.ts';

/** What one poll of one feed did. */
export interface FeedPollReport {
  feed: string;
  /** "not-modified": the server answered 304; "failed": the feed itself could not be fetched or read. */
  status: 'read' | 'not-modified' | 'failed';
  /** Why the feed failed. */
  error: string | null;
  /** Items in the feed that had not been handled before. */
  new: number;
  /** Items fetched, read and handed to `submit`. */
  submitted: number;
  /** Items that failed this time and will be tried again. */
  failed: number;
  /** Items given up: refused for good (e.g. a host not allowed) or failed `max_attempts` times. */
  gaveUp: number;
  /** New items left for a later poll (max_items_per_poll, or a stop). */
  deferred: number;
}

export interface WatchOptions {
  config: FeedConfig;
  /** The JSON file the watcher remembers validators and handled items in. */
  statePath: string;
  /** Receives each article read; a rejection counts as a failure of that item, which is tried again later. */
  submit: (article: Article) => Promise<void>;
  /** One line per notable thing: failed items (with URL and reason), failed feeds, items given up. */
  log?: (line: string) => void;
  /** Called after each poll of a feed. */
  onPoll?: (report: FeedPollReport) => void;
  /** Once aborted, no new item is started; the watcher finishes the items under way and saves its state. */
  signal?: AbortSignal;
  /** How host names are resolved (tests); node:dns by default. */
  resolve?: Resolver;
  /**
   * How a fetched page becomes an article: readHtml here by default; `sitrep watch` reads pages in a worker
   * thread under a deadline, so that one page never stalls the polling of the others.
   */
  readPage?: (html: string, url: string) => IngestResult | Promise<IngestResult>;
}

/** Bounds the number of fetches in flight across all feeds. */
class Slots {
  private free: number;
  private waiting: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** The key an item is remembered by: its guid, else its link, else its text. */
function itemKey(item: FeedItem): string {
  return item.guid ?? item.link ?? `text:${articleId(null, item.html)}`;
}

/** A relative item link read against the feed's URL; a link that is no URL at all is kept for its error. */
function absoluteLink(link: string | null, feedUrl: string): string | null {
  if (!link) return null;
  try {
    return new URL(link, feedUrl).href;
  } catch {
    return link;
  }
}

type ItemOutcome = { ok: true } | { ok: false; reason: string; permanent: boolean } | { ok: false; stopped: true };

/**
 * Polls RSS/Atom feeds and hands each new item's article to `submit`. Each poll is a conditional GET
 * (a 304 costs one small request); each new item's page is fetched with the safe fetcher, read with
 * Readability, and remembered once handed over. A failed item is logged and tried again on later polls, up
 * to `max_attempts`; a feed that fails is reported and the others go on.
 */
export class FeedWatcher {
  private readonly slots: Slots;
  private readonly log: (line: string) => void;
  private saving: Promise<void> = Promise.resolve();

  private constructor(private readonly options: WatchOptions, private readonly state: WatchState) {
    this.slots = new Slots(options.config.limits.concurrency);
    this.log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  }

  static async open(options: WatchOptions): Promise<FeedWatcher> {
    return new FeedWatcher(options, await loadWatchState(options.statePath));
  }

  private get stopped(): boolean {
    return this.options.signal?.aborted ?? false;
  }

  /** Polls every feed once (a feed's own failure is in its report, never thrown) and saves the state. */
  async pollAll(): Promise<FeedPollReport[]> {
    return Promise.all(this.options.config.feeds.map((feed) => this.pollFeed(feed)));
  }

  /** Polls each feed at its interval until the signal is aborted. */
  async run(): Promise<void> {
    await Promise.all(this.options.config.feeds.map(async (feed) => {
      while (!this.stopped) {
        await this.pollFeed(feed);
        try {
          await sleep(feed.intervalMinutes * 60_000, undefined, { signal: this.options.signal });
        } catch {
          return; // aborted while waiting
        }
      }
    }));
  }

  private policy(allowedHosts: readonly string[]): FetchPolicy {
    const { limits, allowPrivateAddresses } = this.options.config;
    return { allowedHosts, allowPrivateAddresses, maxBytes: limits.maxBytes, timeoutMs: limits.timeoutMs, maxRedirects: limits.maxRedirects };
  }

  private feedState(feed: FeedSpec): FeedState {
    this.state.feeds[feed.url] ??= emptyFeedState();
    return this.state.feeds[feed.url]!;
  }

  /** One poll of one feed: retry what failed before, then read the feed (conditionally) and handle its new items. */
  async pollFeed(feed: FeedSpec): Promise<FeedPollReport> {
    const report: FeedPollReport = { feed: feed.url, status: 'read', error: null, new: 0, submitted: 0, failed: 0, gaveUp: 0, deferred: 0 };
    const state = this.feedState(feed);
    try {
      await this.retryPending(feed, state, report);
      if (this.stopped) return report;

      const headers: Record<string, string> = {};
      if (state.etag) headers['if-none-match'] = state.etag;
      if (state.last_modified) headers['if-modified-since'] = state.last_modified;
      // The feed's own host is always fetched; allowed_hosts governs the article pages.
      const feedPolicy = this.policy([...this.options.config.allowedHosts, hostAndPort(new URL(feed.url))]);
      let fetched;
      try {
        fetched = await this.slots.run(() => fetchUrl(feed.url, feedPolicy, { headers, resolve: this.options.resolve }));
      } catch (error) {
        return this.feedFailed(report, error instanceof FetchError ? error.message : `${feed.url}: ${(error as Error).message}`);
      }
      if (fetched.notModified) {
        report.status = 'not-modified';
        return report;
      }
      const parsed = parseFeed(fetched.text);
      if (!parsed.ok) return this.feedFailed(report, `${feed.url}: ${parsed.reason}${parsed.line ? ` (line ${parsed.line})` : ''}`);
      state.title = parsed.title;

      const seen = new Set(state.seen);
      const pending = new Set(state.pending.map((p) => p.key));
      // A feed page is read like a feed file: at most maxFeedItems items, however many it lists.
      const cap = DEFAULT_LIMITS.maxFeedItems;
      if (parsed.items.length > cap) this.log(`sitrep watch: ${feed.url}: ${parsed.items.length} items; only the first ${cap} are read`);
      const items = parsed.items.slice(0, cap).map((item) => ({ ...item, link: absoluteLink(item.link, fetched.url) }));
      const fresh = items.filter((item) => {
        const key = itemKey(item);
        if (seen.has(key) || pending.has(key)) return false;
        seen.add(key); // a key repeated within the feed is one item
        return true;
      });
      report.new = fresh.length;
      const now = fresh.slice(0, this.options.config.limits.maxItemsPerPoll);
      report.deferred = fresh.length - now.length;
      await Promise.all(now.map(async (item) => {
        const outcome = await this.handleItem(feed, state, item);
        if ('stopped' in outcome) report.deferred++;
        else this.record(feed, state, report, { key: itemKey(item), link: item.link, title: item.title, published: item.published, html: item.link ? null : item.html, attempts: 0, last_error: '' }, outcome);
      }));
      // Validators are kept only when every new item was handled; else the next poll must see the whole feed again.
      if (report.deferred === 0) {
        state.etag = fetched.etag;
        state.last_modified = fetched.lastModified;
      }
      return report;
    } finally {
      try {
        await this.save();
      } catch (error) {
        // Not fatal: what was stored stays stored, and the store refuses a duplicate if it is fetched again.
        this.log(`sitrep watch: ${(error as Error).message}`);
      }
      this.options.onPoll?.(report);
    }
  }

  private feedFailed(report: FeedPollReport, reason: string): FeedPollReport {
    report.status = 'failed';
    report.error = reason;
    this.log(`sitrep watch: feed failed: ${reason}`);
    return report;
  }

  private async retryPending(feed: FeedSpec, state: FeedState, report: FeedPollReport): Promise<void> {
    const retries = [...state.pending];
    await Promise.all(retries.map(async (pending) => {
      const item: FeedItem = { title: pending.title, link: pending.link, guid: null, html: pending.html ?? '', published: pending.published, author: null };
      const outcome = await this.handleItem(feed, state, item);
      if ('stopped' in outcome) return;
      state.pending = state.pending.filter((p) => p.key !== pending.key);
      this.record(feed, state, report, pending, outcome);
    }));
  }

  /** Counts and remembers an item's outcome: handled items are seen; failed ones pending until given up. */
  private record(feed: FeedSpec, state: FeedState, report: FeedPollReport, item: PendingItem, outcome: Exclude<ItemOutcome, { stopped: true }>): void {
    const where = item.link ?? `${feed.url} item "${item.title ?? item.key}"`;
    if (outcome.ok) {
      report.submitted++;
      this.remember(state, item.key);
      return;
    }
    const attempts = item.attempts + 1;
    if (outcome.permanent || attempts >= this.options.config.limits.maxAttempts) {
      report.gaveUp++;
      this.log(`sitrep watch: gave up ${where}: ${outcome.reason}${outcome.permanent ? '' : ` (after ${attempts} attempts)`}`);
      this.remember(state, item.key);
      return;
    }
    report.failed++;
    this.log(`sitrep watch: failed ${where}: ${outcome.reason} (attempt ${attempts} of ${this.options.config.limits.maxAttempts}; tried again next poll)`);
    state.pending.push({ ...item, attempts, last_error: outcome.reason });
  }

  private remember(state: FeedState, key: string): void {
    state.seen.push(key);
    if (state.seen.length > MAX_SEEN_PER_FEED) state.seen.splice(0, state.seen.length - MAX_SEEN_PER_FEED);
  }

  /**
   * One item in one of the concurrency slots, from fetch to submit; checked once a slot is free, so that
   * after a stop the queued items are left for the next run.
   */
  private handleItem(feed: FeedSpec, state: FeedState, item: FeedItem): Promise<ItemOutcome> {
    return this.slots.run(async () => (this.stopped ? { ok: false, stopped: true } : this.readAndSubmit(feed, state, item)));
  }

  /** Reads one item into an Article (its page when it links one, else the feed's own text) and submits it. */
  private async readAndSubmit(feed: FeedSpec, state: FeedState, item: FeedItem): Promise<ItemOutcome> {
    const source = feed.source ?? state.title ?? normaliseHost(new URL(feed.url).hostname);
    const itemDate = publicationDate(item.published);
    let article: Article;
    if (item.link) {
      let page;
      try {
        page = await fetchUrl(item.link, this.policy(this.options.config.allowedHosts), { resolve: this.options.resolve });
      } catch (error) {
        if (error instanceof FetchError) return { ok: false, reason: error.reason, permanent: error.permanent };
        return { ok: false, reason: (error as Error).message, permanent: false };
      }
      if (page.notModified) return { ok: false, reason: 'HTTP 304 to an unconditional request', permanent: false };
      let read: IngestResult;
      try {
        read = await (this.options.readPage ?? readHtml)(page.text, item.link);
      } catch (error) {
        return { ok: false, reason: (error as Error).message, permanent: false };
      }
      if (!read.ok) return { ok: false, reason: read.problem.reason, permanent: false };
      article = {
        ...read.article,
        id: articleId(item.link, read.article.text),
        origin: item.link,
        url: item.link,
        title: read.article.title ?? item.title,
        source,
        published: read.article.published ?? (itemDate.ok ? itemDate.date : null),
      };
    } else {
      const text = item.html ? htmlToText(item.html) : '';
      if (!text) return { ok: false, reason: 'the item has neither a link nor text', permanent: true };
      article = {
        id: articleId(null, text), origin: `${feed.url}#${item.guid ?? item.title ?? 'item'}`, title: item.title, text, url: null, source,
        published: itemDate.ok ? itemDate.date : null, byline: item.author,
      };
    }
    if (article.text.length > DEFAULT_LIMITS.maxTextChars) {
      return { ok: false, reason: `text longer than ${DEFAULT_LIMITS.maxTextChars} characters`, permanent: true };
    }
    try {
      await this.options.submit(article);
    } catch (error) {
      return { ok: false, reason: `not stored: ${(error as Error).message}`, permanent: false };
    }
    return { ok: true };
  }

  /** Saves are queued so that two feeds finishing together never interleave their writes. */
  private save(): Promise<void> {
    this.saving = this.saving.catch(() => undefined).then(() => saveWatchState(this.options.statePath, this.state));
    return this.saving;
  }
}
