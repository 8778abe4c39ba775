import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { storeContract } from './store-contract.ts';
import { tempDir } from './fixtures.ts';

storeContract('sqlite', async (t) => {
  const store = new SqliteStore(join(tempDir(t), 'test.db'));
  t.after(() => store.close());
  return store;
});
