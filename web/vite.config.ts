import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The web map: one static bundle in web/dist, no CDN, no tile server, nothing fetched but the API. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The polyfill would be the only code outside our bundle; every supported browser has modulepreload.
    modulePreload: { polyfill: false },
    // The bundled world basemap (Natural Earth 1:50m) is most of the size, by design.
    chunkSizeWarningLimit: 1500,
  },
});
