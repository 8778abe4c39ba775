import './styles.css';
import type { PlaceSummary, StoredEvent } from '../../src/store/types.ts';
import { fetchActors, fetchEvent, fetchEvents, fetchPlaces, fetchStats, MAX_EVENTS, type EventFilters } from './api.ts';
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
let places: PlaceSummary[] = [];

const map = createMapView(byId('map'), (id) => select(id));
const list = createEventList(byId('event-list'), (id) => select(id));
const detail = createDetailPanel(byId('detail'), () => select(null));
const timeline = createTimeline(byId('timeline'), () => void refresh(false));

function select(id: string | null): void {
  selected = id;
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
  map.focus(id, panel.offsetWidth + 20);
  fetchEvent(id, detailRequest.signal)
    .then((event) => { if (selected === id) detail.show(event); })
    .catch((error: unknown) => { if ((error as Error).name !== 'AbortError') detail.showError((error as Error).message); });
}

function filters(): EventFilters {
  const value = (name: string) => (field<HTMLInputElement | HTMLSelectElement>(name).value.trim() || undefined);
  return {
    q: value('q'), event_type: value('event_type'), actor: value('actor'),
    country: value('country'), admin1: value('admin1'), source: value('source'),
    ...timeline.range(),
  };
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
    const { total, events } = await fetchEvents(filters(), pending.signal);
    if (mine !== generation) return;
    show(events, total, fit);
  } catch (error) {
    if ((error as Error).name === 'AbortError' || mine !== generation) return;
    status.textContent = `Could not load events: ${(error as Error).message}`;
    status.classList.add('error');
  }
}

function show(events: StoredEvent[], total: number, fit: boolean): void {
  map.show(events, fit);
  list.show(events);
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

async function start(): Promise<void> {
  status.textContent = 'Loading…';
  try {
    const [stats, actors, placeList] = await Promise.all([fetchStats(), fetchActors(), fetchPlaces()]);
    places = placeList;
    const counts = new Map(stats.by_type.map((t) => [t.event_type, t.count]));
    setOptions(field<HTMLSelectElement>('event_type'), EVENT_TYPES.map((t) => ({ value: t, label: `${t} (${counts.get(t) ?? 0})` })), true);
    const countries = [...new Set(places.map((p) => p.country).filter((c): c is string => Boolean(c)))].sort();
    setOptions(field<HTMLSelectElement>('country'), countries.map((c) => ({ value: c, label: c })), true);
    fillAdmin1();
    setOptions(byId<HTMLDataListElement>('actor-options'), actors.map((a) => ({ value: a.name, label: `${a.events} events` })), false);
    timeline.setDays(stats.by_day);
    const { total, events } = await fetchEvents({});
    const outlets = [...new Set(events.map((e) => e.source).filter((s): s is string => Boolean(s)))].sort();
    setOptions(byId<HTMLDataListElement>('source-options'), outlets.map((s) => ({ value: s, label: s })), false);
    show(events, total, true);
  } catch (error) {
    status.textContent = `Could not reach the sitrep API: ${(error as Error).message}`;
    status.classList.add('error');
  }
}

void start();
