import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { codeArticle, defaultResources } from '../../src/pipeline.ts';
import type { Article } from '../../src/ingest/types.ts';

const FIXTURE = new URL('../fixtures/casualty-sentences.yaml', import.meta.url);

const CaseSchema = z.object({
  class: z.string(),
  text: z.string().min(1),
  fatalities: z.number().int().nonnegative(),
  basis: z.enum(['exact', 'vague', 'unknown', 'none']),
  injured: z.number().int().nonnegative(),
});

const cases = z.array(CaseSchema).parse(parse(readFileSync(FIXTURE, 'utf8')));
const resources = defaultResources();

const article = (text: string, n: number): Article => ({
  id: `casualty-${n}`, origin: 'test', title: null, text, url: null, source: null, published: '2021-03-14', byline: null,
});

test('the casualty sentence set is large enough to mean something', () => {
  assert.ok(cases.length >= 60, `only ${cases.length} sentences`);
});

cases.forEach((c, n) => {
  test(`${c.class}: ${c.text}`, () => {
    const [event] = codeArticle(article(c.text, n), resources);
    assert.ok(event, 'no event coded');
    assert.deepEqual(
      { fatalities: event.fatalities, basis: event.fatalities_basis, injured: event.injured },
      { fatalities: c.fatalities, basis: c.basis, injured: c.injured },
    );
    // Every figure keeps the words it was read from.
    if (c.fatalities > 0 || c.injured > 0) assert.ok(event.evidence.some((e) => e.field === 'fatalities'), 'no fatalities evidence');
  });
});
