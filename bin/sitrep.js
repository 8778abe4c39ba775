#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm run build`, which `npm ci` runs). `npm run sitrep -- ...` runs the
// TypeScript source through tsx instead, for development.
try {
  await import('../dist/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/main.js')) throw error;
  process.stderr.write('sitrep: the CLI is not built (dist/); run `npm run build`\n');
  process.exitCode = 1;
}
