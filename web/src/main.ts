import './styles.css';
import type { ApiEvent, ApiPlace } from '../../src/serve/api-types.ts';
import { eventsQuery, fetchActors, fetchEvent, fetchEvents, fetchPlaces, fetchStats, MAX_EVENTS, type EventFilters } from './api.ts';
import { countByDay } from './time-axis.ts';
import { FILTER_NAMES, readView, writeView, type ViewState } from './view-state.ts';
import { byId, el } from './dom.ts';
import { createDetailPanel } from './event-detail.ts';
import { createEventList } from './event-list.ts';
import { EVENT_TYPES } from './labels.ts';
import { createMapView } from './map-view.ts';
import { createTimeline } from './timeline.ts';

const form = byId<HTMLFormElement>('filters');
const status = byId('status');
const listCount = byId('list-count');
const field = <T extends HTMLElement>(name: string) => form.elements.namedItem(name) as T;

let selected: string | null = null;
let detailRequest: AbortController | null = null;
let places: ApiPlace[] = [];

const map = createMapView(byId('map'), (id) => select(id));
const list = createEventList(byId('event-list'), (id) => select(id));
const detail = createDetailPanel(byId('detail'), () => select(null));
const timeline = createTimeline(byId('timeline'), () => {
  void applyRange(false);
  saveView();
});
const exportCsv = byId<HTMLAnchorElement>('export-csv');
const exportGeoJson = byId<HTMLAnchorElement>('export-geojson');
/** The server filters PLOVER-only events (`acled=`): then the page shows ACLED events unless asked. */
let acledFilter = false;
/** The events of the filters other than the dates: the timeline's histogram and, cut by date, the list. */
let base: { total: number; events: ApiEvent[] } = { total: 0, events: [] };

function saveView(): void {
  if (document.body.dataset.state !== 'ready') return;
  const view: ViewState = {
    filters: { ...formFilters(), ...timeline.range() },
    plover: field<HTMLInputElement>('plover').checked,
    map: map.view(),
    event: selected,
  };
  history.replaceState(null, '', `${location.pathname}${writeView(view)}`);
}

function select(id: string | null, moveMap = true): void {
  selected = id;
  saveView();
  list.select(id);
  const panel = byId('detail');
  detailRequest?.abort();
  if (!id) {
    map.focus(null);
    detail.close();
    return;
  }
  detailRequest = new AbortController();
  detail.showLoading();
  map.focus(id, panel.offsetWidth + 20, moveMap);
  fetchEvent(id, detailRequest.signal)
    .then((event) => { if (selected === id) detail.show(event); })
    .catch((error: unknown) => { if ((error as Error).name !== 'AbortError') detail.showError((error as Error).message); });
}

/** The form's filters, as the API's query parameters, without the dates. */
function formFilters(): EventFilters {
  const value = (name: string) => (field<HTMLInputElement | HTMLSelectElement>(name).value.trim() || undefined);
  return {
    q: value('q'), event_type: value('event_type'), actor: value('actor'),
    country: value('country'), admin1: value('admin1'), source: value('source'),
  };
}

/** What the page asks the server for: the form's filters, and only events with an ACLED type unless PLOVER-only are wanted. */
function queryFilters(): EventFilters {
  return { ...formFilters(), ...(acledFilter && !field<HTMLInputElement>('plover').checked ? { acled: 'true' } : {}) };
}

function filters(): EventFilters {
  return { ...queryFilters(), ...timeline.range() };
}

function setOptions(select: HTMLSelectElement | HTMLDataListElement, values: { value: string; label: string }[], keepFirst: boolean): void {
  const first = keepFirst ? select.firstElementChild : null;
  select.replaceChildren(...(first ? [first] : []), ...values.map((v) => el('option', { text: v.label, attrs: { value: v.value } })));
}

function fillAdmin1(): void {
  const country = field<HTMLSelectElement>('country').value;
  const regions = [...new Set(places.filter((p) => p.admin1 && (!country || p.country === country)).map((p) => p.admin1!))].sort();
  const admin1 = field<HTMLSelectElement>('admin1');
  const current = admin1.value;
  setOptions(admin1, regions.map((r) => ({ value: r, label: r })), true);
  admin1.value = regions.includes(current) ? current : '';
}

let generation = 0;
let pending: AbortController | null = null;

async function refresh(fit: boolean): Promise<void> {
  const mine = ++generation;
  pending?.abort();
  pending = new AbortController();
  status.textContent = 'Loading events…';
  try {
    const loaded = await fetchEvents(queryFilters(), pending.signal);
    if (mine !== generation) return;
    base = loaded;
    // The histogram follows the filters: it counts the events they show.
    timeline.setDays(countByDay(base.events.map((e) => e.event_date)));
    await applyRange(fit);
    saveView();
  } catch (error) {
    if ((error as Error).name === 'AbortError' || mine !== generation) return;
    status.textContent = `Could not load events: ${(error as Error).message}`;
    status.classList.add('error');
  }
}

