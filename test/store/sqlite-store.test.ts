import { join } from 'node:path';
import { SqliteStore } from '../../src/store/sqlite-store.ts';
import { storeContract } from './store-contract.ts';
import { tempDir } from './fixtures.ts';
import { storeRules } from '../../src/store-rules.ts';

storeContract('sqlite', async (t) => {
  const store = await SqliteStore.open(join(tempDir(t), 'test.db'), storeRules());
  t.after(() => store.close());
  return store;
});
