import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acledDateToIso } from '../../src/eval/acled-eval.ts';

test('reads ACLED export dates as ISO dates', () => {
  assert.equal(acledDateToIso('9-May-20'), '2020-05-09');
  assert.equal(acledDateToIso('27-Apr-20'), '2020-04-27');
});

test('rejects a date it cannot read instead of guessing', () => {
  assert.equal(acledDateToIso('May 9'), null);
  assert.equal(acledDateToIso('9-Foo-20'), null);
});
