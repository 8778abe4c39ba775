import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import { readJsonlStream } from '../../src/ingest/read-jsonl-stream.ts';
import { splitLines } from '../../src/ingest/split-lines.ts';
import { DEFAULT_LIMITS } from '../../src/ingest/limits.ts';
import type { IngestResult } from '../../src/ingest/types.ts';

/** A JSONL file with every kind of line: good ones, blanks, CRLF, broken JSON, a missing field, non-ASCII text. */
const LINES = [
  JSON.stringify({ text: 'Militants fired rockets at the airport on Tuesday, officials said.', source: 'Wire A', url: 'https://example.org/1' }),
  '',
  `${JSON.stringify({ text: 'Police dispersed a protest outside the ministry.', published: '2021-03-04' })}\r`,
  '{"text": "unterminated',
  JSON.stringify({ title: 'no text here' }),
  JSON.stringify({ text: 'Des hommes armés ont tué deux villageois près de Ménaka — « une attaque », selon le maire. 北京 😀' }),
  JSON.stringify({ text: 'A dated report.', published: 'not a date' }),
  '   ',
  JSON.stringify({ text: 'The last line has no newline after it.' }),
];
const CONTENT = LINES.join('\n');

async function* chunked(bytes: Uint8Array, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield Buffer.from(bytes.subarray(i, i + size));
}

async function collect(results: AsyncIterable<IngestResult>): Promise<IngestResult[]> {
  const out: IngestResult[] = [];
  for await (const r of results) out.push(r);
  return out;
}

/** The file read in one chunk: each line as an article or its problem, by line number. */
async function readWhole(): Promise<IngestResult[]> {
  return collect(readJsonlStream(chunked(Buffer.from(CONTENT, 'utf8'), Number.MAX_SAFE_INTEGER), 'f.jsonl', DEFAULT_LIMITS));
}

