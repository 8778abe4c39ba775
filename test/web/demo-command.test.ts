import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, temporaryDirectory } from './browser.ts';

const MAIN = join(ROOT, 'src', 'cli', 'main.ts');

interface DemoRun { output: string; url: string; stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> }

/** Starts `sitrep demo` on a free port with its store in `db`; resolves once it says where it serves. */
async function startDemo(db: string): Promise<DemoRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'demo', '--db', db, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const match = /map and API on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]!.replace('//localhost:', '//127.0.0.1:'));
    };
    child.stdout.on('data', check);
    void exited.then(() => reject(new Error(`sitrep demo exited before serving:\n${output}`)));
  });
  return {
    get output() { return output; },
    url,
    async stop() {
      child.kill('SIGTERM');
      const [code, signal] = await exited;
      return { code, signal, output };
    },
  };
}

test('sitrep demo stores examples/ once, serves the API on the port it prints and stops on SIGTERM', async () => {
  const db = join(temporaryDirectory('sitrep-demo-'), 'demo.db');
  const examples = readdirSync(join(ROOT, 'examples')).length;

  const first = await startDemo(db);
  const stored = /read (\d+), stored (\d+), duplicate (\d+), failed (\d+); events created (\d+)/.exec(first.output);
  assert.ok(stored, first.output);
  assert.ok(Number(stored[2]) >= examples, 'every example file is stored (the JSONL file holds several articles)');
  assert.ok(Number(stored[5]) > 0, 'the examples code to events');
  const page = await (await fetch(`${first.url}/events?limit=1`)).json() as { total: number };
  const stats = await (await fetch(`${first.url}/stats`)).json() as { total: number };
  assert.equal(page.total, stats.total);
  assert.ok(page.total > 0);
  const stopped = await first.stop();
  assert.equal(stopped.code, 0, stopped.output);
  assert.match(stopped.output, /SIGTERM, shutting down/);

  const second = await startDemo(db);
  assert.match(second.output, new RegExp(`read ${stored[1]}, stored 0, duplicate ${stored[2]}, failed 0; events created 0, merged 0`));
  const again = await (await fetch(`${second.url}/stats`)).json() as { total: number };
  assert.equal(again.total, stats.total, 'a second run stores nothing twice');
  assert.equal((await second.stop()).code, 0);
});
