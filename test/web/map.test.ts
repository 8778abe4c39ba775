import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ingestPaths } from '../../src/cli/shared/ingest-paths.ts';
import { codeArticle, defaultResources } from '../../src/pipeline.ts';
import { articleId } from '../../src/ingest/article-id.ts';
import type { Article } from '../../src/ingest/types.ts';
import { startServer, type RunningServer } from '../../src/serve/start-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { EventDetail, EventSourceReport, EventStore, StoredEvent } from '../../src/store/types.ts';
import { ROOT, buildWebMap, launchChromium, temporaryDirectory } from './browser.ts';
import { storeRules } from '../../src/store-rules.ts';

/**
 * The web map in real headless Chromium, against a real server and a real SQLite store holding the
 * seed report (Aleppo, 2016, undated: coded as published 2016-08-08) and the articles of examples/.
 */

const SEED = join(ROOT, '..', 'shared', 'corpus', 'aleppo-2016.txt');
const EXAMPLES = join(ROOT, 'examples');
const ARTIFACTS = join(ROOT, 'test-artifacts');
const TOKEN = 'web-test-token-0123456789';
const ALEPPO = { lat: 36.2, lng: 37.15 };

let browser: Browser;
let server: RunningServer;
let store: EventStore;
let seedSource: string;

before(async () => {
  const dir = temporaryDirectory('sitrep-web-');
  const [webRoot, chromium] = await Promise.all([buildWebMap(join(dir, 'web')), launchChromium()]);
  browser = chromium;
  store = await openStore(join(dir, 'map.db'), storeRules());
  const seed = await ingestPaths(store, [SEED], { date: '2016-08-08', workers: 1 });
  const examples = await ingestPaths(store, [EXAMPLES], { workers: 1 });
  assert.equal(seed.stored, 1, 'the seed report is stored');
  assert.ok(examples.stored >= 5, 'the examples are stored');
  // The seed was stored first: its outlet comes first in an event it shares with the example of the same battle.
  seedSource = (await store.queryEvents({ from: '2016-08-01', to: '2016-08-08' }, { limit: 1, offset: 0 })).events[0]?.source?.split(';')[0]?.trim() ?? '';
  assert.ok(seedSource, 'the seed report coded at least one event on its publication day');
  server = await startServer({ store, port: 0, host: '127.0.0.1', token: TOKEN, webRoot });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await store?.close();
});

interface PageProblems { errors: string[]; dialogs: string[] }

/** Opens the map; by default at world scale (a link naming the view), so that every event is drawn. */
async function openMap(search = '?map=25,20,2'): Promise<{ page: Page; problems: PageProblems; csp: string }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => problems.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') problems.errors.push(message.text()); });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto(`${server.url}/${search}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 20_000 });
  return { page, problems, csp: (await response?.allHeaders())?.['content-security-policy'] ?? '' };
}

async function allEvents(filter: Parameters<EventStore['queryEvents']>[0] = {}): Promise<StoredEvent[]> {
  // The map shows ACLED events unless asked for PLOVER-only ones too (its "PLOVER-only events" toggle).
  return (await store.queryEvents({ acled: true, ...filter }, { limit: 1000, offset: 0 })).events;
}

/** Resolves once the page has drawn one more set of events than `before` (actions refresh asynchronously). */
async function nextLoad(page: Page, before: number): Promise<void> {
  await page.waitForFunction((n) => Number(document.body.dataset.loads ?? 0) > n, before, { timeout: 10_000 });
}

async function loads(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.loads ?? 0));
}

async function listRows(page: Page): Promise<{ id: string; date: string; type: string; text: string }[]> {
  return page.$$eval('.event-row', (rows) => rows.map((row) => ({
    id: row.getAttribute('data-event-id') ?? '',
    date: row.getAttribute('data-date') ?? '',
    type: row.getAttribute('data-type') ?? '',
    text: row.textContent ?? '',
  })));
}

interface DrawnMarker { count: number; lat: number; lng: number; types: string[] }

