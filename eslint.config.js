import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Rooms that enforce themselves (docs/architecture.md): a stage imports no later stage, the coding core reads no
 * files itself (its data comes in through CodingResources), the store runs nothing of the coder, and the web app
 * sees the server only through the API's types.
 */
const FS = [{ name: 'node:fs', message: 'the coding core reads no files: its data comes in through CodingResources' },
  { name: 'node:fs/promises', message: 'the coding core reads no files' }];
const later = (...folders) => folders.map((folder) => ({
  group: [`**/${folder}/*`, `**/${folder}/**`],
  message: `a layer imports only layers before it (docs/architecture.md): not src/${folder}`,
}));
const composition = { group: ['**/pipeline.ts', '**/coding-steps.ts', '**/coding-resources.ts', '**/store-rules.ts'], message: 'only the edges (cli, serve, eval) compose the coder and the stores' };
const zone = (files, patterns, paths = [], allowTypeImports = false) => ({
  files,
  rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: patterns.map((p) => ({ ...p, allowTypeImports })) }] },
});
const zones = [
  zone(['src/text/**/*.ts'], [...later('mentions', 'resolve', 'events', 'gazetteer', 'dedup', 'store', 'serve', 'cli', 'eval', 'ingest'), composition], FS),
  zone(['src/mentions/**/*.ts'], [...later('resolve', 'events', 'dedup', 'store', 'serve', 'cli', 'eval'), composition], FS),
  zone(['src/resolve/**/*.ts'], [...later('events', 'dedup', 'store', 'serve', 'cli', 'eval'), composition], FS),
  zone(['src/events/**/*.ts'], [...later('dedup', 'store', 'serve', 'cli', 'eval'), composition], FS),
  zone(['src/gazetteer/**/*.ts'], [...later('text', 'mentions', 'resolve', 'events', 'dedup', 'store', 'serve', 'cli', 'eval'), composition]),
  zone(['src/dedup/**/*.ts'], [...later('store', 'serve', 'cli', 'eval'), composition]),
  zone(['src/ingest/**/*.ts'], [...later('mentions', 'resolve', 'events', 'gazetteer', 'dedup', 'store', 'serve', 'cli', 'eval'), composition]),
  // The store keeps coded events: it may name their types, never run the coder.
  zone(['src/store/**/*.ts'], [...later('text', 'mentions', 'resolve', 'events', 'gazetteer', 'dedup', 'serve', 'cli', 'eval'), composition], [], true),
  zone(['src/serve/**/*.ts'], later('cli', 'eval')),
  zone(['src/workers/**/*.ts'], later('cli', 'serve', 'eval')),
  zone(['web/src/**/*.ts'], [{
    regex: '/src/(?!serve/api-types\\.ts$|basemap/place-tiles\\.ts$)',
    message: 'the web app imports only the API\'s types (src/serve/api-types.ts) and the basemap\'s tile scheme',
  }]),
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'web/dist', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  ...zones,
);
