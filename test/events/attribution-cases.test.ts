import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { codeArticle } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';

// Who did it, to whom, and who says so, on short reports written for these tests (test/fixtures/news).
const Name = z.string().nullable().optional();
const Case = z.object({
  text: z.string().min(1),
  sub_event_type: z.string().optional(),
  actor1: Name,
  actor2: Name,
  claimant: Name,
  actor1_matches: z.string().optional(),
  actor2_matches: z.string().optional(),
  no_acled_event: z.boolean().optional(),
});
const cases = z.array(Case).parse(parse(readFileSync(new URL('../fixtures/news/attribution-cases.yaml', import.meta.url), 'utf8')));

test('the attribution set has at least 25 reports', () => {
  assert.ok(cases.length >= 25, `${cases.length} cases`);
});

for (const c of cases) {
  test(`attribution: ${c.text}`, () => {
    const events = codeArticle({ id: 'attribution-case', origin: 'test', title: null, text: c.text, url: null, source: null, published: '2021-03-08', byline: null });
    // The ACLED events: a statement may still be coded as a PLOVER-only event (ACCUSE, REJECT, THREATEN) with no ACLED type.
    const acled = events.filter((e) => e.event_type !== null);
    if (c.no_acled_event) {
      assert.deepEqual(acled.map((e) => e.sub_event_type), []);
      return;
    }
    const event: CodedEvent | undefined = acled[0];
    assert.ok(event, 'an event');
    if (c.sub_event_type !== undefined) assert.equal(event.sub_event_type, c.sub_event_type);
    if (c.actor1 !== undefined) assert.equal(event.actor1, c.actor1);
    if (c.actor2 !== undefined) assert.equal(event.actor2, c.actor2);
    if (c.claimant !== undefined) assert.equal(event.claimant, c.claimant);
    if (c.actor1_matches) assert.match(event.actor1 ?? '', new RegExp(c.actor1_matches));
    if (c.actor2_matches) assert.match(event.actor2 ?? '', new RegExp(c.actor2_matches));
    // Every coded actor keeps the words it was read from, unless it is a role the coder supplied.
    for (const field of ['actor1', 'actor2'] as const) {
      const span: { start: number; end: number; text: string } | undefined = event.evidence.find((evidence) => evidence.field === field);
      if (span) assert.equal(c.text.slice(span.start, span.end), span.text);
    }
  });
}