test('a JSONL file streamed in chunks of any size gives exactly what reading it in one chunk gives', async () => {
  const whole = await readWhole();
  assert.deepEqual(whole.map((r) => (r.ok ? r.article.origin : `problem at ${r.problem.line}: ${r.problem.field}`)), [
    'f.jsonl:1', 'f.jsonl:3', 'problem at 4: null', 'problem at 5: text', 'f.jsonl:6', 'problem at 7: published', 'f.jsonl:9',
  ]);
  assert.equal(whole[1]!.ok && whole[1]!.article.text, 'Police dispersed a protest outside the ministry.', 'CRLF is not part of the line');
  assert.equal(whole[4]!.ok && whole[4]!.article.text, JSON.parse(LINES[5]!).text, 'non-ASCII text intact');
  const bytes = Buffer.from(CONTENT, 'utf8');
  // Chunks of 1 and 7 bytes split lines and multi-byte characters at every possible place.
  for (const size of [1, 7, 64, 65_536]) {
    assert.deepEqual(await collect(readJsonlStream(chunked(bytes, size), 'f.jsonl', DEFAULT_LIMITS)), whole, `chunks of ${size}`);
  }
  // With a final newline and a UTF-8 byte-order mark, the same again.
  const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${CONTENT}\n`)]);
  assert.deepEqual(await collect(readJsonlStream(chunked(withBom, 5), 'f.jsonl', DEFAULT_LIMITS)), whole);
});

test('UTF-16 JSONL with a byte-order mark streams like its UTF-8 form', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CONTENT, 'utf16le')]);
  assert.deepEqual(await collect(readJsonlStream(chunked(utf16, 3), 'f.jsonl', DEFAULT_LIMITS)), await readWhole());
});

test('splitLines holds at most the cap of one line: a longer line is skipped as it streams past, numbered', async () => {
  const text = `short\n${'x'.repeat(50)}\nafter\n\nlast`;
  const lines = [];
  for await (const l of splitLines(chunked(Buffer.from(text), 4), 10)) lines.push({ line: l.line, text: l.bytes?.toString() ?? null });
  assert.deepEqual(lines, [
    { line: 1, text: 'short' }, { line: 2, text: null }, { line: 3, text: 'after' }, { line: 4, text: '' }, { line: 5, text: 'last' },
  ]);
});

function tempDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-stream-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

test('a .jsonl.gz file gives the same results as the plain file, its lines named by the .gz file', async () => {
  const dir = tempDir({ 'a.jsonl': CONTENT, 'b.jsonl.gz': gzipSync(Buffer.from(CONTENT)) });
  const plain = await collect(readDocuments([join(dir, 'a.jsonl')]));
  const gz = await collect(readDocuments([join(dir, 'b.jsonl.gz')]));
  const rename = (results: IngestResult[], from: string, to: string): string => JSON.stringify(results).replaceAll(from, to);
  assert.equal(rename(gz, 'b.jsonl.gz', 'X'), rename(plain, 'a.jsonl', 'X'));
  assert.equal(gz.filter((r) => r.ok).length, 4);
  assert.match(JSON.stringify(gz), /b\.jsonl\.gz:1"/);
});

test('limits are per record for JSONL: a file over --max-file-bytes is read; a long line or text is refused by its line', async () => {
  const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ text: `Report number ${i}: shelling hit the market.` }));
  lines[10] = JSON.stringify({ text: `A very long report. ${'word '.repeat(400)}` });
  const dir = tempDir({ 'big.jsonl': lines.join('\n') });
  const results = await collect(readDocuments([join(dir, 'big.jsonl')], { maxFileBytes: 100, maxLineChars: 1000 }));
  assert.equal(results.filter((r) => r.ok).length, 39, 'every other line is read although the file is far over 100 bytes');
  assert.deepEqual(results.flatMap((r) => (r.ok ? [] : [[r.problem.line, r.problem.reason]])), [[11, 'line longer than 1000 characters']]);

  const byText = await collect(readDocuments([join(dir, 'big.jsonl')], { maxTextChars: 1000 }));
  assert.deepEqual(byText.flatMap((r) => (r.ok ? [] : [[r.problem.line, r.problem.field]])), [[11, 'text']]);
});

test('a single document keeps its per-file limit, counted after gunzip, so a small .gz that inflates is refused', async () => {
  const story = 'Title: A report\n\nGunmen attacked a checkpoint on the highway, killing two soldiers.\n';
  const bomb = gzipSync(Buffer.from(`Title: Padding\n\n${'A sentence of padding. '.repeat(100_000)}`));
  const dir = tempDir({ 'a.txt.gz': gzipSync(Buffer.from(story)), 'bomb.txt.gz': bomb, 'b.md': story });
  const results = await collect(readDocuments([dir], { maxFileBytes: 100_000 }));
  assert.ok(bomb.length < 100_000, 'the compressed file is under the limit');
  const [a, b, refused] = [results[0]!, results[1]!, results[2]!];
  assert.ok(a.ok && a.article.text.startsWith('Gunmen attacked'));
  assert.ok(b.ok && b.article.title === 'A report');
  assert.ok(!refused.ok && refused.problem.origin.endsWith('bomb.txt.gz') && /larger than 100000 bytes/.test(refused.problem.reason));
});

test('a JSONL line that is not UTF-8 text is reported by its number and the lines around it are read; a binary file is refused', async () => {
  const good = Buffer.from(`${JSON.stringify({ text: 'Troops clashed with rebels near the border.' })}\n`);
  const bad = Buffer.concat([Buffer.from('{"text": "broken '), Buffer.from([0xc3, 0x28]), Buffer.from('"}\n')]);
  const dir = tempDir({ 'mixed.jsonl': Buffer.concat([good, bad, good]), 'binary.jsonl': Buffer.from([0x00, 0x01, 0x02, 0x0a]), 'empty.jsonl': '' });
  const mixed = await collect(readDocuments([join(dir, 'mixed.jsonl')]));
  assert.deepEqual(mixed.map((r) => (r.ok ? 'ok' : `${r.problem.line}: ${r.problem.reason}`)), ['ok', '2: not text: invalid UTF-8', 'ok']);
  const [binary] = await collect(readDocuments([join(dir, 'binary.jsonl')]));
  assert.ok(binary && !binary.ok && /NUL bytes/.test(binary.problem.reason));
  const [empty] = await collect(readDocuments([join(dir, 'empty.jsonl')]));
  assert.ok(empty && !empty.ok && empty.problem.reason === 'empty file');
});

test('a corrupt .gz file is reported as unreadable, naming the file, after the lines it did give', async () => {
  const lines = Array.from({ length: 2000 }, (_, i) => JSON.stringify({ text: `Report ${i} of an airstrike on a convoy.`, url: `https://example.org/${i}` })).join('\n');
  const gz = gzipSync(Buffer.from(lines));
  const dir = tempDir({ 'cut.jsonl.gz': gz.subarray(0, Math.floor(gz.length / 2)) });
  const results = await collect(readDocuments([join(dir, 'cut.jsonl.gz')]));
  const last = results.at(-1)!;
  assert.ok(!last.ok && last.problem.origin.endsWith('cut.jsonl.gz') && /cannot read/.test(last.problem.reason), JSON.stringify(last));
  assert.ok(results.length > 1 && results.slice(0, -1).every((r) => r.ok));
});