/** Markers and clusters on the map, each with the number of events it stands for and where it is. */
async function drawn(page: Page): Promise<DrawnMarker[]> {
  return page.$$eval('.marker-dot, .cluster-pie', (elements) => elements.map((e) => ({
    count: Number(e.getAttribute('data-count') ?? 1),
    lat: Number(e.getAttribute('data-lat')),
    lng: Number(e.getAttribute('data-lng')),
    types: (e.getAttribute('data-types') ?? e.getAttribute('data-type') ?? '').split('|'),
  })));
}

/** Waits until the map draws `expected` events in all (clusters animate in and out after a change). */
async function mapSettlesAt(page: Page, expected: number): Promise<DrawnMarker[]> {
  try {
    await page.waitForFunction((n) => {
      let total = 0;
      document.querySelectorAll('.marker-dot, .cluster-pie').forEach((e) => { total += Number(e.getAttribute('data-count') ?? 1); });
      return total === n && !document.querySelector('.leaflet-cluster-anim');
    }, expected, { timeout: 10_000 });
  } catch {
    const markers = await drawn(page);
    assert.fail(`the map should draw ${expected} events, it draws ${markers.reduce((n, m) => n + m.count, 0)}`);
  }
  return drawn(page);
}

const placed = (events: StoredEvent[]) => events.filter((e) => e.latitude !== null && e.longitude !== null);

test('the map page loads under the server\'s content security policy and shows every stored event in the list and on the map', async () => {
  const { page, problems, csp } = await openMap();
  assert.match(csp, /script-src 'self';/);
  assert.match(csp, /connect-src 'self'/);
  const events = await allEvents();
  const rows = await listRows(page);
  assert.deepEqual(rows.map((r) => r.id).sort(), events.map((e) => e.event_id).sort());
  await mapSettlesAt(page, placed(events).length);
  assert.equal(await page.locator('.legend-row').count(), 6, 'the legend names the six ACLED event types');
  assert.ok(await page.locator('.histogram .bar').count() > 0, 'the timeline draws a histogram of events per day');
  assert.deepEqual(problems, { errors: [], dialogs: [] });
  await page.close();
});

test('the seed report\'s Aleppo events are listed and drawn in the Aleppo area', async () => {
  const { page } = await openMap();
  const aleppo = await allEvents({ admin1: 'Aleppo', source: seedSource });
  assert.ok(aleppo.length >= 3, 'the seed report codes several events in Aleppo');
  const rows = await listRows(page);
  for (const event of aleppo) assert.ok(rows.some((r) => r.id === event.event_id), `event ${event.event_id} is listed`);
  assert.ok(rows.filter((r) => /Aleppo/.test(r.text)).length >= aleppo.length, 'rows name Aleppo');

  const before = await loads(page);
  await page.selectOption('select[name="country"]', 'Syria');
  await nextLoad(page, before);
  const again = await loads(page);
  await page.selectOption('select[name="admin1"]', 'Aleppo');
  await nextLoad(page, again);
  const inAleppo = placed(await allEvents({ admin1: 'Aleppo' }));
  const markers = await mapSettlesAt(page, inAleppo.length);
  for (const marker of markers) {
    assert.ok(Math.abs(marker.lat - ALEPPO.lat) < 0.3 && Math.abs(marker.lng - ALEPPO.lng) < 0.3,
      `a marker at ${marker.lat},${marker.lng} should be in the Aleppo area`);
  }
  assert.deepEqual((await listRows(page)).map((r) => r.id).sort(), (await allEvents({ admin1: 'Aleppo' })).map((e) => e.event_id).sort());
  await page.close();
});

