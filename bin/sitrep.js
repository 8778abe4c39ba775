#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that the installed bin needs no separate build step.
import { register } from 'tsx/esm/api';
register();
await import('../src/cli/main.ts');
