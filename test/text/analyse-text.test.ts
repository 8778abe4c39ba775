import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseText } from '../../src/text/analyse-text.ts';

test('splits a report into sentences with offsets into the text', () => {
  const text = 'Rebels shelled the town on Sunday. Two civilians were killed.\n\nThe army said it responded.';
  const doc = analyseText(text);
  assert.deepEqual(doc.sentences.map((s) => s.text), [
    'Rebels shelled the town on Sunday.',
    'Two civilians were killed.',
    'The army said it responded.',
  ]);
  for (const s of doc.sentences) assert.equal(text.slice(s.start, s.end), s.text);
});

test('gives each token its lemma and part of speech', () => {
  const token = analyseText('Government forces captured the village.').sentences[0]?.tokens.find((t) => t.text === 'captured');
  assert.equal(token?.lemma, 'capture');
  assert.equal(token?.pos, 'VERB');
});

test('keeps offsets right across non-Latin script and emoji', () => {
  const text = 'Clashes erupted in حلب on Monday 🙂. Residents fled.';
  const doc = analyseText(text);
  for (const s of doc.sentences) for (const t of s.tokens) assert.equal(text.slice(t.start, t.end), t.text);
});

test('property: token offsets always lie inside the text, in order, and match the token text', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
      const doc = analyseText(text);
      let previousEnd = 0;
      for (const sentence of doc.sentences) {
        assert.ok(sentence.start >= 0 && sentence.end <= text.length && sentence.start <= sentence.end);
        for (const token of sentence.tokens) {
          assert.ok(token.start >= previousEnd, 'tokens do not overlap or go backwards');
          assert.equal(text.slice(token.start, token.end), token.text);
          previousEnd = token.end;
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('property: the sentences cover every non-space character of the text', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('Rebels', 'attacked', 'the', 'town', '.', ',', 'On', 'Sunday', '\n\n', '!', 'al-Nusra', '"'), { maxLength: 60 }), (words) => {
      const text = words.join(' ');
      const doc = analyseText(text);
      const covered = new Array<boolean>(text.length).fill(false);
      for (const s of doc.sentences) for (let i = s.start; i < s.end; i++) covered[i] = true;
      for (let i = 0; i < text.length; i++) {
        if (text[i]!.trim() !== '') assert.ok(covered[i], `character ${i} (${JSON.stringify(text[i])}) is in a sentence`);
      }
    }),
    { numRuns: 200 },
  );
});
