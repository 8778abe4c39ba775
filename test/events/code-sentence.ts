import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle, defaultResources } from '../../src/pipeline.ts';
import { EVAL_DATE } from '../../src/eval/plover-eval.ts';
import type { Article } from '../../src/ingest/types.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';

const resources = defaultResources();

/** The events of one text coded alone as an article of its own, dated as the PLOVER evaluation dates its sentences. */
export function codeSentence(text: string, article: Partial<Pick<Article, 'source' | 'published'>> = {}): CodedEvent[] {
  return codeArticle({ id: 't', origin: 'test', title: null, text, url: null, source: null, published: EVAL_DATE, byline: null, ...article }, resources);
}

/** A sentence and the PLOVER category (and mode, where the manual names one) its first event must have. */
export interface PloverCase {
  text: string;
  plover: CodedEvent['plover_event'];
  mode?: string | null;
}

/** One test per case: the sentence's first event has the case's category, and its mode when the case gives one. */
export function testPloverCases(cases: readonly PloverCase[]): void {
  for (const { text, plover, mode } of cases) {
    test(`codes "${text}" as ${plover}${mode ? ` ${mode}` : ''}`, () => {
      const [first] = codeSentence(text);
      assert.ok(first, 'an event');
      assert.equal(first.plover_event, plover);
      if (mode !== undefined) assert.equal(first.mode, mode);
    });
  }
}
