import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CodedEvent } from '../../events/event-schema.ts';
import type { EventFormat } from '../../serve/event-formats.ts';
import { eventToFeature, eventsToCsv, eventsToJsonl, withSourceProfile } from '../../serve/format-events.ts';

/**
 * Writes events as they are coded, in any output format, byte for byte what formatEvents gives for all of
 * them at once: JSON as an array opened before the first event and closed after the last, CSV with its header
 * first, GeoJSON as a FeatureCollection whose features stream. Waits for the output to drain, so a slow reader
 * of the output holds back the coding instead of filling memory.
 */
export class EventWriter {
  private count = 0;

  constructor(private readonly format: EventFormat, private readonly out: Writable = process.stdout) {}

  async start(): Promise<void> {
    if (this.format === 'csv') await this.put(eventsToCsv([]));
    if (this.format === 'geojson') await this.put('{"type":"FeatureCollection","features":[');
  }

  async write(events: CodedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const first = this.count === 0;
    this.count += events.length;
    switch (this.format) {
      case 'json': {
        // JSON.stringify(array, null, 2) indents each element one level: two spaces before each of its lines.
        const items = events.map((e) => `  ${JSON.stringify(withSourceProfile(e), null, 2).replace(/\n/g, '\n  ')}`).join(',\n');
        return this.put(`${first ? '[\n' : ',\n'}${items}`);
      }
      case 'jsonl': return this.put(eventsToJsonl(events));
      case 'csv': return this.put(eventsToCsv(events, { header: false }));
      case 'geojson': return this.put((first ? '' : ',') + events.map((e) => JSON.stringify(eventToFeature(e))).join(','));
    }
  }

  async end(): Promise<void> {
    if (this.format === 'json') await this.put(this.count === 0 ? '[]\n' : '\n]\n');
    if (this.format === 'geojson') await this.put(']}\n');
  }

  private async put(text: string): Promise<void> {
    if (!this.out.write(text)) await once(this.out, 'drain');
  }
}
