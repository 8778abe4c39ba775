import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import { readFeed } from '../../src/ingest/read-feed.ts';
import { readFeedStream } from '../../src/ingest/read-feed-stream.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../../src/ingest/limits.ts';
import type { IngestResult } from '../../src/ingest/types.ts';

/** An RSS feed with what trips a naive splitter: a CDATA section and a comment holding "</item>", an empty item. */
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
  <title>Wire &amp; Co</title><link>https://example.org/</link>
  <!-- <item> in a comment is not an item -->
  <item><title>Clash near the dam</title><link>https://example.org/1</link><pubDate>Tue, 05 May 2020 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>Soldiers clashed with rebels near the dam. The text says </item> literally.</p>]]></description></item>
  <item><title>Empty</title></item>
  <item/>
  <item><title>Café attack</title><guid>https://example.org/3</guid>
    <content:encoded>&lt;p&gt;Gunmen attacked a café in the old town — three people were hurt.&lt;/p&gt;</content:encoded>
    <!-- </item> in a comment does not end it --></item>
  <item><title>Bad date</title><description>Police arrested twelve protesters.</description><pubDate>31/02/2020</pubDate></item>
</channel></rss>
`;
const ATOM = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title>Strike in the valley</title><link rel="alternate" href="https://example.org/a"/><published>2020-05-08T09:00:00Z</published>
<summary>An air strike hit a convoy in the valley.</summary></entry>
<entry><title>Second</title><link href="https://example.org/b"/><content type="html">&lt;b&gt;Shelling&lt;/b&gt; of the town continued.</content></entry>
</feed>`;

async function* chunked(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(results: AsyncIterable<IngestResult>): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

test('a feed streamed item by item in chunks of any size gives exactly what parsing it whole gives', async () => {
  for (const [name, xml, items] of [['rss', RSS, 2], ['atom', ATOM, 2]] as const) {
    const whole = [...readFeed(xml, 'f.xml', DEFAULT_LIMITS)];
    assert.equal(whole.filter((r) => r.ok).length, items, name);
    for (const size of [1, 5, 64, 65_536]) {
      assert.deepEqual(await collect(readFeedStream(chunked(xml, size), 'f.xml', DEFAULT_LIMITS)), whole, `${name}, chunks of ${size}`);
    }
  }
});

test('an .xml.gz feed gives what the plain feed gives; a feed without items and a broken document read as before', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-feed-stream-'));
  writeFileSync(join(dir, 'a.xml'), RSS);
  writeFileSync(join(dir, 'b.xml.gz'), gzipSync(Buffer.from(RSS)));
  const plain = await collect(readDocuments([join(dir, 'a.xml')]));
  const gz = await collect(readDocuments([join(dir, 'b.xml.gz')]));
  assert.equal(JSON.stringify(gz).replaceAll('b.xml.gz', 'X'), JSON.stringify(plain).replaceAll('a.xml', 'X'));
  for (const xml of ['<rss version="2.0"><channel><title>Quiet</title></channel></rss>', '<html><body>not a feed</body></html>', '<rss><channel><title>x</title']) {
    assert.deepEqual(await collect(readFeedStream(chunked(xml, 3), 'f.xml', DEFAULT_LIMITS)), [...readFeed(xml, 'f.xml', DEFAULT_LIMITS)], xml);
  }
});

test('feed limits are per item: a feed over --max-file-bytes is read; an over-long item ends the file; the item count is capped', async () => {
  const item = (i: number): string => `<item><title>Report ${i}</title><link>https://example.org/${i}</link><description>Shelling hit district ${i}.</description></item>`;
  const feed = (items: string[]): string => `<rss version="2.0"><channel><title>Big</title>${items.join('\n')}</channel></rss>`;
  const many = feed(Array.from({ length: 30 }, (_, i) => item(i)));
  const limits: IngestLimits = { ...DEFAULT_LIMITS, maxFileBytes: 100, maxLineChars: 400, maxFeedItems: 25 };
  const results = await collect(readFeedStream(chunked(many, 50), 'f.xml', limits));
  assert.equal(results.filter((r) => r.ok).length, 25);
  assert.match(JSON.stringify(results.at(-1)), /more than 25 items; only the first 25 are read/);

  const long = feed([item(1), `<item><title>Long</title><description>${'word '.repeat(200)}</description></item>`, item(3)]);
  const cut = await collect(readFeedStream(chunked(long, 50), 'f.xml', limits));
  assert.deepEqual(cut.map((r) => (r.ok ? 'ok' : `${r.problem.origin}: ${r.problem.reason}`)), ['ok', 'f.xml#item-2: item longer than 400 characters; the rest of the feed is not read']);
  const truncated = await collect(readFeedStream(chunked(feed([item(1), item(2)]).slice(0, -60), 7), 'f.xml', DEFAULT_LIMITS));
  assert.deepEqual(truncated.map((r) => (r.ok ? 'ok' : `${r.problem.origin}: ${r.problem.reason}`)), ['ok', 'f.xml#item-2: not well-formed XML: the feed ends inside an item']);
});

test('a streamed feed declaring entities is refused before any item is parsed', async () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss version="2.0"><channel><title>x</title><item><description>&b;</description></item></channel></rss>`;
  const results = await collect(readFeedStream(chunked(bomb, 16), 'f.xml', DEFAULT_LIMITS));
  assert.equal(results.length, 1);
  assert.ok(!results[0]!.ok && /declares XML entities/.test(results[0]!.problem.reason));
});
