import { InvalidArgumentError } from 'commander';
import { once } from 'node:events';
import type { EventFormat } from '../../serve/event-formats.ts';
import { EventQuerySchema, firstIssue } from '../../serve/api-schemas.ts';
import { eventsToCsv, eventToFeature, withSourceProfile } from '../../serve/format-events.ts';
import { openStore } from '../../store/open-store.ts';
import type { EventFilter, StoredEvent } from '../../store/types.ts';
import { storeLocation } from '../shared/store-location.ts';
import { storeRules } from '../../store-rules.ts';

const PAGE = 1000;

export interface ExportOptions {
  format: EventFormat; db?: string; store?: string;
  from?: string; to?: string; bbox?: string; eventType?: string; subEventType?: string; ploverEvent?: string; acled?: string;
  actor?: string; country?: string; admin1?: string; source?: string; q?: string;
}

/** The filters, checked by the same schema as the API's query so that both accept exactly the same values. */
function parseFilter(options: ExportOptions): EventFilter {
  const query = {
    from: options.from, to: options.to, bbox: options.bbox, event_type: options.eventType, sub_event_type: options.subEventType,
    plover_event: options.ploverEvent, acled: options.acled, actor: options.actor, country: options.country, admin1: options.admin1, source: options.source, q: options.q,
  };
  const parsed = EventQuerySchema.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (!parsed.success) {
    const { error, field } = firstIssue(parsed.error, 'filter');
    throw new InvalidArgumentError(`--${(field ?? '').replace(/_/g, '-')}: ${error}`);
  }
  const { limit: _limit, offset: _offset, format: _format, ...filter } = parsed.data;
  return filter;
}

async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await once(process.stdout, 'drain');
}

/** `sitrep export`: streams the stored events matching the filters, formatted a page at a time. */
export async function exportEvents(options: ExportOptions): Promise<void> {
  const filter = parseFilter(options);
  const store = await openStore(storeLocation(options), storeRules());
  try {
    const opening = { csv: '', jsonl: '', json: '[', geojson: '{"type":"FeatureCollection","features":[' }[options.format];
    await write(opening);
    let first = true;
    let page: StoredEvent[] = [];
    const flush = async (): Promise<void> => {
      await write(chunk(page, options.format, first));
      first = false;
      page = [];
    };
    // The store streams the events; they are formatted and written a page at a time.
    for await (const event of store.streamEvents(filter)) {
      page.push(event);
      if (page.length >= PAGE) await flush();
    }
    if (page.length > 0) await flush();
    const closing = { csv: first ? eventsToCsv([]) : '', jsonl: '', json: ']\n', geojson: ']}\n' }[options.format];
    await write(closing);
  } finally {
    await store.close();
  }
}

function chunk(events: StoredEvent[], format: EventFormat, first: boolean): string {
  const lead = first ? '' : ',';
  switch (format) {
    case 'csv': return eventsToCsv(events, { header: first });
    case 'jsonl': return events.map((e) => `${JSON.stringify(withSourceProfile(e))}\n`).join('');
    case 'json': return lead + events.map((e) => JSON.stringify(withSourceProfile(e))).join(',');
    case 'geojson': return lead + events.map((e) => JSON.stringify(eventToFeature(e))).join(',');
  }
}
