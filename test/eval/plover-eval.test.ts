import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ploverFigures, readPloverGold } from '../../src/eval/plover-eval.ts';

test('accuracy counts no event as wrong; recall and precision are per category', () => {
  const { figures, confusions } = ploverFigures([
    { gold: 'REQUEST', coded: 'REQUEST' },
    { gold: 'REQUEST', coded: 'PROTEST' },
    { gold: 'PROTEST', coded: 'PROTEST' },
    { gold: 'THREATEN', coded: null },
  ]);
  assert.deepEqual(Object.keys(figures), ['n', 'plover_event', 'no_event', 'per_class']);
  assert.equal(figures.n, 4);
  assert.equal(figures.plover_event, 0.5);
  assert.equal(figures.no_event, 0.25);
  assert.deepEqual(figures.per_class, {
    REQUEST: { n: 2, recall: 0.5, precision: 1 },
    THREATEN: { n: 1, recall: 0, precision: 0 },
    PROTEST: { n: 1, recall: 1, precision: 0.5 },
  });
  assert.deepEqual(confusions, [{ gold: 'REQUEST', coded: 'PROTEST', count: 1 }, { gold: 'THREATEN', coded: '(none)', count: 1 }]);
});

test('a category only ever coded wrongly is listed with n 0 and precision 0; no sentences give zeros', () => {
  assert.deepEqual(ploverFigures([{ gold: 'AID', coded: 'SANCTION' }]).figures.per_class.SANCTION, { n: 0, recall: 0, precision: 0 });
  assert.deepEqual(ploverFigures([]).figures, { n: 0, plover_event: 0, no_event: 0, per_class: {} });
});

test('a bad gold line is an error naming the file, the line and the field', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'plover-gold-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'gold.jsonl');
  writeFileSync(file, `${JSON.stringify({ id: 'a', text: 'x', gold_event: 'AGREE' })}\n\n${JSON.stringify({ id: 'b', text: 'y', gold_event: 'FIGHT' })}\n`);
  assert.throws(() => readPloverGold(file), new RegExp(`${file}:3: field gold_event`));
  writeFileSync(file, '{"id": "a",\n');
  assert.throws(() => readPloverGold(file), /gold\.jsonl:1: not JSON/);
});
