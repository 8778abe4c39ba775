import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { readDocuments } from '../../src/ingest/read-documents.ts';
import type { IngestResult } from '../../src/ingest/types.ts';
import { storedArticles, tempDir } from '../store/fixtures.ts';
import { freshSchema } from '../store/postgres-fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function sitrep(...args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

test('a named pipe is refused as not a regular file, at once, by the reader of code and ingest', { timeout: 90_000 }, async (t) => {
  const dir = tempDir(t);
  const fifo = join(dir, 'pipe.txt');
  execFileSync('mkfifo', [fifo]);
  writeFileSync(join(dir, 'good.txt'), 'Rebels shelled the town of Saraqib on 4 May 2016.');
  const started = Date.now();
  const results: IngestResult[] = [];
  for await (const result of readDocuments([fifo, join(dir, 'good.txt')])) results.push(result);
  assert.ok(Date.now() - started < 2000);
  assert.equal(results.length, 2);
  assert.deepEqual(results[0], { ok: false, problem: { origin: fifo, line: null, field: null, reason: 'not a regular file (a named pipe)' } });
  assert.ok(results[1]!.ok);

  const run = sitrep('code', fifo, '--format', 'json');
  const timer = setTimeout(() => run.child.kill('SIGKILL'), 60_000);
  const { code, stderr } = await run.done;
  clearTimeout(timer);
  assert.notEqual(code, null, 'sitrep code hung on the named pipe');
  assert.match(stderr, /pipe\.txt: not a regular file \(a named pipe\)/);
});

test('ingest prints why a document was not stored (here PostgreSQL refusing a NUL character), with file:line', async (t) => {
  const { url } = await freshSchema(t);
  const dir = tempDir(t);
  const file = join(dir, 'nul.jsonl');
  writeFileSync(file, `${JSON.stringify({ text: 'Rebels shelled Saraqib on 4 May 2016.\u0000 Four people were killed.', published: '2016-05-05' })}\n`);
  const { code, stderr } = await sitrep('ingest', file, '--store', url, '--workers', '1', '--quiet').done;
  assert.equal(code, 2, stderr);
  const line = stderr.split('\n').find((l) => l.startsWith('sitrep: failed'));
  assert.ok(line, stderr);
  assert.match(line, /^sitrep: failed .*nul\.jsonl:1: .*\S/);
  assert.match(line, /NUL character/);
  assert.equal(line.split('nul.jsonl:1').length, 2, 'the place is named once');
});

test('an interrupted ingest stops between articles and exits non-zero', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'many.jsonl');
  const db = join(dir, 'interrupted.db');
  const places = ['Idlib', 'Aleppo', 'Homs', 'Hama', 'Daraa', 'Raqqa', 'Kano', 'Maiduguri', 'Tripoli', 'Benghazi'];
  const lines = Array.from({ length: 2_000 }, (_, i) => JSON.stringify({
    url: `https://example.org/interrupt/${i}`, published: `20${10 + (i % 10)}-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    text: `Government forces shelled ${places[i % places.length]} on Monday, report ${i} said.`,
  }));
  writeFileSync(file, `${lines.join('\n')}\n`);
  const run = sitrep('ingest', file, '--db', db, '--workers', '1', '--quiet');
  while (storedArticles(db) < 5 && run.child.exitCode === null) await sleep(20);
  run.child.kill('SIGINT');
  const { code, stdout } = await run.done;
  assert.match(stdout, /\(interrupted\)/);
  assert.equal(code, 130);
});
