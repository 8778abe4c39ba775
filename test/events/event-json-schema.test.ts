import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventJsonSchema } from '../../src/events/event-json-schema.ts';

test('schema/event.schema.json is the JSON Schema of the zod event schema (run npm run build:schema)', () => {
  const shipped = JSON.parse(readFileSync(new URL('../../schema/event.schema.json', import.meta.url), 'utf8')) as unknown;
  assert.deepEqual(shipped, JSON.parse(JSON.stringify(eventJsonSchema())));
});

test('the JSON Schema requires the ACLED fields and the evidence', () => {
  const schema = eventJsonSchema() as { required: string[] };
  for (const field of ['event_date', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'latitude', 'geo_precision', 'fatalities', 'evidence', 'claimant']) {
    assert.ok(schema.required.includes(field), field);
  }
});
