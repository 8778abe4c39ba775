import { z } from 'zod';
import { EventSchema } from './event-schema.ts';

/** The JSON Schema of a coded event, generated from the zod schema (schema/event.schema.json). */
export function eventJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(EventSchema),
    $id: 'https://github.com/sitrep/sitrep/schema/event.schema.json',
    title: 'sitrep coded event',
    description: 'One event coded by sitrep: ACLED field names where ACLED has the field, PLOVER for the coding, sitrep\'s own for evidence, claimant and confidence.',
  };
}
