import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { testPostgres } from '../../scripts/test-postgres.ts';

test('with SITREP_TEST_PG set, the tests use that server and start none', async () => {
  const given = await testPostgres({ SITREP_TEST_PG: 'postgres://postgres@127.0.0.1:1/elsewhere' });
  assert.deepEqual([given.origin, given.url], ['SITREP_TEST_PG', 'postgres://postgres@127.0.0.1:1/elsewhere']);
  await given.stop();
});

test('without SITREP_TEST_PG, a throwaway PostgreSQL from the npm package is started, answers, and is gone after stop', { timeout: 120_000 }, async () => {
  const server = await testPostgres({});
  assert.equal(server.origin, 'throwaway');
  const url = new URL(server.url);
  assert.notEqual(url.port, '5432', 'never the machine\'s own server');
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  const { rows } = await client.query<{ version: string }>('SELECT version()');
  await client.end();
  assert.match(rows[0]!.version, /^PostgreSQL \d+/);
  await server.stop();
  const after = new pg.Client({ connectionString: server.url, connectionTimeoutMillis: 2000 });
  await assert.rejects(after.connect());
});
