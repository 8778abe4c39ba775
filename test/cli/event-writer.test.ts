import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { EventWriter } from '../../src/cli/shared/event-writer.ts';
import { codeArticle } from '../../src/pipeline.ts';
import { articleId } from '../../src/ingest/article-id.ts';
import { formatEvents } from '../../src/serve/format-events.ts';
import { EVENT_FORMATS } from '../../src/serve/event-formats.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reports written for these tests. */
const REPORTS = [
  'Gunmen killed three civilians in an attack on a market in Kabul on Monday, police said.',
  'Protesters marched through central Khartoum on Friday demanding the release of detainees.',
  'No one was hurt.',
  'Militants fired rockets at a military base near Baghdad on Tuesday, wounding two soldiers, officials said.',
  'Security forces clashed with an armed group in the north of Mali, killing five of its fighters, the army said.',
];

function coded(): CodedEvent[][] {
  return REPORTS.map((text, i) => codeArticle({
    id: articleId(null, text), origin: `t:${i + 1}`, title: null, text, url: null, source: 'Test Wire', published: '2021-06-07', byline: null,
  }));
}

async function written(format: (typeof EVENT_FORMATS)[number], batches: CodedEvent[][]): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const writer = new EventWriter(format, out);
  await writer.start();
  for (const batch of batches) await writer.write(batch);
  await writer.end();
  return Buffer.concat(parts).toString('utf8');
}

test('events written as they are coded are byte for byte the output of formatting them all at once, in every format', async () => {
  const batches = coded();
  const all = batches.flat();
  assert.ok(all.length >= 3, 'the reports code several events');
  assert.ok(batches.some((b) => b.length === 0), 'one report codes none');
  for (const format of EVENT_FORMATS) {
    assert.equal(await written(format, batches), formatEvents(all, format), format);
    assert.equal(await written(format, []), formatEvents([], format), `${format}, no events`);
  }
});

test('the writer waits for a slow reader to drain the output instead of buffering everything', async () => {
  let received = 0;
  let release: () => void = () => undefined;
  const slow = new Writable({
    highWaterMark: 16,
    write(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      release = done;
    },
  });
  const writer = new EventWriter('jsonl', slow);
  const events = coded().flat();
  let finished = false;
  const writing = (async () => {
    for (const e of events) await writer.write([e]);
    finished = true;
  })();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(finished, false, 'blocked on the first write until the reader takes it');
  assert.ok(received > 0);
  while (!finished) {
    release();
    await new Promise((r) => setImmediate(r));
  }
  await writing;
});

test('sitrep code on a .jsonl.gz gives the same output as on the plain .jsonl', () => {
  const content = REPORTS.map((text, i) => JSON.stringify({ text, source: 'Test Wire', url: `https://example.org/${i}` })).join('\n');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-code-gz-'));
  writeFileSync(join(dir, 'reports.jsonl'), content);
  writeFileSync(join(dir, 'reports.jsonl.gz'), gzipSync(Buffer.from(content)));
  const run = (file: string, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'code', join(dir, file), '--date', '2021-06-07', ...args], { cwd: ROOT, encoding: 'utf8' });
  const plain = run('reports.jsonl');
  const gz = run('reports.jsonl.gz');
  assert.equal(plain.status, 0, plain.stderr);
  assert.equal(gz.status, 0, gz.stderr);
  assert.equal(gz.stdout, plain.stdout);
  assert.ok((JSON.parse(plain.stdout) as unknown[]).length >= 3);
});
