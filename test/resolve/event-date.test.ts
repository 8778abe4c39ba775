import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { findDates } from '../../src/mentions/find-dates.ts';
import { dateForSentence } from '../../src/resolve/event-date.ts';

const text = 'Shelling hit the town. On Sunday troops advanced. Clashes continued.';

test('an event takes the date named in its sentence, else the last one named before it', () => {
  const dates = findDates(analyseText(text), '2020-05-07');
  assert.equal(dateForSentence(1, dates, '2020-05-07').date, '2020-05-03');
  assert.equal(dateForSentence(2, dates, '2020-05-07').span?.text, 'On Sunday');
});

test('with no date in the text, the publication day bounds the event at week precision', () => {
  assert.deepEqual(dateForSentence(0, findDates(analyseText(text), '2020-05-07'), '2020-05-07T10:00:00Z'), { date: '2020-05-07', precision: 2, span: null });
});

test('an undated article with no dates in its text gives undated events', () => {
  assert.deepEqual(dateForSentence(1, findDates(analyseText(text), null), null), { date: null, precision: null, span: null });
});
