import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { EventSchema, type CodedEvent } from '../../src/events/event-schema.ts';
import { CSV_COLUMNS, eventsToCsv, eventsToGeoJson, formatEvents } from '../../src/serve/format-events.ts';

function event(overrides: Partial<CodedEvent> = {}): CodedEvent {
  return EventSchema.parse({
    event_id: 'a1:0:10', article_id: 'a1', modality: 'asserted', event_date: '2020-05-03', time_precision: 1,
    event_type: 'Battles', sub_event_type: 'Armed clash', plover_event: 'ASSAULT', mode: 'firearms', context: ['military'],
    actor1: 'Military Forces of Syria (2000-)', actor1_id: 'syria-military', assoc_actor_1: null, inter1: 1,
    actor2: "Hay'at Tahrir al-Sham", actor2_id: 'hts', assoc_actor_2: null, inter2: 2, interaction: 12,
    country: 'Syria', admin1: 'Idlib', admin2: null, location: 'Kafr Nabl', latitude: 35.61, longitude: 36.56, geo_precision: 1,
    location_reason: 'named in the sentence', source: 'Levant Wire', claimant: 'military source', fatalities: 12,
    fatalities_basis: 'exact', injured: 0, confidence: 0.8, evidence: [{ field: 'event_type', start: 10, end: 18, text: 'captured' }],
    sentence: { start: 0, end: 40, text: 'Troops captured Kafr Nabl, "a village", on Tuesday.' },
    quad: 'Material conflict',
    ...overrides,
  });
}

test('CSV uses ACLED column names and round-trips quotes, commas and apostrophes', () => {
  const rows = parse(eventsToCsv([event()]), { columns: true }) as Record<string, string>[];
  assert.deepEqual(Object.keys(rows[0]!), [...CSV_COLUMNS]);
  assert.equal(rows[0]!.actor2, "Hay'at Tahrir al-Sham");
  assert.equal(rows[0]!.notes, 'Troops captured Kafr Nabl, "a village", on Tuesday.');
  assert.equal(rows[0]!.year, '2020');
  assert.equal(rows[0]!.latitude, '35.61');
});

test('CSV cells that a spreadsheet would run as a formula are defused', () => {
  const rows = parse(eventsToCsv([event({ location: '=HYPERLINK("http://x")', fatalities: 0 })]), { columns: true }) as Record<string, string>[];
  assert.equal(rows[0]!.location, '\'=HYPERLINK("http://x")');
  assert.equal(rows[0]!.fatalities, '0');
});

test('GeoJSON puts the event in properties, [lon, lat] in the geometry, and null geometry when unplaced', () => {
  const collection = eventsToGeoJson([event(), event({ event_id: 'b', latitude: null, longitude: null })]);
  assert.deepEqual(collection.features[0]!.geometry, { type: 'Point', coordinates: [36.56, 35.61] });
  assert.equal(collection.features[0]!.properties.actor2, "Hay'at Tahrir al-Sham");
  assert.equal(collection.features[1]!.geometry, null);
});

test('json is one array and jsonl one event per line', () => {
  const events = [event(), event({ event_id: 'b' })];
  assert.equal((JSON.parse(formatEvents(events, 'json')) as unknown[]).length, 2);
  const lines = formatEvents(events, 'jsonl').trim().split('\n');
  assert.deepEqual(lines.map((l) => (JSON.parse(l) as CodedEvent).event_id), ['a1:0:10', 'b']);
});
