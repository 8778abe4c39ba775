// Takes docs/screenshot.png: exactly the first screen of `npm start` (examples/ coded into a fresh store,
// the map built from source, default view, 1400×860), in Debian's Chromium. Run `npm run screenshots`
// after changing the examples, the coder or the map; it also re-runs test/web/basemap.test.ts, which
// takes docs/map-z4.png, docs/map-z8.png and docs/map-z13.png.
import { join } from 'node:path';
import { ROOT } from '../test/web/browser.ts';
import { openDemo, openPage } from '../test/web/demo-view.ts';

const demo = await openDemo();
try {
  const { page, errors } = await openPage(demo);
  if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join('; ')}`);
  const path = join(ROOT, 'docs', 'screenshot.png');
  await page.screenshot({ path });
  process.stdout.write(`${path}\n`);
} finally {
  await demo.close();
}
