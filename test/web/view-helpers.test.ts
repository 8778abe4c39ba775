import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countByDay, GAP_DAYS, slotOf, timeSlots } from '../../web/src/time-axis.ts';
import { readView, writeView } from '../../web/src/view-state.ts';
import { dayNumber } from '../../web/src/days.ts';

test('the time axis gives every day of a stretch a slot and a long quiet gap one break', () => {
  const a = dayNumber('2016-08-07');
  const b = dayNumber('2020-04-28');
  const slots = timeSlots([b + 3, a, b, a + 1, b]);
  assert.equal(slots.length, 2 + 1 + 4, 'two days, one break, four days');
  assert.deepEqual(slots[2], { day: a + 2, last: b - 1, gap: true });
  assert.equal(slots.filter((s) => s.gap).length, 1);
  // A short quiet stretch stays days: the axis is linear within a stretch.
  assert.equal(timeSlots([a, a + GAP_DAYS + 1]).length, GAP_DAYS + 2);
  assert.equal(slotOf(slots, a - 1), -1);
  assert.equal(slotOf(slots, a + 100), 2, 'a day inside the break falls in the break');
  assert.equal(slotOf(slots, b + 3), 6);
  assert.deepEqual(countByDay(['2020-05-02', null, '2020-05-01', '2020-05-02']), [
    { date: '2020-05-01', count: 1 }, { date: '2020-05-02', count: 2 },
  ]);
});

test('the view written into the address is read back the same; bad values are dropped', () => {
  const view = {
    filters: { event_type: 'Battles', actor: 'HTS: Hayat Tahrir al Sham', from: '2016-08-01', to: '2016-08-31' },
    plover: true, map: { lat: 36.2, lng: 37.15, zoom: 12 }, event: 'abc:1:0',
  };
  assert.deepEqual(readView(writeView(view)), view);
  assert.deepEqual(readView('?map=north,1,2&event=&bogus=1&q=%20'), { filters: {}, plover: false, map: null, event: null });
  assert.equal(writeView({ filters: {}, plover: false, map: null, event: null }), '');
});
