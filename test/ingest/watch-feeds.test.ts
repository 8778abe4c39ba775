import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type http from 'node:http';
import { feedConfigFrom, loadFeedConfig, type FeedConfigInput } from '../../src/ingest/feed-config.ts';
import type { Article } from '../../src/ingest/types.ts';
import { FeedWatcher, type WatchOptions } from '../../src/ingest/watch-feeds.ts';
import { codeArticle, defaultResources } from '../../src/pipeline.ts';
import { openStore } from '../../src/store/open-store.ts';
import { articlePage, rssFeed, serve, startServer, type TestServer } from './http-fixture.ts';
import { storeRules } from '../../src/store-rules.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

// Article texts written for these tests: each reports one event the coder should find.
const SHELLING = [
  'Government forces shelled the town of Saraqib in Idlib province on Monday, killing four civilians, local activists said.',
  'The town lies near the M5 highway.',
];
const CLASH = ['In Aleppo, rebel fighters attacked an army checkpoint near the Ramouseh bridge on Tuesday.'];
const PROTEST = ['Hundreds of people protested in Kano on Wednesday against rising fuel prices, witnesses said.'];

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A feed route that answers a conditional GET with 304 while its ETag is unchanged. */
function conditionalFeed(current: () => { body: string; etag: string; lastModified: string }) {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const feed = current();
    if (req.headers['if-none-match'] === feed.etag) {
      res.writeHead(304, { etag: feed.etag, 'last-modified': feed.lastModified }).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag: feed.etag, 'last-modified': feed.lastModified }).end(feed.body);
  };
}

async function withServer(t: TestContext, routes: Parameters<typeof startServer>[0] = {}): Promise<TestServer> {
  const server = await startServer(routes);
  t.after(() => server.close());
  return server;
}

function config(feeds: string[], extra: Partial<FeedConfigInput> = {}) {
  return feedConfigFrom({ feeds: feeds.map((url) => ({ url })), allow_private_addresses: true, ...extra }, 'test-feeds.yaml');
}

function collector() {
  const articles: Article[] = [];
  const log: string[] = [];
  const options = (over: Partial<WatchOptions> & Pick<WatchOptions, 'config' | 'statePath'>): WatchOptions => ({
    submit: async (article) => { articles.push(article); },
    log: (line) => log.push(line),
    ...over,
  });
  return { articles, log, options };
}

