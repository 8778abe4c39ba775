// Writes schema/event.schema.json from the zod schema in src/events/event-schema.ts,
// so users of the JSON output can validate it without reading TypeScript.
import { writeFileSync } from 'node:fs';
import { eventJsonSchema } from '../src/events/event-json-schema.ts';

const target = new URL('../schema/event.schema.json', import.meta.url);
writeFileSync(target, `${JSON.stringify(eventJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target.pathname}\n`);
