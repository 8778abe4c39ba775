import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import type { StoredEvent } from '../../src/store/types.ts';
import { ROOT } from './browser.ts';
import { ALEPPO, openDemo, openPage, settled, type DemoView } from './demo-view.ts';

/**
 * The first ten minutes, as `npm start` serves them (examples/ only): the story on the first screen, a basemap
 * that reads at every zoom (screenshots at zoom 4, 8 and 13 over Aleppo, saved to docs/ by `npm run screenshots`), the legend, the
 * timeline, export, links that reopen a view, and the sourcing flags.
 */

let demo: DemoView;

/** The screenshots go to docs/ only when `npm run screenshots` asks; a test run keeps the tracked files as they are. */
const SHOTS = process.env.SITREP_SCREENSHOTS === 'docs' ? join(ROOT, 'docs') : join(ROOT, 'test-artifacts');

before(async () => {
  demo = await openDemo();
});

after(async () => {
  await demo?.close();
});

async function allEvents(filter: Parameters<DemoView['store']['queryEvents']>[0] = {}): Promise<StoredEvent[]> {
  // The map shows ACLED events unless asked for PLOVER-only ones too (its "PLOVER-only events" toggle).
  return (await demo.store.queryEvents({ acled: true, ...filter }, { limit: 1000, offset: 0 })).events;
}

interface Drawn { labels: string[]; neighbourhoodLabels: string[]; countryPaths: number; admin1Paths: number; neighbourhoodPaths: number }

/** What the basemap drew inside the map's box: names, and boundary paths with something to draw. */
async function basemapDrawn(page: Page): Promise<Drawn> {
  // A string, not a function: the test runner's transform would add helpers the page does not have.
  return page.evaluate(`(() => {
    const box = document.querySelector('#map').getBoundingClientRect();
    const inside = (e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.right > box.left && r.left < box.right && r.bottom > box.top && r.top < box.bottom;
    };
    const texts = (selector) => Array.from(document.querySelectorAll(selector)).filter(inside).map((e) => e.textContent || '');
    const paths = (selector) => Array.from(document.querySelectorAll(selector))
      .filter((p) => (p.getAttribute('d') || '').length > 8 && inside(p)).length;
    return {
      labels: texts('.basemap-label-place'),
      neighbourhoodLabels: texts('.basemap-label-neighbourhood'),
      countryPaths: paths('path.country-boundary'),
      admin1Paths: paths('path.admin1-boundary'),
      neighbourhoodPaths: paths('path.neighbourhood-outline'),
    };
  })()`);
}