test('new items are fetched, coded and stored; a second poll sends the validators, gets 304 and fetches nothing; a restart remembers', async (t) => {
  const dir = tempDir(t);
  let feed = { body: '', etag: '"v1"', lastModified: 'Wed, 12 Feb 2020 10:00:00 GMT' };
  const server = await withServer(t, {
    '/feed.xml': conditionalFeed(() => feed),
    '/saraqib.html': serve(articlePage('Shelling in Saraqib', SHELLING, '2020-02-11')),
    '/aleppo.html': serve(articlePage('Checkpoint attacked in Aleppo', CLASH, null)),
    '/kano.html': serve(articlePage('Fuel protest in Kano', PROTEST, '2020-02-13')),
    '/offsite.html': serve(articlePage('Elsewhere', CLASH)),
  });
  const items = [
    { title: 'Shelling in Saraqib', link: `${server.origin}/saraqib.html`, guid: 'tag:test,2020:1' },
    { title: 'Checkpoint attacked', link: `${server.origin}/aleppo.html`, pubDate: 'Wed, 12 Feb 2020 08:00:00 GMT' },
    // Another host for the same server: not in allowed_hosts (which defaults to the feed's host, 127.0.0.1).
    { title: 'Elsewhere', link: `http://localhost:${server.port}/offsite.html` },
  ];
  feed.body = rssFeed('Levant Test Wire', items);

  const store = await openStore(join(dir, 'sitrep.db'), storeRules());
  t.after(() => store.close());
  const resources = defaultResources();
  let stored = 0;
  const submit = async (article: Article) => {
    const result = await store.addArticle(article, codeArticle(article, resources));
    if (!result.duplicate) stored++;
  };
  const statePath = join(dir, 'watch.json');
  const log: string[] = [];
  const options: WatchOptions = { config: config([`${server.origin}/feed.xml`]), statePath, submit, log: (line) => log.push(line) };

  const [first] = await (await FeedWatcher.open(options)).pollAll();
  assert.equal(first?.status, 'read');
  assert.equal(first?.new, 3);
  assert.equal(first?.submitted, 2);
  assert.equal(first?.gaveUp, 1);
  assert.equal(stored, 2);
  assert.equal(server.hits('/saraqib.html').length, 1);
  assert.equal(server.hits('/aleppo.html').length, 1);
  assert.equal(server.hits('/offsite.html').length, 0);
  assert.ok(log.some((line) => line.includes(`http://localhost:${server.port}/offsite.html`) && line.includes('not in allowed_hosts')), log.join('\n'));

  const { events } = await store.queryEvents({}, { limit: 50, offset: 0 });
  const shelling = events.find((e) => e.location === 'Saraqib' && e.event_type === 'Explosions/Remote violence');
  assert.ok(shelling, `no shelling in Saraqib among ${events.map((e) => `${e.event_type} in ${e.location}`).join(', ')}`);
  assert.equal(shelling.source, 'Levant Test Wire'); // the feed's title is the outlet
  assert.equal(shelling.fatalities, 4);
  // "In Aleppo, ... near the Ramouseh bridge": the neighbourhood named with its city, at the city's point.
  const clash = events.find((e) => e.location === 'Ramouseh' && e.admin1 === 'Aleppo');
  assert.ok(clash, 'the Aleppo clash was not stored');
  assert.equal(clash.event_date, '2020-02-11'); // "on Tuesday" read against the feed item's pubDate (the page has none)

  // Second poll: the validators go out, the server answers 304, no page is fetched again.
  const [second] = await (await FeedWatcher.open(options)).pollAll();
  assert.equal(second?.status, 'not-modified');
  const lastFeedRequest = server.hits('/feed.xml').at(-1)!;
  assert.equal(lastFeedRequest.headers['if-none-match'], '"v1"');
  assert.equal(lastFeedRequest.headers['if-modified-since'], 'Wed, 12 Feb 2020 10:00:00 GMT');
  assert.equal(server.hits('/saraqib.html').length, 1);
  assert.equal(server.hits('/aleppo.html').length, 1);

  // The feed changes; a new watcher on the same state file fetches only the new item.
  feed = { body: rssFeed('Levant Test Wire', [{ title: 'Fuel protest', link: `${server.origin}/kano.html` }, ...items]), etag: '"v2"', lastModified: 'Thu, 13 Feb 2020 10:00:00 GMT' };
  const [third] = await (await FeedWatcher.open(options)).pollAll();
  assert.equal(third?.new, 1);
  assert.equal(third?.submitted, 1);
  assert.equal(server.hits('/kano.html').length, 1);
  assert.equal(server.hits('/saraqib.html').length, 1);
  assert.equal(server.hits('/offsite.html').length, 0);
  assert.equal(stored, 3);
  assert.deepEqual(readdirSync(dir).filter((name) => name.includes('.tmp')), []); // the state was written by rename
});

test('a broken feed is reported, naming it, and the other feeds are still read', async (t) => {
  const dir = tempDir(t);
  const server = await withServer(t, {
    '/broken.xml': serve('<rss><channel><title>Broken', 'application/rss+xml'),
    '/not-a-feed.xml': serve('<html><body>hello</body></html>', 'text/html'),
    // A relative link is read against the feed's URL.
    '/good.xml': serve(rssFeed('Good Wire', [{ title: 'Saraqib', link: '/saraqib.html' }]), 'application/rss+xml'),
    '/saraqib.html': serve(articlePage('Shelling in Saraqib', SHELLING)),
  });
  const feeds = ['/broken.xml', '/missing.xml', '/not-a-feed.xml', '/good.xml'].map((path) => `${server.origin}${path}`);
  const { articles, log, options } = collector();
  const reports = await (await FeedWatcher.open(options({ config: config(feeds), statePath: join(dir, 'state.json') }))).pollAll();
  assert.deepEqual(reports.map((r) => r.status), ['failed', 'failed', 'failed', 'read']);
  assert.match(reports[0]!.error ?? '', new RegExp(`^${server.origin}/broken.xml: not well-formed XML`));
  assert.equal(reports[1]!.error, `${server.origin}/missing.xml: HTTP 404`);
  assert.match(reports[2]!.error ?? '', /not-a-feed\.xml: not an RSS 2\.0 or Atom feed/);
  assert.equal(reports[3]!.submitted, 1);
  assert.deepEqual(articles.map((a) => [a.url, a.source]), [[`${server.origin}/saraqib.html`, 'Good Wire']]);
  assert.equal(log.filter((line) => line.includes('feed failed')).length, 3);
});

