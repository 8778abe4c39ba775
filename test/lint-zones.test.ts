import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

// The layering of docs/architecture.md is enforced by eslint.config.js. These tests lint small pieces of code as if
// they were files of a given folder, so that a zone that stopped matching (a moved folder, a mistyped pattern) fails here.
const eslint = new ESLint({ cwd: fileURLToPath(new URL('..', import.meta.url)) });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

test('a stage may not import a later stage', async () => {
  assert.equal((await restricted('src/mentions/example.ts', "import { codeEvents } from '../events/code-events.ts';\nexport const x = codeEvents;\n")).length, 1);
  assert.equal((await restricted('src/text/example.ts', "import { geolocate } from '../resolve/geolocate.ts';\nexport const x = geolocate;\n")).length, 1);
  assert.equal((await restricted('src/resolve/example.ts', "import { codeEvents } from '../events/code-events.ts';\nexport const x = codeEvents;\n")).length, 1);
});

test('a stage may import an earlier stage and the gazetteer', async () => {
  assert.deepEqual(await restricted('src/events/example.ts', "import { analyseText } from '../text/analyse-text.ts';\nimport { geolocate } from '../resolve/geolocate.ts';\nexport const x = [analyseText, geolocate];\n"), []);
  assert.deepEqual(await restricted('src/mentions/example.ts', "import type { Gazetteer } from '../gazetteer/open-gazetteer.ts';\nexport type X = Gazetteer;\n"), []);
});

test('the coding core reads no files itself', async () => {
  const messages = await restricted('src/events/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
  assert.equal(messages.length, 1);
  assert.match(messages[0]!, /CodingResources/);
});

test('the store may name the coded event type but not run the coder', async () => {
  assert.deepEqual(await restricted('src/store/example.ts', "import type { CodedEvent } from '../events/event-schema.ts';\nexport type X = CodedEvent;\n"), []);
  assert.equal((await restricted('src/store/example.ts', "import { mergeReports } from '../dedup/dedup.ts';\nexport const x = mergeReports;\n")).length, 1);
});

test('the web app imports only the API types', async () => {
  assert.deepEqual(await restricted('web/src/example.ts', "import type { ApiEvent } from '../../src/serve/api-types.ts';\nexport type X = ApiEvent;\n"), []);
  assert.equal((await restricted('web/src/example.ts', "import type { StoredEvent } from '../../src/store/types.ts';\nexport type X = StoredEvent;\n")).length, 1);
});
