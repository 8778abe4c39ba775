import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoundedCache } from '../src/bounded-cache.ts';

test('a bounded cache computes an answer once and returns it while it is kept', () => {
  const cache = new BoundedCache<string, number>(10);
  let calls = 0;
  const length = (key: string): number => {
    calls++;
    return key.length;
  };
  assert.equal(cache.through('Aleppo', length), 6);
  assert.equal(cache.through('Aleppo', length), 6);
  assert.equal(calls, 1);
});

test('a bounded cache never holds more than its limit and keeps working once full', () => {
  const cache = new BoundedCache<number, number>(3);
  for (let i = 0; i < 10; i++) cache.set(i, i * i);
  assert.ok(cache.size <= 3);
  assert.equal(cache.get(9), 81);
  assert.equal(cache.get(0), undefined);
  cache.set(9, 0); // replacing a kept entry does not start afresh
  assert.equal(cache.get(9), 0);
  assert.equal(cache.size, 1);
});

test('a remembered null or zero is an answer, not a miss', () => {
  const cache = new BoundedCache<string, number | null>(5);
  let calls = 0;
  const none = (): null => {
    calls++;
    return null;
  };
  cache.through('nowhere', none);
  cache.through('nowhere', none);
  assert.equal(calls, 1);
  assert.equal(cache.get('nowhere'), null);
});