test('choosing an event type shows only events of that type in the list and on the map', async () => {
  const { page } = await openMap();
  const protests = await allEvents({ event_type: 'Protests' });
  assert.ok(protests.length > 0 && protests.length < (await allEvents()).length, 'the store holds protests and other events');
  const before = await loads(page);
  await page.selectOption('select[name="event_type"]', 'Protests');
  await nextLoad(page, before);
  const rows = await listRows(page);
  assert.deepEqual(rows.map((r) => r.id).sort(), protests.map((e) => e.event_id).sort());
  assert.ok(rows.every((r) => r.type === 'Protests'));
  const markers = await mapSettlesAt(page, placed(protests).length);
  assert.ok(markers.every((m) => m.types.every((t) => t === 'Protests')), 'every marker and cluster holds only protests');
  await page.close();
});

test('clicking a list row opens the event with its source sentence and the evidence highlighted, and shows its marker', async () => {
  const { page } = await openMap();
  const [event] = await allEvents({ admin1: 'Aleppo', source: seedSource });
  assert.ok(event);
  const detail = await store.getEvent(event.event_id) as EventDetail;
  const report = detail.sources[0]!;
  await page.click(`.event-row[data-event-id="${event.event_id}"]`);
  await page.waitForSelector('.detail .source-card .sentence');
  assert.equal(await page.textContent('.detail-subtype'), event.sub_event_type);
  assert.equal(await page.textContent('.detail .source-card .sentence'), report.sentence.text);
  assert.equal(await page.textContent('.detail .source-card .outlet'), report.source);

  const marks = await page.$$eval('.detail .source-card .sentence mark', (elements) => elements.map((m) => ({
    text: m.textContent ?? '', fields: (m.getAttribute('data-fields') ?? '').split(' '),
    start: Number(m.getAttribute('data-start')), end: Number(m.getAttribute('data-end')),
  })));
  const inside = report.evidence.filter((e) => e.start >= report.sentence.start && e.end <= report.sentence.end);
  assert.ok(inside.length > 0, 'the sentence holds evidence');
  for (const evidence of inside) {
    const covering = marks.filter((m) => m.start >= evidence.start && m.end <= evidence.end && m.fields.includes(evidence.field));
    assert.equal(covering.map((m) => m.text).join(''), evidence.text, `the ${evidence.field} evidence "${evidence.text}" is highlighted`);
  }
  assert.equal(await page.locator('.event-row.selected').getAttribute('data-event-id'), event.event_id);
  // The map shows the chosen event's own marker, marked as selected (its cluster fanned out).
  await page.waitForSelector(`.event-marker.selected .marker-dot[data-event-id="${event.event_id}"]`, { timeout: 10_000 });

  mkdirSync(ARTIFACTS, { recursive: true });
  await page.waitForFunction(() => !document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim'));
  await page.screenshot({ path: join(ARTIFACTS, 'map.png') });
  await page.close();
});

test('clicking a marker opens that event and selects its list row', async () => {
  const { page } = await openMap();
  const before = await loads(page);
  await page.selectOption('select[name="event_type"]', 'Protests');
  await nextLoad(page, before);
  await mapSettlesAt(page, placed(await allEvents({ event_type: 'Protests' })).length);
  const marker = page.locator('.marker-dot').first();
  const id = await marker.getAttribute('data-event-id');
  await marker.click();
  await page.waitForSelector('.detail .source-card');
  const shown = await store.getEvent(id!);
  assert.equal(await page.textContent('.detail-subtype'), shown?.sub_event_type);
  assert.equal(await page.locator('.event-row.selected').getAttribute('data-event-id'), id);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#detail').isHidden(), true, 'Escape closes the detail');
  await page.close();
});

test('moving the timeline\'s start to the last day narrows the list and map to that day', async () => {
  const { page } = await openMap();
  const stats = await store.stats();
  const lastDay = stats.by_day[stats.by_day.length - 1]!.date;
  const expected = await allEvents({ from: lastDay, to: lastDay });
  assert.ok(expected.length < (await allEvents()).length, 'the last day holds only some events');

  const before = await loads(page);
  await page.focus('.range-from');
  await page.keyboard.press('End');
  await nextLoad(page, before);
  const rows = await listRows(page);
  assert.deepEqual(rows.map((r) => r.id).sort(), expected.map((e) => e.event_id).sort());
  assert.ok(rows.every((r) => r.date === lastDay));
  await mapSettlesAt(page, placed(expected).length);

  const restored = await loads(page);
  await page.click('.timeline-head button');
  await nextLoad(page, restored);
  assert.equal((await listRows(page)).length, (await allEvents()).length, '"All dates" brings every event back');
  await page.close();
});

test('hostile article text, title, outlet and URL are shown as literal text and never run', async () => {
  const img = '<img src=x onerror="window.__xss=1">';
  const script = '<script>window.__xss=2</script>';
  const text = `Residents said ${img} gunmen killed three civilians in Kano on Monday ${script}. `
    + 'Police said <svg onload="window.__xss=3"> the attackers fled.';
  const outlet = `<script>window.__xss=4</script>Kano Daily`;
  const title = `<img src=x onerror="window.__xss=5"> Gunmen kill three`;
  const posted = await fetch(`${server.url}/articles`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ text, title, source: outlet, published: '2020-06-02', url: 'https://example.org/a?q="><img/src=x/onerror=window.__xss=6>' }),
  });
  assert.equal(posted.status, 201);
  // A javascript: URL cannot come through the API; an ingested file could carry one.
  const sneaky: Article = { id: '', origin: 'test', title: `${script} second report`, text: text.replace('three', 'four'), url: 'javascript:window.__xss=7', source: outlet, published: '2020-06-02', byline: null };
  sneaky.id = articleId(sneaky.url, sneaky.text);
  await store.addArticle(sneaky, codeArticle(sneaky, defaultResources()));

  const hostileEvents = await allEvents({ source: outlet });
  assert.ok(hostileEvents.length > 0, 'the hostile articles code to events');
  const details = await Promise.all(hostileEvents.map((e) => store.getEvent(e.event_id)));
  const target = details.find((d) => d?.sources.some((s) => s.article_id === sneaky.id));
  assert.ok(target, 'an event reports the article with the javascript: URL');

  const { page, problems } = await openMap();
  const before = await loads(page);
  await page.fill('input[name="source"]', outlet);
  await nextLoad(page, before);
  assert.deepEqual((await listRows(page)).map((r) => r.id).sort(), hostileEvents.map((e) => e.event_id).sort());
  await page.click(`.event-row[data-event-id="${target.event_id}"]`);
  await page.waitForSelector('.detail .source-card');

  const cards = await page.$$eval('.detail .source-card', (elements) => elements.map((card) => ({
    outlet: card.querySelector('.outlet')?.textContent ?? '',
    title: card.querySelector('.source-title')?.textContent ?? '',
    url: card.querySelector('.source-url')?.textContent ?? '',
    text: card.querySelector('.source-text')?.textContent ?? '',
    links: Array.from(card.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? ''),
  })));
  assert.equal(cards.length, target.sources.length);
  for (const [i, card] of cards.entries()) {
    const source: EventSourceReport = target.sources[i]!;
    assert.equal(card.outlet, outlet);
    assert.equal(card.title, source.title);
    assert.ok(card.text.includes(source.sentence.text), 'the sentence is shown as text, markup and all');
    assert.ok(card.links.every((href) => /^https?:\/\//.test(href)), 'only http(s) URLs become links');
  }
  const javascriptCard = cards[target.sources.findIndex((s) => s.article_id === sneaky.id)]!;
  assert.deepEqual([javascriptCard.url, javascriptCard.links], ['javascript:window.__xss=7', []], 'a javascript: URL is shown as text, not linked');
  assert.ok(cards.some((c) => c.text.includes('<script>')), 'a <script> tag in the text shows literally');

  const injected = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    images: document.querySelectorAll('img[src="x"]').length,
    svgs: document.querySelectorAll('svg[onload]').length,
    scripts: Array.from(document.scripts).filter((s) => !s.src).length,
  }));
  assert.deepEqual(injected, { xss: undefined, images: 0, svgs: 0, scripts: 0 });
  assert.deepEqual(problems.dialogs, []);
  assert.deepEqual(problems.errors, []);
  await page.close();
});
