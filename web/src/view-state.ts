/**
 * The view kept in the page's address, so that a link reopens it: the filters (the API's parameter names),
 * the map's centre and zoom, and the chosen event. Pure: URLSearchParams in and out.
 */

export const FILTER_NAMES = ['q', 'event_type', 'actor', 'country', 'admin1', 'source', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface ViewState {
  filters: Partial<Record<FilterName, string>>;
  /** PLOVER-only events (no ACLED type) shown too. */
  plover: boolean;
  map: { lat: number; lng: number; zoom: number } | null;
  event: string | null;
}

export function readView(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters: ViewState['filters'] = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filters[name] = value.slice(0, 500);
  }
  const [lat, lng, zoom] = (params.get('map') ?? '').split(',').map(Number);
  const map = lat !== undefined && lng !== undefined && zoom !== undefined && [lat, lng, zoom].every(Number.isFinite)
    && Math.abs(lat) <= 90 && Math.abs(lng) <= 360 && zoom >= 0 && zoom <= 20 ? { lat, lng, zoom } : null;
  return { filters, plover: params.get('plover') === '1', map, event: params.get('event')?.slice(0, 300) || null };
}

export function writeView(view: ViewState): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = view.filters[name];
    if (value) params.set(name, value);
  }
  if (view.plover) params.set('plover', '1');
  if (view.map) params.set('map', `${view.map.lat.toFixed(4)},${view.map.lng.toFixed(4)},${view.map.zoom}`);
  if (view.event) params.set('event', view.event);
  const text = params.toString();
  return text ? `?${text}` : '';
}
