import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ingestPaths } from '../../src/cli/shared/ingest-paths.ts';
import { startServer, type RunningServer } from '../../src/serve/start-server.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { EventStore } from '../../src/store/types.ts';
import { ROOT, buildWebMap, launchChromium, temporaryDirectory } from './browser.ts';
import { storeRules } from '../../src/store-rules.ts';

/**
 * What `npm start` serves: the articles of examples/ coded into a fresh store, and the web map built from
 * source, in headless Chromium. Shared by test/web/basemap.test.ts and scripts/screenshots.ts.
 */

export const ALEPPO = { lat: 36.2, lng: 37.15 };
export const VIEWPORT = { width: 1400, height: 860 };

export interface DemoView { browser: Browser; server: RunningServer; store: EventStore; close(): Promise<void> }

export async function openDemo(): Promise<DemoView> {
  const dir = temporaryDirectory('sitrep-demo-view-');
  const [webRoot, browser] = await Promise.all([buildWebMap(join(dir, 'web')), launchChromium()]);
  const store = await openStore(join(dir, 'demo.db'), storeRules());
  await ingestPaths(store, [join(ROOT, 'examples')], { workers: 1 });
  const server = await startServer({ store, port: 0, host: '127.0.0.1', webRoot });
  return {
    browser, server, store,
    close: async () => {
      await browser.close();
      await server.close();
      await store.close();
    },
  };
}

/** Opens the page (at `search`, e.g. "?map=36.2,37.15,8") and waits until the events and the basemap are drawn. */
export async function openPage(demo: DemoView, search = ''): Promise<{ page: Page; errors: string[] }> {
  const page = await demo.browser.newPage({ viewport: VIEWPORT });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(`${demo.server.url}/${search}`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  await settled(page);
  return { page, errors };
}

/** Waits for the basemap's labels and boundaries to be drawn and no animation to run. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.basemapLabels !== undefined
    && document.body.dataset.basemapAdmin1 !== undefined
    && !document.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim'), undefined, { timeout: 30_000 });
  // Tiles of small places arrive after the first labels: let them land.
  await page.waitForTimeout(600);
}
