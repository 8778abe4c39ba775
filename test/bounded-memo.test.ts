import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedMemo } from '../src/bounded-memo.ts';

test('a bounded memo keeps what is asked often and drops what was not asked for two generations', () => {
  const memo = new BoundedMemo<string, number>(4);
  memo.set('Aleppo', 1);
  memo.set('Idlib', 2);
  // The young generation (two answers) is full: it becomes the old one.
  memo.set('Hama', 3);
  assert.equal(memo.get('Aleppo'), 1, 'found in the old generation, and moved back into the young one');
  // Hama and Aleppo fill the young generation; Raqqa starts a new one and Idlib, never asked again, is gone.
  memo.set('Raqqa', 4);
  assert.equal(memo.get('Idlib'), undefined);
  assert.equal(memo.get('Aleppo'), 1);
  assert.equal(memo.get('Hama'), 3);
  assert.equal(memo.get('Raqqa'), 4);
});

test('a bounded memo answers with the latest value set for a key', () => {
  const memo = new BoundedMemo<number, string>(2);
  memo.set(1, 'old');
  memo.set(2, 'other');
  memo.set(1, 'new');
  assert.equal(memo.get(1), 'new');
});
