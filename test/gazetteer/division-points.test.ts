import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { distanceKm } from '../../src/gazetteer/distance.ts';

// Where the world base puts a division: the point an event known only to that division is given.
const gazetteer = openGazetteer();

function point(name: string, kind: string, countryCode: string): { lat: number; lon: number } {
  const found = gazetteer.lookup(name).find((c) => c.kind === kind && c.countryCode === countryCode && c.exact);
  assert.ok(found && found.lat !== null && found.lon !== null, `${name} (${kind}, ${countryCode}) is in the gazetteer`);
  return { lat: found.lat, lon: found.lon };
}

test('a district GeoNames gives no seat stands at its biggest town (Kano Municipal at Kano)', () => {
  const district = point('Kano Municipal', 'admin2', 'NG');
  const city = point('Kano', 'populated', 'NG');
  assert.ok(distanceKm(district.lat, district.lon, city.lat, city.lon) < 1);
});

test('a district with a seat and no town of its name stands at its seat, even when a bigger town lies in it', () => {
  // Guzarah district (Herat) has its seat at Guzarah; Chahar Burj is bigger.
  const district = point('Guzarah', 'admin2', 'AF');
  const seat = point('Guzarah', 'populated', 'AF');
  const bigger = point('Chahar Burj', 'populated', 'AF');
  assert.ok(distanceKm(district.lat, district.lon, seat.lat, seat.lon) < 1);
  assert.ok(distanceKm(district.lat, district.lon, bigger.lat, bigger.lon) > 1);
});

test('a district named after one of its towns stands at that town, not at another village marked as seat', () => {
  // GeoNames marks Chandal Ba'i as the seat of Paghman district; the district centre is the town of Paghman.
  const district = point('Paghman', 'admin2', 'AF');
  const town = point('Paghman', 'populated', 'AF');
  assert.ok(distanceKm(district.lat, district.lon, town.lat, town.lon) < 1);
});