/** Cuts the loaded events to the timeline's range (the server's own rule: dated events in it), asking the server when not all are loaded. */
async function applyRange(fit: boolean): Promise<void> {
  const range = timeline.range();
  if (!range) {
    show(base.events, base.total, fit);
    return;
  }
  if (base.total > base.events.length) {
    const { total, events } = await fetchEvents(filters());
    show(events, total, fit);
    return;
  }
  const inRange = base.events.filter((e) => e.event_date !== null && e.event_date >= range.from && e.event_date <= range.to);
  show(inRange, inRange.length, fit);
}

function show(events: ApiEvent[], total: number, fit: boolean): void {
  map.show(events, fit);
  list.show(events);
  // "Export this view": the same filters as the page's own request, as a file.
  const query = eventsQuery(filters(), 1000, 0);
  exportCsv.href = `${query}&format=csv`;
  exportGeoJson.href = `${query}&format=geojson`;
  const unplaced = events.filter((e) => e.latitude === null).length;
  listCount.textContent = `${total}${total > events.length ? ` (first ${MAX_EVENTS} shown)` : ''}`;
  status.classList.remove('error');
  status.textContent = `${total} event${total === 1 ? '' : 's'}${unplaced ? ` · ${unplaced} without coordinates (list only)` : ''}`;
  // Lets tests (and scripts) wait for a refresh to land.
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
  document.body.dataset.state = 'ready';
}

let typing: number | undefined;
form.addEventListener('input', (event) => {
  const target = event.target as HTMLElement;
  if (target instanceof HTMLSelectElement) return;
  window.clearTimeout(typing);
  typing = window.setTimeout(() => void refresh(true), 350);
});
form.addEventListener('change', (event) => {
  if ((event.target as HTMLElement).getAttribute('name') === 'country') fillAdmin1();
  window.clearTimeout(typing);
  void refresh(true);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  window.clearTimeout(typing);
  void refresh(true);
});
form.addEventListener('reset', () => {
  // The form clears its fields after this event.
  window.setTimeout(() => {
    fillAdmin1();
    void refresh(true);
  });
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && selected) select(null);
});

/**
 * The first view when the link names none: the region with the most events, where the story is (the
 * demo's battle for southern Aleppo), else every event.
 */
function storyEvents(events: ApiEvent[]): ApiEvent[] {
  const byRegion = new Map<string, ApiEvent[]>();
  for (const event of events) {
    if (event.latitude === null || !event.admin1) continue;
    const key = `${event.country ?? ''}|${event.admin1}`;
    byRegion.set(key, [...(byRegion.get(key) ?? []), event]);
  }
  const busiest = [...byRegion.values()].sort((a, b) => b.length - a.length)[0];
  return busiest && busiest.length >= 3 ? busiest : events;
}

async function serverFiltersPlover(): Promise<boolean> {
  try {
    const response = await fetch('openapi.json');
    return response.ok && /"name":\s*"acled"/.test(await response.text());
  } catch {
    return false;
  }
}

async function start(): Promise<void> {
  status.textContent = 'Loading…';
  const view = readView(location.search);
  try {
    const [stats, actors, placeList, plover] = await Promise.all([fetchStats(), fetchActors(), fetchPlaces(), serverFiltersPlover()]);
    places = placeList;
    acledFilter = plover;
    byId('plover-toggle').hidden = !plover;
    const counts = new Map(stats.by_type.map((t) => [t.event_type, t.count]));
    setOptions(field<HTMLSelectElement>('event_type'), EVENT_TYPES.map((t) => ({ value: t, label: `${t} (${counts.get(t) ?? 0})` })), true);
    const countries = [...new Set(places.map((p) => p.country).filter((c): c is string => Boolean(c)))].sort();
    setOptions(field<HTMLSelectElement>('country'), countries.map((c) => ({ value: c, label: c })), true);
    for (const name of FILTER_NAMES) {
      const value = view.filters[name];
      if (value && name !== 'from' && name !== 'to' && name !== 'admin1') field<HTMLInputElement | HTMLSelectElement>(name).value = value;
    }
    fillAdmin1();
    if (view.filters.admin1) field<HTMLSelectElement>('admin1').value = view.filters.admin1;
    field<HTMLInputElement>('plover').checked = view.plover;
    setOptions(byId<HTMLDataListElement>('actor-options'), actors.map((a) => ({ value: a.name, label: `${a.events} events` })), false);
    base = await fetchEvents(queryFilters());
    const outlets = [...new Set(base.events.flatMap((e) => (e.source ?? '').split(';').map((s) => s.trim())).filter(Boolean))].sort();
    setOptions(byId<HTMLDataListElement>('source-options'), outlets.map((s) => ({ value: s, label: s })), false);
    timeline.setDays(countByDay(base.events.map((e) => e.event_date)));
    if (view.filters.from || view.filters.to) {
      timeline.setRange({ from: view.filters.from ?? '0000-01-01', to: view.filters.to ?? '9999-12-31' });
    }
    await applyRange(false);
    if (view.map) map.setView(view.map);
    else map.showAll(storyEvents(base.events));
    document.body.dataset.state = 'ready';
    if (view.event) select(view.event, !view.map);
    map.onMove(saveView);
    saveView();
  } catch (error) {
    status.textContent = `Could not reach the sitrep API: ${(error as Error).message}`;
    status.classList.add('error');
  }
}

void start();
