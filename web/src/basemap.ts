import L from 'leaflet';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries from 'world-atlas/countries-50m.json' with { type: 'json' };
import aleppo from '../../data/basemap/aleppo-neighbourhoods.json' with { type: 'json' };
import { TILED_FROM_ZOOM, tileKey, TILE_DEGREES, type PlaceRow } from '../../src/basemap/place-tiles.ts';
import { el } from './dom.ts';

/**
 * The offline basemap, all served by sitrep itself: country polygons (Natural Earth via world-atlas, in the
 * bundle), approximate first-level division boundaries and populated places (built from the GeoNames
 * gazetteer by scripts/build-basemap.ts into basemap/), and Aleppo's neighbourhoods (Columbia Center for
 * Spatial Research, MIT). Names are drawn in a pane above the event markers, so that no marker hides them.
 */

interface Neighbourhood { name: string; name_ar: string | null; centre: [number, number]; rings: number[][] }

/** Zoom from which neighbourhood outlines are drawn, and from which they are named. */
const NEIGHBOURHOODS_FROM = 11;
const NEIGHBOURHOOD_NAMES_FROM = 12;
const ADMIN1_FROM = 4;

const pairs = (flat: number[]): L.LatLngExpression[] => {
  const points: L.LatLngExpression[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) points.push([flat[i + 1]!, flat[i]!]);
  return points;
};

async function fetchJson<T>(path: string): Promise<T | null> {
  try {
    const response = await fetch(path);
    return response.ok ? await response.json() as T : null;
  } catch {
    return null;
  }
}

interface Label { lat: number; lon: number; name: string; kind: 'place' | 'neighbourhood'; rank: number; size: 'l' | 'm' | 's' }

export interface Basemap {
  /** Where the shown events are: the places there are named before bigger places nearby. */
  emphasise(points: { lat: number; lng: number }[]): void;
}

/** Within this distance (degrees) of an event, a place counts as the event's. */
const NEAR_EVENT = 0.08;