test('the first screen of npm start is the battle for southern Aleppo, with its name above the markers', async () => {
  const { page, errors } = await openPage(demo);
  const centre = await page.evaluate(() => new URLSearchParams(location.search).get('map'));
  const [lat, lng, zoom] = (centre ?? '').split(',').map(Number) as [number, number, number];
  assert.ok(Math.abs(lat - ALEPPO.lat) < 0.3 && Math.abs(lng - ALEPPO.lng) < 0.3, `the map opens over Aleppo, not at ${centre}`);
  assert.ok(zoom >= 10, `the map opens at city scale, not zoom ${zoom}`);
  const aleppo = await allEvents({ admin1: 'Aleppo' });
  assert.ok(aleppo.length >= 5, 'the example of the battle codes several events in Aleppo');
  assert.ok(aleppo.every((e) => e.event_date?.startsWith('2016-08')), 'dated in August 2016');

  const drawn = await basemapDrawn(page);
  assert.ok(drawn.labels.includes('Aleppo'), `the city is named: ${drawn.labels.join(', ')}`);
  // The names' pane lies above the markers' pane: a marker never hides a name.
  const [labels, markers] = await page.evaluate(() => [
    Number(getComputedStyle(document.querySelector('.leaflet-basemap-labels-pane')!).zIndex),
    Number(getComputedStyle(document.querySelector('.leaflet-marker-pane')!).zIndex),
  ]);
  assert.ok(labels > markers, `labels (z ${labels}) above markers (z ${markers})`);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const zoom of [4, 8, 13]) {
  test(`at zoom ${zoom} over Aleppo the basemap draws names and boundaries (docs/map-z${zoom}.png)`, async () => {
    const { page } = await openPage(demo, `?map=${ALEPPO.lat},${ALEPPO.lng},${zoom}`);
    const drawn = await basemapDrawn(page);
    assert.ok(drawn.countryPaths > 0 || zoom === 13, 'country borders are drawn');
    if (zoom === 4) {
      assert.ok(drawn.labels.length >= 8, `cities are named: ${drawn.labels.join(', ')}`);
      assert.ok(drawn.labels.includes('Aleppo'), 'the city of the events is named');
      assert.ok(drawn.labels.some((city) => ['Damascus', 'Beirut', 'Baghdad', 'Ankara'].includes(city)), 'capitals nearby are named');
      assert.ok(drawn.admin1Paths > 0, 'first-level division boundaries are drawn');
    } else if (zoom === 8) {
      assert.ok(drawn.labels.length >= 15, `towns are named: ${drawn.labels.join(', ')}`);
      assert.ok(drawn.labels.includes('Aleppo'));
      assert.ok(drawn.admin1Paths > 0, 'first-level division boundaries are drawn');
    } else {
      assert.ok(drawn.neighbourhoodPaths >= 20, `neighbourhood outlines are drawn (${drawn.neighbourhoodPaths})`);
      assert.ok(drawn.neighbourhoodLabels.length >= 10, `neighbourhoods are named: ${drawn.neighbourhoodLabels.join(', ')}`);
      assert.ok(drawn.neighbourhoodLabels.some((n) => /Sa.?eed|Ramouseh|Salah/i.test(n)), 'the battle\'s neighbourhoods are named');
    }
    const attribution = await page.textContent('.leaflet-control-attribution');
    assert.match(attribution ?? '', /Columbia Center for Spatial Research/);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `map-z${zoom}.png`) });
    await page.close();
  });
}

test('the legend gives the colour of each event type and the size of a dot by fatalities', async () => {
  const { page } = await openPage(demo);
  assert.equal(await page.locator('.legend-row').count(), 6);
  const sizes = await page.$$eval('.legend-dot', (dots) => dots.map((d) => (d as HTMLElement).getBoundingClientRect().width));
  assert.equal(sizes.length, 3);
  assert.ok(sizes[0]! < sizes[1]! && sizes[1]! < sizes[2]!, `dots grow with fatalities: ${sizes.join(', ')}`);
  await page.close();
});

test('sub-event names are shown whole in the list, and single-source events are flagged in the list and the detail', async () => {
  const { page } = await openPage(demo, '?map=25,20,2');
  const cut = await page.$$eval('.row-type', (rows) => rows.filter((r) => r.scrollWidth > r.clientWidth + 1).map((r) => r.textContent));
  assert.deepEqual(cut, [], 'no sub-event name overflows its row');
  const events = await allEvents();
  const rows = await page.$$eval('.event-row', (rows) => rows.map((r) => ({
    id: r.getAttribute('data-event-id'), flags: Array.from(r.querySelectorAll('.source-flag')).map((f) => f.textContent),
  })));
  for (const event of events) {
    const row = rows.find((r) => r.id === event.event_id);
    assert.equal(row?.flags.includes('single source'), event.source_count === 1 || !event.source?.includes(';'),
      `event ${event.event_id} (${event.source}) flagged as single source or not`);
  }
  const single = events.find((e) => e.source_count === 1)!;
  await page.click(`.event-row[data-event-id="${single.event_id}"]`);
  await page.waitForSelector('.detail .sourcing');
  assert.match(await page.textContent('.detail .sourcing') ?? '', /1 report from 1 independent outlet.*single source/s);
  await page.close();
});

