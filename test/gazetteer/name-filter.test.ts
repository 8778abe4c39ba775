import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NameFilter } from '../../src/gazetteer/name-filter.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';

test('property: a name key added to the filter is always found (no false negatives)', () => {
  fc.assert(fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 300 }), (keys) => {
    const filter = NameFilter.empty(keys.length);
    for (const key of keys) filter.add(key);
    return keys.every((key) => filter.mayHave(key));
  }));
});

test('the filter says "certainly not" for most keys it never saw (about 1% false positives at 10 bits a key)', () => {
  const filter = NameFilter.empty(10_000);
  for (let i = 0; i < 10_000; i++) filter.add(`place ${i}`);
  let falsePositives = 0;
  for (let i = 0; i < 10_000; i++) if (filter.mayHave(`word ${i}`)) falsePositives++;
  assert.ok(falsePositives < 300, `${falsePositives} false positives in 10,000`);
});

test('the world gazetteer still finds its names behind the filter, and no place for words that are none', () => {
  const gazetteer = openGazetteer();
  assert.ok(gazetteer.lookup('Aleppo').some((c) => c.country === 'Syria'));
  assert.ok(gazetteer.lookup('Shaykh Sa\'id').length > 0, 'a spelling variant reaches the same key');
  assert.deepEqual(gazetteer.lookup('On 9 May 2020'), []);
});
