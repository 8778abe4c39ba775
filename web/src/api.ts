import type {
  ActorsResponse, ApiActor, ApiEvent, ApiEventDetail, ApiPlace, EventsResponse, PlacesResponse, StatsResponse,
} from '../../src/serve/api-types.ts';

/** The filters the page drives, named as the API's query parameters (docs/api.md). */
export interface EventFilters {
  q?: string;
  event_type?: string;
  actor?: string;
  country?: string;
  admin1?: string;
  source?: string;
  from?: string;
  to?: string;
  /** `true`: only events with an ACLED type (servers that code PLOVER-only events). */
  acled?: string;
}

const PAGE = 1000;
/** The most events the page draws at once; the header says when there are more. */
export const MAX_EVENTS = 5000;

export function eventsQuery(filters: EventFilters, limit: number, offset: number): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters) as [string, string | undefined][]) {
    const trimmed = value?.trim();
    if (trimmed) params.set(name, trimmed);
  }
  params.set('limit', String(limit));
  if (offset > 0) params.set('offset', String(offset));
  return `events?${params.toString()}`;
}

export class ApiError extends Error {}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' }, signal });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json() as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
    } catch {
      // not JSON: the status line says enough
    }
    throw new ApiError(message);
  }
  return await response.json() as T;
}

/** Every event matching the filters, up to MAX_EVENTS, newest first. */
export async function fetchEvents(filters: EventFilters, signal?: AbortSignal): Promise<{ total: number; events: ApiEvent[] }> {
  const events: ApiEvent[] = [];
  let total = 0;
  do {
    const page = await getJson<EventsResponse>(eventsQuery(filters, PAGE, events.length), signal);
    total = page.total;
    events.push(...page.events);
    if (page.events.length === 0) break;
  } while (events.length < Math.min(total, MAX_EVENTS));
  return { total, events };
}

export function fetchEvent(id: string, signal?: AbortSignal): Promise<ApiEventDetail> {
  return getJson<ApiEventDetail>(`events/${encodeURIComponent(id)}`, signal);
}

export function fetchStats(): Promise<StatsResponse> {
  return getJson<StatsResponse>('stats');
}

export async function fetchActors(): Promise<ApiActor[]> {
  return (await getJson<ActorsResponse>('actors')).actors;
}

export async function fetchPlaces(): Promise<ApiPlace[]> {
  return (await getJson<PlacesResponse>('places')).places;
}
