import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreClassification } from '../../src/eval/weighted-f1.ts';
import { NO_ACLED_EVENT, readCaseRows, scoreCase } from '../../src/eval/case-eval.ts';

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} ≠ ${b}`);

test('weighted F1 weighs each label by its gold support', () => {
  // a: 3 gold rows, 2 coded right and 1 coded b; b: 1 gold row, coded right.
  const scores = scoreClassification([
    { gold: 'a', predicted: 'a' }, { gold: 'a', predicted: 'a' }, { gold: 'a', predicted: 'b' }, { gold: 'b', predicted: 'b' },
  ]);
  // a: p=1, r=2/3, f1=0.8; b: p=1/2, r=1, f1=2/3. Weighted: (3*0.8 + 1*2/3)/4.
  close(scores.weightedF1, (3 * 0.8 + 2 / 3) / 4);
  close(scores.accuracy, 0.75);
});

test('a label that is never predicted scores F1 0, and predictions of a label nobody has carry no weight', () => {
  const scores = scoreClassification([{ gold: 'a', predicted: 'x' }, { gold: 'b', predicted: 'b' }]);
  assert.equal(scores.labels.find((l) => l.label === 'a')?.f1, 0);
  assert.equal(scores.labels.some((l) => l.label === 'x'), false);
  close(scores.weightedF1, 0.5);
});

test('perfect predictions score 1 and no rows score 0', () => {
  close(scoreClassification([{ gold: 'a', predicted: 'a' }, { gold: 'b', predicted: 'b' }]).weightedF1, 1);
  assert.equal(scoreClassification([]).weightedF1, 0);
});

test('no ACLED event is the right answer for each of the five non-ACLED labels', () => {
  const report = scoreCase([
    { gold: 'NATURAL_DISASTER', coded: NO_ACLED_EVENT },
    { gold: 'ORG_CRIME', coded: 'ATTACK' },
    { gold: 'AIR_STRIKE', coded: 'AIR_STRIKE' },
    { gold: 'ATTACK', coded: NO_ACLED_EVENT },
  ]);
  assert.deepEqual(report.figures, { n: 4, sub_event_type: 0.5, weighted_f1: 0.5, non_acled_rejected: 0.5, no_event: 0.5 });
  assert.deepEqual(report.confusions.map((c) => `${c.gold}>${c.coded}`).sort(), ['ATTACK>(no ACLED event)', 'ORG_CRIME>ATTACK']);
});

test('a gold file with an unknown label or a broken line is refused with its line number', () => {
  const header = 'id\tEventSnippet\tSubType\n';
  assert.throws(() => readCaseRows('gold.tsv', `${header}1\tTroops shelled a village.\tBOMBING\n`), /gold\.tsv:2: field SubType: unknown label "BOMBING"/);
  assert.throws(() => readCaseRows('gold.tsv', `${header}1\tno label here\n`), /gold\.tsv:2: expected 3/);
  assert.throws(() => readCaseRows('gold.tsv', 'id\ttext\n'), /gold\.tsv:1: missing column "EventSnippet"/);
  assert.equal(readCaseRows('gold.tsv', `${header}7\tTroops shelled a village.\tART_MISS_ATTACK\n\n`).length, 1);
});