test('a failed item is logged with its URL and reason, tried again on the next poll, and given up after max_attempts', async (t) => {
  const dir = tempDir(t);
  let flakyCalls = 0;
  const server = await withServer(t, {
    '/flaky.html': (_req, res) => {
      flakyCalls++;
      if (flakyCalls === 1) res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage('Shelling in Saraqib', SHELLING));
    },
    '/down.html': (_req, res) => { res.writeHead(500, { 'content-type': 'text/plain' }).end('error'); },
  });
  server.routes.set('/feed.xml', conditionalFeed(() => ({
    body: rssFeed('Wire', [{ title: 'Flaky', link: `${server.origin}/flaky.html` }, { title: 'Down', link: `${server.origin}/down.html` }]),
    etag: '"f1"', lastModified: 'Wed, 12 Feb 2020 10:00:00 GMT',
  })));
  const { articles, log, options } = collector();
  const watchOptions = options({ config: config([`${server.origin}/feed.xml`], { limits: { max_attempts: 2 } }), statePath: join(dir, 'state.json') });

  const [first] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.equal(first?.failed, 2);
  assert.equal(first?.submitted, 0);
  assert.ok(log.some((line) => line.startsWith(`sitrep watch: failed ${server.origin}/flaky.html: HTTP 503 (attempt 1 of 2`)), log.join('\n'));
  const saved = JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as { feeds: Record<string, { pending: { link: string; attempts: number }[] }> };
  assert.deepEqual(saved.feeds[`${server.origin}/feed.xml`]?.pending.map((p) => [p.link, p.attempts]), [[`${server.origin}/flaky.html`, 1], [`${server.origin}/down.html`, 1]]);

  // The feed is unchanged (304), yet the failed items are tried again.
  const [second] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.equal(second?.status, 'not-modified');
  assert.equal(second?.submitted, 1);
  assert.equal(second?.gaveUp, 1);
  assert.deepEqual(articles.map((a) => a.url), [`${server.origin}/flaky.html`]);
  assert.ok(log.some((line) => line.startsWith('sitrep watch: gave up') && line.includes(`${server.origin}/down.html`) && line.includes('after 2 attempts')), log.join('\n'));

  const downRequests = server.hits('/down.html').length;
  const [third] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.equal(third?.submitted, 0);
  assert.equal(server.hits('/down.html').length, downRequests);
});

test('an article the store refuses is tried again on the next poll', async (t) => {
  const dir = tempDir(t);
  const server = await withServer(t, { '/saraqib.html': serve(articlePage('Shelling in Saraqib', SHELLING)) });
  server.routes.set('/feed.xml', serve(rssFeed('Wire', [{ title: 'Saraqib', link: `${server.origin}/saraqib.html` }]), 'application/rss+xml'));
  const accepted: Article[] = [];
  const log: string[] = [];
  let calls = 0;
  const submit = async (article: Article) => {
    calls++;
    if (calls === 1) throw new Error('database is locked');
    accepted.push(article);
  };
  const options: WatchOptions = { config: config([`${server.origin}/feed.xml`]), statePath: join(dir, 'state.json'), submit, log: (line) => log.push(line) };
  const [first] = await (await FeedWatcher.open(options)).pollAll();
  assert.equal(first?.failed, 1);
  assert.ok(log.some((line) => line.includes(`${server.origin}/saraqib.html`) && line.includes('database is locked')));
  const [second] = await (await FeedWatcher.open(options)).pollAll();
  assert.equal(second?.submitted, 1);
  assert.equal(accepted.length, 1);
});

/** A server with three article pages, a, b and c, and a feed of them at /feed.xml with this ETag. */
async function threeArticleFeed(t: TestContext, etag: string): Promise<Awaited<ReturnType<typeof withServer>>> {
  const server = await withServer(t, {
    '/a.html': serve(articlePage('A', SHELLING)), '/b.html': serve(articlePage('B', CLASH)), '/c.html': serve(articlePage('C', PROTEST)),
  });
  server.routes.set('/feed.xml', conditionalFeed(() => ({
    body: rssFeed('Wire', ['a', 'b', 'c'].map((name) => ({ title: name, link: `${server.origin}/${name}.html` }))),
    etag, lastModified: 'Wed, 12 Feb 2020 10:00:00 GMT',
  })));
  return server;
}

