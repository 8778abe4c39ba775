import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import type { Article, IngestProblem, IngestResult } from '../../src/ingest/types.ts';

const SEED = fileURLToPath(new URL('../../../shared/corpus/aleppo-2016.txt', import.meta.url));
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

async function collect(paths: string[], options = {}): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of readDocuments(paths, options)) out.push(r);
  return out;
}
const articles = (results: IngestResult[]): Article[] => results.flatMap((r) => (r.ok ? [r.article] : []));
const problems = (results: IngestResult[]): IngestProblem[] => results.flatMap((r) => (r.ok ? [] : [r.problem]));

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

test('the seed report: title line, "Source:" header as a Markdown link, no date (stays undated)', async () => {
  const [article] = articles(await collect([SEED]));
  assert.ok(article);
  assert.equal(article.source, 'FarsNews');
  assert.match(article.title ?? '', /^Syria: Gov't Forces Continue/);
  assert.equal(article.published, null);
  assert.match(article.text, /^Syrian Army troops and their popular allies/);
  assert.doesNotMatch(article.text, /Source:/);
});

test('a directory is read recursively, in name order, each format by its extension', async () => {
  const results = await collect([EXAMPLES]);
  assert.deepEqual(problems(results), []);
  const read = articles(results);
  assert.equal(read.length, 9); // six articles and three JSONL lines
  const html = read.find((a) => a.origin.endsWith('claim-shabaab.html'));
  assert.equal(html?.source, 'Horn Report');
  assert.equal(html?.published, '2020-05-02');
  assert.doesNotMatch(html?.text ?? '', /tracking|Subscribe|Home/);
  assert.match(html?.text ?? '', /Al-Shabaab claimed to have killed seven soldiers/);
  const md = read.find((a) => a.origin.endsWith('protest-kano.md'));
  assert.doesNotMatch(md?.text ?? '', /\*\*|#/);
  assert.equal(read.find((a) => a.origin.endsWith('undated-tripoli.txt'))?.published, null);
  const jsonl = read.filter((a) => a.origin.includes('wire.jsonl:'));
  assert.deepEqual(jsonl.map((a) => a.origin.split(':').pop()), ['1', '2', '3']);
});

test('a JSONL file reports each broken line with its number and field, and reads the others', async () => {
  const dir = tempDir({
    'feed.jsonl': [
      '{"text": "Gunmen attacked a village.", "source": "A", "published": "2020-05-01"}',
      '{"text": "broken',
      '{"title": "no text here"}',
      '{"text": "Police fired tear gas.", "published": "2020-02-31"}',
      '{"text": "Protesters marched.", "url": "javascript:alert(1)"}',
      '',
      '{"text": "Troops shelled the town."}',
    ].join('\n'),
  });
  const results = await collect([dir]);
  assert.deepEqual(articles(results).map((a) => a.origin.split(':').pop()), ['1', '7']);
  assert.deepEqual(problems(results).map((p) => [p.line, p.field]), [[2, null], [3, 'text'], [4, 'published'], [5, 'url']]);
  assert.match(problems(results)[0]!.reason, /not JSON/);
});

test('RSS and Atom feeds give one article per item with the feed as the outlet', async () => {
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &amp; Co</title>
    <item><title>Clashes in Idlib</title><link>https://example.org/a</link><pubDate>Sat, 09 May 2020 10:00:00 GMT</pubDate>
    <description>&lt;p&gt;Clashes broke out in &lt;b&gt;Idlib&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</description></item>
    <item><title>Empty</title></item></channel></rss>`;
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
    <entry><title>Strike in Marib</title><link rel="alternate" href="https://example.org/b"/><updated>2020-05-08T06:00:00Z</updated>
    <content type="html">&lt;p&gt;An air strike hit Marib.&lt;/p&gt;</content></entry></feed>`;
  const results = await collect([tempDir({ 'a.rss': rss, 'b.atom': atom })]);
  const read = articles(results);
  assert.deepEqual(read.map((a) => [a.source, a.title, a.url, a.published, a.text]), [
    ['Wire & Co', 'Clashes in Idlib', 'https://example.org/a', '2020-05-09', 'Clashes broke out in Idlib.'],
    ['Atom Desk', 'Strike in Marib', 'https://example.org/b', '2020-05-08', 'An air strike hit Marib.'],
  ]);
  assert.deepEqual(problems(results).map((p) => [p.origin.split('/').pop(), p.field]), [['a.rss#item-2', 'description']]);
});

test('the same URL or the same text gives the same article id; different text a different one', async () => {
  const dir = tempDir({
    'a.txt': 'URL: https://example.org/x\n\nClashes broke out.',
    'b.txt': 'URL: https://example.org/x\n\nClashes broke out near the river.',
    'c.txt': 'Clashes  broke out\nnear the river.',
    'd.txt': 'clashes broke out near the river.',
    'e.txt': 'Shelling hit the town.',
  });
  const ids = articles(await collect([dir])).map((a) => a.id);
  assert.equal(ids[0], ids[1]);
  assert.equal(ids[2], ids[3]);
  assert.notEqual(ids[2], ids[4]);
  assert.notEqual(ids[0], ids[2]);
});

test('a missing path and an unsupported file are problems, not crashes', async () => {
  const dir = tempDir({ 'photo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47]) });
  const found = problems(await collect(['/nonexistent/sitrep-input', dir]));
  assert.deepEqual(found.map((p) => p.reason.split(' ')[0]), ['no', 'unsupported']);
  assert.equal(found[0]?.origin, '/nonexistent/sitrep-input');
});
