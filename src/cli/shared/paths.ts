import { fileURLToPath } from 'node:url';

// Relative to this source file; the compiled CLI resolves them the same way (scripts/build-cli.ts).

/** The built web map, served at /. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** The example articles `sitrep demo` codes. */
export const EXAMPLES = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** package.json, where the version is written. */
export const PACKAGE_JSON = new URL('../../../package.json', import.meta.url);
