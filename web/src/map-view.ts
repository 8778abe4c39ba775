import L from 'leaflet';
import './leaflet-global.ts';
import 'leaflet.markercluster';
import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import type { ApiEvent } from '../../src/serve/api-types.ts';
import { el } from './dom.ts';
import { EVENT_TYPES, typeColor } from './labels.ts';
import { readableDay } from './days.ts';
import { addBasemap } from './basemap.ts';

export interface MapView {
  /** Draws these events (those with coordinates); `fit` zooms to them. */
  show(events: ApiEvent[], fit: boolean): void;
  /** Zooms to an event's marker and marks it as selected; `coveredRight` pixels of the map are hidden by a panel. */
  focus(id: string | null, coveredRight?: number, move?: boolean): void;
  /** Zooms to these events (those with coordinates). */
  showAll(events: ApiEvent[]): void;
  /** Where the map looks: centre and zoom. */
  view(): { lat: number; lng: number; zoom: number };
  setView(view: { lat: number; lng: number; zoom: number }): void;
  /** Called after the map has moved (by the user or by code). */
  onMove(listener: () => void): void;
}

const MARKER_SIZE = 14;
/** The largest cluster fanned out in place when one of its events is chosen. */
const MAX_FAN_OUT = 40;
/** Zoom from which a chosen event's cluster is fanned out in place (below it the map first zooms to regional scale). */
const FAN_OUT_FROM_ZOOM = 6;

function markerSize(event: ApiEvent): number {
  return sizeFor(event.fatalities);
}

/** A dot's diameter for a number of fatalities: area grows with the count, up to 100 and more. */
function sizeFor(fatalities: number): number {
  return MARKER_SIZE + Math.min(10, Math.round(Math.sqrt(fatalities) * 2));
}

function markerTooltip(event: ApiEvent): HTMLElement {
  return el('div', { class: 'map-tip' }, [
    el('div', { class: 'map-tip-type', text: event.sub_event_type ?? event.plover_event }),
    el('div', { text: [event.location, event.country].filter(Boolean).join(', ') }),
    el('div', { class: 'map-tip-date', text: event.event_date ? readableDay(event.event_date) : 'undated' }),
  ]);
}

