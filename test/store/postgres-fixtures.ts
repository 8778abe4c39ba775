import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { maskUrl, withSchema } from '../../src/store/postgres-connection.ts';

/**
 * The PostgreSQL server the tests use, and a fresh schema per test so parallel runs never collide.
 * `npm test` (scripts/run-tests.ts) sets SITREP_TEST_PG: the server given, else a throwaway one it started.
 */

export const TEST_PG = process.env.SITREP_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

type TestContext = { after: (fn: () => void | Promise<void>) => void };

/** A client on the test server; an unreachable server fails the test with what to do about it (never skips). */
export async function testClient(url: string = TEST_PG): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`the PostgreSQL tests need a server at ${maskUrl(TEST_PG)} (run the tests with npm test, which starts a throwaway server, or set SITREP_TEST_PG): ${(error as Error).message}`);
  }
  return client;
}

/** Creates schema sitrep_test_<random>, dropped with everything in it after the test; returns its URL. */
export async function freshSchema(t: TestContext): Promise<{ url: string; schema: string }> {
  const schema = `sitrep_test_${randomBytes(6).toString('hex')}`;
  const client = await testClient();
  try {
    await client.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await client.end();
  }
  t.after(async () => {
    const dropper = await testClient();
    try {
      await dropper.query(`DROP SCHEMA ${schema} CASCADE`);
    } finally {
      await dropper.end();
    }
  });
  return { url: withSchema(TEST_PG, schema), schema };
}