test('max_items_per_poll leaves the other new items to the next poll, which reads the whole feed again', async (t) => {
  const dir = tempDir(t);
  const server = await threeArticleFeed(t, '"m1"');
  const { articles, options } = collector();
  const watchOptions = options({ config: config([`${server.origin}/feed.xml`], { limits: { max_items_per_poll: 2 } }), statePath: join(dir, 'state.json') });
  const [first] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.deepEqual([first?.new, first?.submitted, first?.deferred], [3, 2, 1]);
  const [second] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.equal(server.hits('/feed.xml').at(-1)?.headers['if-none-match'], undefined);
  assert.deepEqual([second?.status, second?.new, second?.submitted], ['read', 1, 1]);
  assert.deepEqual(articles.map((a) => a.title).sort(), ['A', 'B', 'C']);
});

test('a stop lets the item under way finish and leaves the others for the next run', async (t) => {
  const dir = tempDir(t);
  const server = await threeArticleFeed(t, '"s1"');
  const controller = new AbortController();
  const submitted: string[] = [];
  const base = { config: config([`${server.origin}/feed.xml`], { limits: { concurrency: 1 } }), statePath: join(dir, 'state.json'), log: () => undefined };
  const [first] = await (await FeedWatcher.open({
    ...base,
    signal: controller.signal,
    submit: async (article) => {
      submitted.push(article.title ?? '');
      controller.abort(); // as SIGTERM does, while the first item is being stored
    },
  })).pollAll();
  assert.equal(first?.submitted, 1);
  assert.equal(first?.deferred, 2);
  assert.equal(server.requests.filter((r) => r.path.endsWith('.html')).length, 1);

  const [next] = await (await FeedWatcher.open({ ...base, submit: async (article) => { submitted.push(article.title ?? ''); } })).pollAll();
  assert.equal(next?.submitted, 2);
  assert.deepEqual(submitted.sort(), ['A', 'B', 'C']);
});

test('a running watcher polls every feed and returns once stopped, also while waiting for the next poll', async (t) => {
  const dir = tempDir(t);
  const server = await withServer(t, { '/a.html': serve(articlePage('A', SHELLING)) });
  server.routes.set('/feed.xml', serve(rssFeed('Wire', [{ title: 'A', link: `${server.origin}/a.html` }]), 'application/rss+xml'));
  server.routes.set('/other.xml', serve(rssFeed('Other', []), 'application/rss+xml'));
  const controller = new AbortController();
  const polled: string[] = [];
  const watcher = await FeedWatcher.open({
    config: config([`${server.origin}/feed.xml`, `${server.origin}/other.xml`]),
    statePath: join(dir, 'state.json'),
    submit: async () => undefined,
    signal: controller.signal,
    onPoll: (report) => {
      polled.push(report.feed);
      if (polled.length === 2) controller.abort(); // both feeds polled; each now waits its 15 minutes
    },
  });
  await watcher.run();
  assert.deepEqual(polled.sort(), [`${server.origin}/feed.xml`, `${server.origin}/other.xml`]);
  assert.equal(server.hits('/a.html').length, 1);
});

test('the example configuration is valid; a configuration gets the documented defaults', async () => {
  const example = await loadFeedConfig(join(ROOT, 'docs/feeds.example.yaml'));
  assert.deepEqual(example.feeds.map((f) => [f.url, f.intervalMinutes, f.source]), [
    ['https://news.example.org/world/rss.xml', 15, 'Example News'],
    ['https://wire.example.org/conflict.atom', 60, null],
  ]);
  assert.equal(example.allowPrivateAddresses, false);
  const minimal = feedConfigFrom({ feeds: [{ url: 'https://News.Example.org/rss' }, { url: 'http://wire.example.net/feed' }] }, 'minimal.yaml');
  assert.deepEqual(minimal.allowedHosts, ['news.example.org', 'wire.example.net']);
  assert.deepEqual(minimal.limits, { maxBytes: 2 * 1024 * 1024, timeoutMs: 15_000, maxRedirects: 3, maxItemsPerPoll: 50, maxAttempts: 5, concurrency: 4 });
  assert.equal(minimal.feeds[0]?.intervalMinutes, 15);
  assert.equal(minimal.allowPrivateAddresses, false);
});

