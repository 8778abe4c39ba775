import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkSteps, runSteps, step, stepsFor, type Step } from '../../src/coding-doc.ts';
import { STEPS, codeArticle, defaultResources } from '../../src/pipeline.ts';

const names = (steps: readonly Step[]): string[] => steps.map((s) => s.name);

test('the shipped steps are in an order where each finds what it requires', () => {
  assert.doesNotThrow(() => checkSteps(STEPS));
  assert.equal(STEPS.at(-1)?.name, 'code-events');
});

test('a step placed before the step that adds what it requires is refused, naming both the step and the field', () => {
  const events = STEPS.find((s) => s.name === 'code-events')!;
  const early = [STEPS[0]!, events, ...STEPS.slice(1).filter((s) => s !== events)];
  assert.throws(() => checkSteps(early), /step "code-events" requires "dates", which no earlier step adds/);
});

test('a field added by two steps is refused', () => {
  const again = step({ name: 'analyse-again', requires: ['article'], adds: ['analysis'], run: () => ({ analysis: { text: '', sentences: [] } }) });
  assert.throws(() => checkSteps([STEPS[0]!, again]), /step "analyse-again" adds "analysis", which step "analyse-text" already adds/);
});

test('finding places is a step of its own, before resolution, and the places of an article need no event steps', () => {
  assert.ok(names(STEPS).indexOf('find-places') < names(STEPS).indexOf('geolocate'));
  assert.deepEqual(names(stepsFor(STEPS, ['geo'])), ['analyse-text', 'find-dates', 'find-actors', 'find-places', 'geolocate']);
  assert.deepEqual(names(stepsFor(STEPS, ['events'])), names(STEPS));
  assert.throws(() => stepsFor(STEPS.slice(0, 3), ['geo']), /no step adds "geo"/);
});

test('running the steps adds each declared field to the one document', () => {
  const article = { id: 'a', origin: 'test', title: null, url: null, source: null, published: '2021-03-02', byline: null,
    text: 'Police fired tear gas at protesters in Nairobi on Monday. Two people were killed.' };
  const doc = runSteps(STEPS, { article, options: { includeFlagged: false } }, defaultResources());
  for (const s of STEPS) for (const field of s.adds) assert.ok(doc[field] !== undefined, `${s.name} adds ${field}`);
  assert.equal(doc.placeMentions?.[0]?.text, 'Nairobi');
  assert.deepEqual(doc.events, codeArticle(article));
});
