import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bySentence } from '../../src/events/by-sentence.ts';

test('items are grouped by their sentence, each group in the order of the items', () => {
  const items = [{ sentence: 2, id: 'a' }, { sentence: 0, id: 'b' }, { sentence: 2, id: 'c' }];
  const groups = bySentence(items);
  assert.deepEqual(groups.get(2)?.map((i) => i.id), ['a', 'c']);
  assert.deepEqual(groups.get(0)?.map((i) => i.id), ['b']);
  assert.equal(groups.get(1), undefined);
});
