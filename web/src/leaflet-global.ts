import L from 'leaflet';

// leaflet.markercluster is a plugin that extends the global `L`; make it the bundled Leaflet.
(globalThis as unknown as { L: typeof L }).L = L;