export function addBasemap(map: L.Map): Basemap {
  map.createPane('basemap-land').style.zIndex = '200';
  map.createPane('basemap-boundaries').style.zIndex = '250';
  map.createPane('basemap-labels').style.zIndex = '650';
  map.getPane('basemap-labels')!.style.pointerEvents = 'none';
  // Neighbourhood names lie under the markers: there are many, and a cluster's count matters more.
  map.createPane('basemap-minor-labels').style.zIndex = '590';
  map.getPane('basemap-minor-labels')!.style.pointerEvents = 'none';
  // SVG, not the canvas of the event layer: a few long paths draw as fast, and a test can see them drawn.
  const vectors = L.svg({ pane: 'basemap-boundaries', padding: 0.3 });
  const countryVectors = L.svg({ pane: 'basemap-land', padding: 0.3 });

  const topology = countries as unknown as Topology<{ countries: GeometryCollection }>;
  L.geoJSON(feature(topology, topology.objects.countries), {
    interactive: false,
    pane: 'basemap-land',
    renderer: countryVectors,
    style: { color: '#8f9ba6', weight: 1, fillColor: '#f4f2ec', fillOpacity: 1, className: 'country-boundary' },
  } as L.GeoJSONOptions).addTo(map);

  const admin1 = L.featureGroup();
  void fetchJson<number[][]>('basemap/admin1.json').then((lines) => {
    document.body.dataset.basemapAdmin1 = '0';
    if (!lines) return;
    admin1.addLayer(L.polyline(lines.map(pairs), {
      renderer: vectors, pane: 'basemap-boundaries', interactive: false, color: '#b49a7a', weight: 1, dashArray: '4 3', opacity: 0.8,
      className: 'admin1-boundary',
    }));
    document.body.dataset.basemapAdmin1 = String(lines.length);
    toggleLayers();
  });

  const neighbourhoods = (aleppo as unknown as { neighbourhoods: Neighbourhood[] }).neighbourhoods;
  const outlines = L.layerGroup(neighbourhoods.map((n) => L.polygon(n.rings.map(pairs), {
    renderer: vectors, pane: 'basemap-boundaries', interactive: false,
    color: '#9c8f7c', weight: 1, fillColor: '#ece6da', fillOpacity: 0.35, className: 'neighbourhood-outline',
  })));
  map.attributionControl.addAttribution('Borders: Natural Earth (world-atlas) · places: GeoNames (CC BY 4.0) · '
    + 'Aleppo neighbourhoods © 2019 Columbia Center for Spatial Research (MIT)');

  const toggleLayers = () => {
    const zoom = map.getZoom();
    if (zoom >= ADMIN1_FROM) admin1.addTo(map);
    else admin1.remove();
    // Faint at continental scale, where the small divisions of some countries would crowd the map.
    admin1.setStyle({ opacity: zoom < 6 ? 0.4 : 0.85 });
    if (zoom >= NEIGHBOURHOODS_FROM) outlines.addTo(map);
    else outlines.remove();
  };

  // Places: the big ones at once, the small ones by cell when the map is zoomed in to them.
  let major: PlaceRow[] = [];
  const tiles = new Map<string, PlaceRow[] | 'loading'>();
  void fetchJson<PlaceRow[]>('basemap/places.json').then((rows) => {
    major = rows ?? [];
    drawLabels();
  });
  const tileRows = (bounds: L.LatLngBounds): PlaceRow[] => {
    const rows: PlaceRow[] = [];
    for (let lat = Math.floor(bounds.getSouth() / TILE_DEGREES) * TILE_DEGREES; lat <= bounds.getNorth(); lat += TILE_DEGREES) {
      for (let lon = Math.floor(bounds.getWest() / TILE_DEGREES) * TILE_DEGREES; lon <= bounds.getEast(); lon += TILE_DEGREES) {
        const key = tileKey(lat, lon);
        const tile = tiles.get(key);
        if (tile === undefined) {
          tiles.set(key, 'loading');
          void fetchJson<PlaceRow[]>(`basemap/places/${key}.json`).then((loaded) => {
            tiles.set(key, loaded ?? []);
            drawLabels();
          });
        } else if (tile !== 'loading') {
          rows.push(...tile);
        }
      }
    }
    return rows;
  };

  let eventCells = new Set<string>();
  const cell = (lat: number, lon: number) => `${Math.round(lat / NEAR_EVENT)}|${Math.round(lon / NEAR_EVENT)}`;
  const nearEvent = (lat: number, lon: number) => {
    const r = Math.round(lat / NEAR_EVENT), c = Math.round(lon / NEAR_EVENT);
    for (let dr = -1; dr <= 1; dr++) for (let dc = -1; dc <= 1; dc++) if (eventCells.has(`${r + dr}|${c + dc}`)) return true;
    return false;
  };

  const labels = L.layerGroup().addTo(map);
  function drawLabels(): void {
    labels.clearLayers();
    const zoom = map.getZoom();
    const bounds = map.getBounds().pad(0.1);
    const candidates: Label[] = [];
    const addRows = (rows: PlaceRow[]) => {
      for (const [name, lat, lon, population, from] of rows) {
        if (from > zoom || !bounds.contains([lat, lon])) continue;
        // A place where events are is named first: the story's city is never crowded out by a bigger neighbour.
        const rank = nearEvent(lat, lon) ? population * 1000 + 1e12 : population;
        candidates.push({ lat, lon, name, kind: 'place', rank, size: from <= 5 ? 'l' : from <= 7 ? 'm' : 's' });
      }
    };
    addRows(major);
    if (zoom >= TILED_FROM_ZOOM) addRows(tileRows(map.getBounds()));
    if (zoom >= NEIGHBOURHOOD_NAMES_FROM) {
      for (const n of neighbourhoods) {
        if (bounds.contains(n.centre)) candidates.push({ lat: n.centre[0], lon: n.centre[1], name: n.name, kind: 'neighbourhood', rank: -1, size: 's' });
      }
    }
    // Biggest first; a name that would overlap one already placed is left out.
    candidates.sort((a, b) => b.rank - a.rank);
    const taken: { x1: number; y1: number; x2: number; y2: number }[] = [];
    let drawn = 0;
    for (const label of candidates) {
      const point = map.latLngToContainerPoint([label.lat, label.lon]);
      const width = label.name.length * (label.size === 'l' ? 8 : 6.5) + 10;
      const box = { x1: point.x - 4, y1: point.y - 9, x2: point.x + width, y2: point.y + 9 };
      if (taken.some((t) => box.x1 < t.x2 && box.x2 > t.x1 && box.y1 < t.y2 && box.y2 > t.y1)) continue;
      taken.push(box);
      drawn++;
      L.marker([label.lat, label.lon], {
        icon: L.divIcon({
          html: el('span', { text: label.name }),
          className: `basemap-label basemap-label-${label.kind} basemap-label-${label.size}`,
          iconSize: undefined,
          iconAnchor: label.kind === 'place' ? [-5, 8] : [0, 8],
        }),
        interactive: false, keyboard: false, pane: label.kind === 'place' ? 'basemap-labels' : 'basemap-minor-labels',
      }).addTo(labels);
      if (drawn >= 220) break;
    }
    document.body.dataset.basemapLabels = String(drawn);
  }

  map.on('zoomend', toggleLayers);
  map.on('moveend', drawLabels);
  toggleLayers();
  return {
    emphasise(points) {
      eventCells = new Set(points.map((p) => cell(p.lat, p.lng)));
      drawLabels();
    },
  };
}
