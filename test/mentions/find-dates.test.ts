import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyseText } from '../../src/text/analyse-text.ts';
import { isDeepStrictEqual } from 'node:util';
import { chronoDates, findDates, writtenDate } from '../../src/mentions/find-dates.ts';

const datesIn = (text: string, reference: string | null) => findDates(analyseText(text), reference);

test('a bare weekday in past-tense news resolves to the most recent such day, never a future one', () => {
  // 2020-05-07 is a Thursday: "Sunday" is 3 May, "Friday" is 1 May (not 8 May).
  const [sunday, friday] = datesIn('Troops advanced on Sunday. Police fired on Friday.', '2020-05-07');
  assert.equal(sunday?.date, '2020-05-03');
  assert.equal(friday?.date, '2020-05-01');
  assert.equal(sunday?.precision, 1);
});

test('a weekday on the publication day itself is that day', () => {
  assert.equal(datesIn('Clashes broke out on Thursday.', '2020-05-07')[0]?.date, '2020-05-07');
});

test('written dates, relative days and weeks', () => {
  const found = datesIn('On 9 May 2020 police fired. Yesterday, shelling resumed. Talks failed last week.', '2020-05-12');
  assert.deepEqual(found.map((d) => [d.date, d.precision]), [['2020-05-09', 1], ['2020-05-11', 1], ['2020-05-05', 2]]);
  assert.equal(found[0]?.text, 'On 9 May 2020');
  assert.equal(found[1]?.sentence, 1);
});

test('a day and month without a year is the last such date before the article', () => {
  assert.equal(datesIn('Fighting resumed on 28 December.', '2020-01-03')[0]?.date, '2019-12-28');
});

test('an undated article keeps only the dates that carry their year', () => {
  const found = datesIn('Reports said on Sunday that clashes continued. On 3 May 2020 the army withdrew. Yesterday it returned.', null);
  assert.deepEqual(found.map((d) => d.date), ['2020-05-03']);
});

test('impossible dates and times of day are not dates', () => {
  assert.deepEqual(datesIn('Fighting on 31/02/2020 at 10 pm.', '2020-05-07'), []);
});

test('a time of day written after a date is not a second date, nor part of the first', () => {
  const found = datesIn('On 9 May 2020, in the evening, gunmen attacked a bus. On 8 May 2020, 20 people protested.', '2020-05-10');
  assert.deepEqual(found.map((d) => [d.date, d.text]), [['2020-05-09', 'On 9 May 2020'], ['2020-05-08', 'On 8 May 2020']]);
});

test('offsets point at the date words in the text', () => {
  const text = 'Gunmen attacked a village on Monday, police said.';
  const [monday] = datesIn(text, '2020-05-07');
  assert.ok(monday);
  assert.equal(text.slice(monday.start, monday.end), monday.text);
});

test('any text: dates found lie inside the text and are valid days on or before the reference', () => {
  fc.assert(fc.property(fc.string({ maxLength: 200 }), fc.constantFrom('on Sunday', 'on 3 May', 'yesterday', ''), (noise, phrase) => {
    const text = `${noise} Shelling was reported ${phrase}.`;
    for (const d of findDates(analyseText(text), '2020-05-07')) {
      assert.ok(d.start >= 0 && d.end <= text.length && d.start < d.end);
      assert.match(d.date, /^\d{4}-\d{2}-\d{2}$/);
      if (/sunday|yesterday/i.test(d.text)) assert.ok(d.date <= '2020-05-07');
    }
  }), { numRuns: 100 });
});

// writtenDate reads "9 May 2020" without chrono: wherever it answers, its answer must be chrono's.
const REFERENCE = new Date(Date.UTC(2020, 4, 10, 12));
const agreesWithChrono = (words: string): boolean => {
  const fast = writtenDate(words);
  return fast === null || [REFERENCE, null].every((ref) => isDeepStrictEqual(fast, chronoDates(words, false, REFERENCE, ref)));
};

test('a date written in full is read without chrono, with chrono\'s words and day', () => {
  assert.deepEqual(writtenDate('On 14 March 2021, gunmen in'), [{ index: 0, text: 'On 14 March 2021', date: '2021-03-14', precision: 1 }]);
  assert.deepEqual(writtenDate('were seen on 02 July 2019.'), [{ index: 10, text: 'on 02 July 2019', date: '2019-07-02', precision: 1 }]);
  assert.deepEqual(writtenDate('since 5 June 2018 the'), [{ index: 6, text: '5 June 2018', date: '2018-06-05', precision: 1 }]);
});

test('windows with anything else a date could be made of are left to chrono', () => {
  for (const words of ['Sunday 9 May 2020 x', 'On 8 to 9 May 2020,', 'On 9 May 2020, 11 people', 'On 9 May 2020 AD', 'on 9 May 2020 (CET)',
    'On 31 February 2021, a', 'On 9 Sept 2020, the', 'On 9 May 2020 and in May', 'the week of 9 May 2020', 'Won 9 May 2020',
    'the eighth to 9 May 2020', 'Until 9 May 2020, 75 detainees', 'On 9 May, 2020, KDP', 'On 9 May 2020, 20-30 men']) {
    assert.ok(agreesWithChrono(words), words);
  }
  for (const words of ['On 31 February 2021, a', 'On 8 to 9 May 2020,', 'On 9 May 2020 CET', 'the eighth to 9 May 2020', 'On 9 May 2020, 20-30 men']) {
    assert.equal(writtenDate(words), null, words);
  }
  assert.equal(writtenDate('On 9 May, 2020, KDP')?.[0]?.text, 'On 9 May, 2020');
  assert.equal(writtenDate('Until 9 May 2020, 75 detainees')?.[0]?.text, '9 May 2020');
});

test('whatever words surround a written date, writtenDate agrees with chrono', () => {
  const words = fc.constantFrom('on', 'On', 'Won', 'upon', 'to', '-', 'until', 'AD', 'Ad-Dana', 'CET', '(UTC)', 'Sun', 'Sat.', 'week', 'first',
    'the', 'militants', 'in', 'Kabul', ',', '.', 'at', 'noon', 'night', '3', 'May', 'of', 'GMT+3', 'BC', ', 12', '20-30', '3/4', '10:30',
    '2021', 'LNA', 'PKK', 'EST', 'eighth', 'twenty-first', 'till', 'ET');
  const day = fc.integer({ min: 0, max: 32 }).map((d) => (d < 10 && d % 2 ? `0${d}` : String(d)));
  const month = fc.constantFrom('January', 'February', 'May', 'june', 'SEPTEMBER', 'Sept', 'Mayo');
  const year = fc.integer({ min: 1899, max: 2101 }).map(String);
  const spaced = (list: string[]): string => list.join(' ');
  fc.assert(fc.property(fc.array(words, { maxLength: 4 }), day, month, year, fc.array(words, { maxLength: 4 }), fc.boolean(),
    fc.constantFrom(' ', ', '), (before, d, m, y, after, glued, comma) =>
      agreesWithChrono(`${spaced(before)}${glued ? '' : ' '}${d} ${m}${comma}${y}${glued ? '' : ' '}${spaced(after)}`)),
  { numRuns: 5000 });
});