/** A pie of event types with the count in the middle: what a cluster holds at a glance. */
function clusterIcon(cluster: L.MarkerCluster, eventOf: WeakMap<L.Marker, ApiEvent>): L.DivIcon {
  const counts = new Map<string, number>();
  const markers = cluster.getAllChildMarkers();
  for (const marker of markers) {
    const type = eventOf.get(marker)?.event_type ?? '';
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  let angle = 0;
  const stops: string[] = [];
  for (const [type, count] of [...counts].sort((a, b) => EVENT_TYPES.indexOf(a[0] as never) - EVENT_TYPES.indexOf(b[0] as never))) {
    const next = angle + (count / markers.length) * 360;
    stops.push(`${typeColor(type)} ${angle}deg ${next}deg`);
    angle = next;
  }
  const size = 30 + Math.min(24, Math.round(Math.log2(markers.length) * 5));
  const centre = cluster.getLatLng();
  const pie = el('div', {
    class: 'cluster-pie',
    attrs: {
      'data-count': String(markers.length),
      'data-types': [...counts.keys()].join('|'),
      'data-lat': centre.lat.toFixed(5),
      'data-lng': centre.lng.toFixed(5),
      'aria-label': `${markers.length} events`,
    },
  }, [el('span', { class: 'cluster-count', text: String(markers.length) })]);
  pie.style.background = `conic-gradient(${stops.join(', ')})`;
  pie.style.width = pie.style.height = `${size}px`;
  return L.divIcon({ html: pie, className: 'event-cluster', iconSize: L.point(size, size) });
}

function legendControl(): L.Control {
  const legend = new L.Control({ position: 'bottomright' });
  legend.onAdd = () => {
    const box = el('div', { class: 'legend' }, [el('div', { class: 'legend-title', text: 'Event type' })]);
    for (const type of EVENT_TYPES) {
      const swatch = el('span', { class: 'legend-swatch' });
      swatch.style.background = typeColor(type);
      box.appendChild(el('div', { class: 'legend-row' }, [swatch, type]));
    }
    box.appendChild(el('div', { class: 'legend-title', text: 'Fatalities' }));
    const sizes = el('div', { class: 'legend-size' });
    for (const n of [0, 5, 25]) {
      const dot = el('span', { class: 'legend-dot', attrs: { 'data-fatalities': String(n) } });
      dot.style.width = dot.style.height = `${sizeFor(n)}px`;
      sizes.append(dot, el('span', { text: n === 25 ? '25+' : String(n) }));
    }
    box.appendChild(sizes);
    box.appendChild(el('div', { class: 'legend-note', text: 'Dots join into pies by type when close' }));
    L.DomEvent.disableClickPropagation(box);
    return box;
  };
  return legend;
}

export function createMapView(container: HTMLElement, onSelect: (id: string) => void): MapView {
  const map = L.map(container, { preferCanvas: true, minZoom: 2, maxZoom: 14, zoomSnap: 0.5, worldCopyJump: true, attributionControl: true })
    .setView([25, 20], 2);
  map.attributionControl.setPrefix(false).setPosition('bottomleft');
  L.control.scale({ imperial: false, position: 'bottomleft' }).addTo(map);
  const basemap = addBasemap(map);

  const eventOf = new WeakMap<L.Marker, ApiEvent>();
  const markers = new Map<string, L.Marker>();
  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 45,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: (cluster) => clusterIcon(cluster, eventOf),
  }).addTo(map);
  legendControl().addTo(map);
  let selected: string | null = null;

  const setSelectedClass = (id: string | null, on: boolean) => {
    const icon = id ? markers.get(id)?.getElement() : undefined;
    icon?.classList.toggle('selected', on);
  };

  return {
    show(events, fit) {
      clusters.clearLayers();
      markers.clear();
      const placed = events.filter((e) => e.latitude !== null && e.longitude !== null);
      const layers = placed.map((event) => {
        const size = markerSize(event);
        const dot = el('div', {
          class: 'marker-dot',
          attrs: {
            'data-event-id': event.event_id,
            'data-type': event.event_type ?? '',
            'data-lat': event.latitude!.toFixed(5),
            'data-lng': event.longitude!.toFixed(5),
          },
        });
        dot.style.background = typeColor(event.event_type ?? '');
        const marker = L.marker([event.latitude!, event.longitude!], {
          icon: L.divIcon({ html: dot, className: 'event-marker', iconSize: L.point(size, size) }),
          keyboard: true,
          alt: `${event.event_type}, ${event.location ?? ''}`,
          riseOnHover: true,
        });
        marker.bindTooltip(() => markerTooltip(event), { direction: 'top', offset: L.point(0, -size / 2) });
        marker.on('click', () => onSelect(event.event_id));
        marker.on('add', () => { if (event.event_id === selected) setSelectedClass(selected, true); });
        eventOf.set(marker, event);
        markers.set(event.event_id, marker);
        return marker;
      });
      clusters.addLayers(layers);
      basemap.emphasise(placed.map((e) => ({ lat: e.latitude!, lng: e.longitude! })));
      if (fit) this.showAll(placed);
    },
    showAll(events) {
      const placed = events.filter((e) => e.latitude !== null && e.longitude !== null);
      if (placed.length === 0) return;
      const bounds = L.latLngBounds(placed.map((e) => L.latLng(e.latitude!, e.longitude!)));
      // Events at one spot (a city's centroid) open at city scale, where its neighbourhoods are drawn.
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 12, animate: false });
    },
    focus(id, coveredRight = 0, move = true) {
      setSelectedClass(selected, false);
      selected = id;
      const marker = id ? markers.get(id) : undefined;
      if (!id || !marker) return;
      // A link that names both the map's position and the event opens both as they were.
      if (!move) {
        setSelectedClass(id, true);
        return;
      }
      const finish = () => {
        if (selected !== id) return;
        setSelectedClass(id, true);
        // Keep the marker inside the part of the map the detail panel leaves visible.
        const point = map.latLngToContainerPoint((markers.get(id) ?? marker).getLatLng());
        const visibleWidth = Math.max(120, map.getSize().x - coveredRight);
        if (point.x > visibleWidth * 0.75 || point.x < 40) map.panBy([point.x - visibleWidth / 2, 0]);
      };
      // A marker hidden in a small cluster is shown by fanning the cluster out where it is, once the map is
      // zoomed in to regional scale, rather than zooming down to street level; a big cluster is zoomed into.
      const reveal = () => {
        if (selected !== id) return;
        // A new list may have replaced the markers while the map was animating: reveal the event's marker of now.
        const marker = markers.get(id);
        if (!marker || !clusters.hasLayer(marker)) return;
        // Clusters cannot be fanned out or looked into while they are being rebuilt after a zoom.
        if (container.querySelector('.leaflet-cluster-anim, .leaflet-zoom-anim')) {
          clusters.once('animationend', reveal);
          return;
        }
        const parent = (clusters as unknown as { getVisibleParent(m: L.Marker): L.Marker | null }).getVisibleParent(marker);
        if (parent === marker) {
          finish();
        } else if (parent && map.getZoom() < FAN_OUT_FROM_ZOOM) {
          clusters.once('animationend', reveal);
          map.setView(marker.getLatLng(), FAN_OUT_FROM_ZOOM + 1);
        } else if (parent instanceof L.MarkerCluster && parent.getChildCount() <= MAX_FAN_OUT) {
          clusters.once('spiderfied', finish);
          parent.spiderfy();
          // Already fanned out: no event comes.
          if (marker.getElement()) {
            clusters.off('spiderfied', finish);
            finish();
          }
        } else {
          clusters.zoomToShowLayer(marker, finish);
        }
      };
      reveal();
    },
    view() {
      const centre = map.getCenter();
      return { lat: centre.lat, lng: centre.lng, zoom: map.getZoom() };
    },
    setView(view) {
      map.setView([view.lat, view.lng], view.zoom, { animate: false });
    },
    onMove(listener) {
      map.on('moveend', listener);
    },
  };
}
