import type { ApiEvent } from '../../src/serve/api-types.ts';
import { el } from './dom.ts';
import { readableDay } from './days.ts';
import { sourceFlags, typeColor, type Sourcing } from './labels.ts';

export interface EventList {
  show(events: ApiEvent[]): void;
  select(id: string | null): void;
}

export function actorsLine(event: ApiEvent): string {
  const side = (actor: string | null, assoc: string | null) => [actor, assoc].filter(Boolean).join(' with ');
  const first = side(event.actor1, event.assoc_actor_1);
  const second = side(event.actor2, event.assoc_actor_2);
  if (first && second) return `${first} vs ${second}`;
  return first || second || 'actors unknown';
}

export function placeLine(event: ApiEvent): string {
  const parts = [event.location, event.admin1 !== event.location ? event.admin1 : null, event.country].filter(Boolean);
  return parts.length ? parts.join(', ') : 'place unknown';
}

function row(event: ApiEvent & Sourcing, onSelect: (id: string) => void): HTMLElement {
  const dot = el('span', { class: 'type-dot' });
  dot.style.background = typeColor(event.event_type);
  const fatalities = event.fatalities > 0 || event.fatalities_basis === 'unknown'
    ? el('span', { class: 'fatalities', title: 'fatalities', text: event.fatalities_basis === 'unknown' ? 'deaths, no figure' : `${event.fatalities} killed` })
    : null;
  const button = el('button', {
    class: 'event-row',
    attrs: {
      type: 'button', role: 'listitem', 'data-event-id': event.event_id, 'data-date': event.event_date ?? '',
      'data-type': event.event_type ?? '', 'data-affiliation': event.source_affiliation ?? '',
    },
  }, [
    el('div', { class: 'row-top' }, [
      dot,
      el('span', { class: 'row-type', text: event.sub_event_type ?? event.plover_event }),
      el('span', { class: 'row-date', text: event.event_date ? readableDay(event.event_date) : 'undated' }),
    ]),
    el('div', { class: 'row-actors', text: actorsLine(event) }),
    el('div', { class: 'row-bottom' }, [
      el('span', { class: 'row-place', text: placeLine(event) + (event.latitude === null ? ' (not on map)' : '') }),
      fatalities,
      event.source_count > 1 ? el('span', { class: 'sources-badge', text: `${event.source_count} sources` }) : null,
      ...sourceFlags(event).map((f) => el('span', { class: `source-flag flag-${f.key}`, text: f.text, title: f.title })),
    ]),
  ]);
  button.addEventListener('click', () => onSelect(event.event_id));
  return button;
}

export function createEventList(container: HTMLElement, onSelect: (id: string) => void): EventList {
  let selected: string | null = null;
  const rows = new Map<string, HTMLElement>();
  return {
    show(events) {
      rows.clear();
      container.replaceChildren(...events.map((event) => {
        const element = row(event, onSelect);
        rows.set(event.event_id, element);
        return element;
      }));
      if (events.length === 0) container.appendChild(el('p', { class: 'empty', text: 'No events match these filters.' }));
      if (selected) rows.get(selected)?.classList.add('selected');
    },
    select(id) {
      if (selected) rows.get(selected)?.classList.remove('selected');
      selected = id;
      const element = id ? rows.get(id) : undefined;
      element?.classList.add('selected');
      element?.scrollIntoView({ block: 'nearest' });
    },
  };
}