test('a bad configuration is refused, naming the file and the field', () => {
  const error = (data: unknown) => {
    try {
      feedConfigFrom(data, 'feeds.yaml');
    } catch (caught) {
      return (caught as Error).message;
    }
    return 'accepted';
  };
  assert.match(error({ feeds: [] }), /^feeds\.yaml: feeds: /);
  assert.match(error({ feeds: [{ url: 'file:///etc/passwd' }] }), /^feeds\.yaml: feeds\[0\]\.url: must be an http/);
  assert.match(error({ feeds: [{ url: 'https://example.org/', interval_minutes: 0.5 }] }), /^feeds\.yaml: feeds\[0\]\.interval_minutes: /);
  assert.match(error({ feeds: [{ url: 'https://example.org/' }], limits: { max_bytes: -1 } }), /^feeds\.yaml: limits\.max_bytes: /);
  assert.match(error({ feeds: [{ url: 'https://example.org/' }], allowed_hosts: ['https://example.org/'] }), /^feeds\.yaml: allowed_hosts\[0\]: must be a host name/);
  assert.match(error({ feeds: [{ url: 'https://example.org/' }], alow_private_addresses: true }), /^feeds\.yaml: \(top level\): Unrecognized key: "alow_private_addresses"/);
});

test('a state file that is not a watch state is an error naming it, not a silent fresh start', async (t) => {
  const dir = tempDir(t);
  const statePath = join(dir, 'state.json');
  writeFileSync(statePath, '{"feeds": 3}');
  await assert.rejects(
    FeedWatcher.open({ config: config(['http://127.0.0.1:9/feed.xml']), statePath, submit: async () => undefined }),
    new RegExp(`${statePath.replace(/[.]/g, '\\.')}: not a sitrep watch state`),
  );
});

test('sitrep watch --once codes and stores the new articles, prints the counts and keeps its state next to the store', async (t) => {
  const dir = tempDir(t);
  const server = await withServer(t, { '/saraqib.html': serve(articlePage('Shelling in Saraqib', SHELLING)) });
  server.routes.set('/feed.xml', conditionalFeed(() => ({
    body: rssFeed('CLI Wire', [{ title: 'Saraqib', link: `${server.origin}/saraqib.html` }]),
    etag: '"c1"', lastModified: 'Wed, 12 Feb 2020 10:00:00 GMT',
  })));
  const feeds = join(dir, 'feeds.yaml');
  writeFileSync(feeds, `feeds:\n  - url: ${server.origin}/feed.xml\n    source: CLI Outlet\nallow_private_addresses: true\n`);
  const run = (...args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'watch', feeds, '--once', '--db', join(dir, 'cli.db'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
  const first = await run();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /feed\.xml: 1 new; submitted 1, failed 0, gave up 0, deferred 0 \| store: stored 1, duplicate 0; events created [1-9]/);
  assert.ok(readdirSync(dir).includes('cli.db.watch.json'), 'the state file is kept next to the store');
  const state = JSON.parse(readFileSync(join(dir, 'cli.db.watch.json'), 'utf8')) as { feeds: Record<string, { etag: string; seen: string[] }> };
  assert.equal(state.feeds[`${server.origin}/feed.xml`]?.etag, '"c1"');

  writeFileSync(feeds, 'feeds:\n  - url: ftp://example.org/feed\n');
  const bad = await run();
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /feeds\.yaml: feeds\[0\]\.url: must be an http/);
});

test('a feed page listing more items than the feed-item cap is read up to the cap, and the rest is logged', async (t) => {
  const dir = tempDir(t);
  const items = Array.from({ length: 1_200 }, (_, i) => ({ title: `Item ${i}`, link: `${'http://127.0.0.1:1'}/item-${i}.html`, guid: `tag:test,2020:cap-${i}` }));
  const server = await withServer(t, { '/feed.xml': serve(rssFeed('Flood Wire', items), 'application/rss+xml') });
  const { log, options } = collector();
  const watchOptions = options({ config: config([`${server.origin}/feed.xml`], { limits: { max_items_per_poll: 1, max_attempts: 1 } }), statePath: join(dir, 'state.json') });
  const [report] = await (await FeedWatcher.open(watchOptions)).pollAll();
  assert.equal(report?.new, 1_000);
  assert.equal(report?.deferred, 999);
  assert.ok(log.some((line) => line.includes('1200 items; only the first 1000 are read')), log.join('\n'));
});
