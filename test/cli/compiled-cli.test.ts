import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metafile } from 'esbuild';
import { buildCli } from '../../scripts/build-cli.ts';
import { tempDir } from '../store/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
// Inside the package (as dist/ is), so that the native modules left out of the bundle are found.
const OUT = join(ROOT, '.cache', `test-build-${process.pid}`);

function run(args: string[]) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
}

/** The npm packages in the modules a built entry loads before any import() runs. */
function packagesLoadedBy(metafile: Metafile, entry: string): Set<string> {
  const packages = new Set<string>();
  const pending = [entry];
  const seen = new Set<string>();
  while (pending.length > 0) {
    const output = pending.pop()!;
    if (seen.has(output)) continue;
    seen.add(output);
    const built = metafile.outputs[output]!;
    for (const input of Object.keys(built.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1];
      if (name) packages.add(name);
    }
    for (const imported of built.imports) if (imported.kind === 'import-statement' && !imported.external) pending.push(imported.path);
  }
  return packages;
}

test('the compiled CLI codes, stores and starts its worker threads as the TypeScript source does; --help loads only commander', { timeout: 180_000 }, async (t) => {
  t.after(() => rmSync(OUT, { recursive: true, force: true }));
  const metafile = await buildCli(OUT);
  const main = Object.keys(metafile.outputs).find((file) => file.endsWith('/main.js'))!;
  assert.deepEqual([...packagesLoadedBy(metafile, main)], ['commander']);

  const compiled = join(OUT, 'main.js');
  const help = run([compiled, '--help']);
  assert.equal(help.status, 0, help.stderr);
  assert.match(help.stdout, /Usage: sitrep/);
  const version = run([compiled, '--version']);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

  // examples/ holds text, Markdown, HTML and JSONL: the data files, the gazetteer and the lazily loaded readers.
  const args = ['code', 'examples/', '--format', 'jsonl', '--quiet', '--date', '2021-06-07'];
  const source = run(['--import', 'tsx', 'src/cli/main.ts', ...args]);
  assert.equal(source.status, 0, source.stderr);
  assert.ok(source.stdout.split('\n').length > 5);
  const built = run([compiled, ...args]);
  assert.equal(built.status, 0, built.stderr);
  assert.equal(built.stdout, source.stdout);
  const threads = run([compiled, ...args, '--workers', '2']);
  assert.equal(threads.status, 0, threads.stderr);
  assert.equal(threads.stdout, source.stdout);

  // A new SQLite store is migrated from src/store/migrations.
  const db = join(tempDir(t), 'compiled.db');
  const ingest = run([compiled, 'ingest', 'examples/', '--db', db, '--workers', '1', '--quiet']);
  assert.equal(ingest.status, 0, ingest.stderr);
  const events = source.stdout.trim().split('\n').length;
  assert.match(ingest.stdout, new RegExp(`duplicate 0, failed 0; events created ${events}, merged 0`));
});
