import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The specifiers a module imports when it loads: static imports and re-exports, not `import type` nor import(). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (match[1] === 'export' && !/\sfrom\s/.test(match[0])) continue;
    found.push(match[2]!);
  }
  return found;
}

/** Every module `sitrep` loads before a command runs: src files (from the root) and npm packages. */
function loadedAtStart(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [join(ROOT, entry)];
  while (pending.length > 0) {
    const file = pending.pop()!;
    const name = relative(ROOT, file);
    if (files.has(name)) continue;
    files.add(name);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) pending.push(resolve(dirname(file), specifier));
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  }
  return { files, packages };
}

test('reading the import list sees imports and re-exports, not types nor dynamic imports', () => {
  const source = [
    "import { a } from './a.ts';", "import './side-effect.ts';", "import type { T } from './types.ts';",
    "export { b } from './b.ts';", "export type { U } from './u.ts';", 'const c = await import(\'./c.ts\');',
    "import {\n  d,\n  e,\n} from 'some-package';",
  ].join('\n');
  assert.deepEqual(staticImports(source), ['./a.ts', './side-effect.ts', './b.ts', 'some-package']);
});

test('sitrep --help loads commander and the command declarations only: no pipeline, store, server or data', () => {
  const { files, packages } = loadedAtStart('src/cli/main.ts');
  assert.deepEqual([...packages], ['commander']);
  assert.ok(files.has('src/cli/commands/code.ts') && files.has('src/cli/commands/serve.ts'), 'every command is declared');
  const heavy = [...files].filter((f) => f.startsWith('src/cli/actions/') || f === 'src/pipeline.ts' || /^src\/(events|mentions|resolve|text)\//.test(f));
  assert.deepEqual(heavy, []);
});

test('commands and actions borrow nothing from each other: what they share is in src/cli/shared/', () => {
  for (const folder of ['commands', 'actions']) {
    for (const name of readdirSync(join(ROOT, 'src/cli', folder)).filter((n) => n.endsWith('.ts') && n !== 'index.ts')) {
      const imports = staticImports(readFileSync(join(ROOT, 'src/cli', folder, name), 'utf8'));
      assert.deepEqual(imports.filter((s) => s.startsWith('./') || s.startsWith('../commands/') || s.startsWith('../actions/')), [], `${folder}/${name}`);
    }
  }
});