test('the timeline compresses the years between events, follows the filters, and a brushed range filters map and list', async () => {
  const { page } = await openPage(demo, '?map=25,20,2');
  assert.ok(await page.locator('.histogram .gap').count() >= 1, 'the quiet years between 2016 and 2020 are one break');
  const bars = await page.$$eval('.histogram .bar', (bars) => bars.map((b) => ({ date: b.getAttribute('data-date')!, x: b.getBoundingClientRect().x, width: b.getBoundingClientRect().width })));
  const dated = (await allEvents()).filter((e) => e.event_date);
  assert.equal(bars.length, new Set(dated.map((e) => e.event_date)).size, 'one bar per day with events');
  // 2016 and 2020 are not two slivers: the first 2020 bar stands well away from the 2016 one.
  const first2020 = bars.find((b) => b.date.startsWith('2020'))!;
  const box = (await page.locator('.timeline-track').boundingBox())!;
  assert.ok(first2020.x - box.x < box.width * 0.2, 'the 2020 days fill the axis after the break');

  // Follows the filters: with only protests chosen, the histogram counts protests.
  let loads = await page.evaluate(() => Number(document.body.dataset.loads));
  await page.selectOption('select[name="event_type"]', 'Protests');
  await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads);
  const counted = await page.$$eval('.histogram .bar', (bars) => bars.reduce((n, b) => n + Number(b.getAttribute('data-count')), 0));
  assert.equal(counted, (await allEvents({ event_type: 'Protests' })).filter((e) => e.event_date).length);
  await page.selectOption('select[name="event_type"]', '');
  await page.waitForFunction((n) => Number(document.body.dataset.loads) > n + 1, loads);

  // Brush over the 2020 days: the list and the map hold the 2020 events only.
  const last = bars[bars.length - 1]!;
  loads = await page.evaluate(() => Number(document.body.dataset.loads));
  await page.mouse.move(first2020.x + first2020.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads);
  const expected = await allEvents({ from: first2020.date, to: last.date });
  const listed = await page.$$eval('.event-row', (rows) => rows.map((r) => r.getAttribute('data-event-id')));
  assert.deepEqual(listed.sort(), expected.map((e) => e.event_id).sort());
  assert.match(page.url(), new RegExp(`from=${first2020.date}&to=${last.date}`));
  await page.close();
});

test('"export this view" gives the filtered events as CSV and GeoJSON with their sourcing', async () => {
  const { page } = await openPage(demo, '?map=25,20,2&country=Syria');
  const csvHref = await page.getAttribute('#export-csv', 'href');
  assert.match(csvHref ?? '', /country=Syria/);
  const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref!);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  const syria = await allEvents({ country: 'Syria' });
  assert.equal(rows.length, syria.length);
  assert.ok(rows.every((r) => r.country === 'Syria' && r.source_count && r.source_affiliation));
  const geoHref = await page.getAttribute('#export-geojson', 'href');
  const geo = await page.evaluate(async (href) => (await fetch(href)).json(), geoHref!) as { features: { properties: { single_source: boolean } }[] };
  assert.equal(geo.features.length, syria.length);
  assert.ok(geo.features.every((f) => typeof f.properties.single_source === 'boolean'));
  await page.close();
});

test('the address keeps the view: a link reopens the same filters, map position and event', async () => {
  const { page } = await openPage(demo, '?map=25,20,2');
  const [event] = await allEvents({ event_type: 'Battles' });
  assert.ok(event);
  const loads = await page.evaluate(() => Number(document.body.dataset.loads));
  await page.selectOption('select[name="event_type"]', 'Battles');
  await page.waitForFunction((n) => Number(document.body.dataset.loads) > n, loads);
  await page.click(`.event-row[data-event-id="${event.event_id}"]`);
  await page.waitForSelector('.detail .sourcing');
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim'));
  await page.waitForTimeout(300);
  const link = page.url();
  assert.match(link, /event_type=Battles/);
  assert.match(link, new RegExp(`event=${encodeURIComponent(event.event_id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  const map = new URL(link).searchParams.get('map');
  assert.ok(map);

  const again = await demo.browser.newPage({ viewport: { width: 1400, height: 860 } });
  await again.goto(link);
  await again.waitForSelector('.detail .sourcing', { timeout: 20_000 });
  await settled(again);
  assert.equal(await again.inputValue('select[name="event_type"]'), 'Battles');
  assert.equal(await again.textContent('.detail-subtype'), event.sub_event_type);
  const rows = await again.$$eval('.event-row', (rows) => rows.map((r) => r.getAttribute('data-type')));
  assert.ok(rows.length > 0 && rows.every((t) => t === 'Battles'));
  assert.equal(new URL(again.url()).searchParams.get('map'), map, 'the map opens where the link says');
  await again.close();
  await page.close();
});
