// Node 20's test runner does not expand globs itself: find the test files and hand them over.
// The PostgreSQL tests get a server: $SITREP_TEST_PG when set, else a throwaway one started for this run.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { testPostgres } from './test-postgres.ts';

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : testFiles('test').sort();
const needsPostgres = files.some((file) => readFileSync(file, 'utf8').includes('postgres-fixtures'));
const postgres = needsPostgres ? await testPostgres() : null;
if (postgres) process.stderr.write(`tests: PostgreSQL from ${postgres.origin === 'throwaway' ? 'a throwaway server started for this run' : '$SITREP_TEST_PG'}\n`);

const env = postgres ? { ...process.env, SITREP_TEST_PG: postgres.url } : process.env;
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { stdio: 'inherit', env });
// Ctrl-C reaches the child through the terminal; the throwaway server is stopped once it has finished.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
const status = await new Promise<number>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
await postgres?.stop();
process.exit(status);
