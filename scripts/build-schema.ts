// Writes schema/event.schema.json from the zod schema in src/events/event-schema.ts,
// so users of the JSON output can validate it without reading TypeScript.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { EventSchema } from '../src/events/event-schema.ts';

const target = new URL('../schema/event.schema.json', import.meta.url);
const schema = {
  ...z.toJSONSchema(EventSchema),
  $id: 'https://github.com/sitrep/sitrep/schema/event.schema.json',
  title: 'sitrep coded event',
  description: 'One event coded by sitrep: ACLED field names where ACLED has the field, PLOVER for the coding, sitrep\'s own for evidence, claimant and confidence.',
};
writeFileSync(target, `${JSON.stringify(schema, null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
