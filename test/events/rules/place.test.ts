import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventPlace } from '../../../src/resolve/types.ts';
import { locate } from '../../../src/events/rules/place.ts';
import { CODES, docOf, draft, trigger } from './fixtures.ts';

const doc = docOf('Gunmen attacked a farm near the border.');
const main = trigger(doc, 0, 'attacked', CODES.attack);

test('the event is where the place found for its predicate is, in that place\'s country', () => {
  const farm: EventPlace = {
    location: 'Border Farm', country: 'Sylvania', admin1: null, admin2: null, latitude: 1, longitude: 2, geo_precision: 2,
    reason: 'test', confidence: 0.5, span: null, neighbourhood: null,
  };
  const asked: number[][] = [];
  const located = locate(draft(doc, main), { placeFor: (sentence, offset) => (asked.push([sentence, offset]), farm), country: 'Freedonia' });
  assert.deepEqual(asked, [[0, main.start]]);
  assert.deepEqual([located.place, located.country], [farm, 'Sylvania']);
});

test('with no place found, the event is in the article\'s country', () => {
  const located = locate(draft(doc, main), { placeFor: () => null, country: 'Freedonia' });
  assert.deepEqual([located.place, located.country], [null, 'Freedonia']);
});
