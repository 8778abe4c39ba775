// Compiles the CLI to JavaScript in dist/ (`npm run build`; `npm ci` runs it as the prepare script), so that the
// installed `sitrep` (bin/sitrep.js) starts without compiling TypeScript. Development (`npm run sitrep`, the tests,
// the scripts) runs the TypeScript source through tsx and never needs this build.
//
// esbuild bundles src/cli/main.ts and the coding worker, with the npm packages they use, into ES modules:
// loading one file costs much less than loading hundreds (chrono-node, zod and linkedom are each many small files).
// Each command's action is a dynamic import(), so it becomes a chunk of its own that `sitrep --help` never loads.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { build, type Metafile, type Plugin } from 'esbuild';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** A path from the package root, written with forward slashes as URLs want them. */
function fromRoot(path: string): string {
  return relative(ROOT, path).split(sep).join('/');
}

/**
 * The source finds its files (data/, the migrations, examples/, web/dist) relative to itself:
 * `new URL('../../data/...', import.meta.url)`. In the bundle every module sits in dist/, one level down, so each
 * `import.meta.url` of src/ is replaced by the URL its source file has: the package root (relative to the chunk,
 * which is in `outdir`) plus the file's path. Every relative path then holds as in the source.
 */
function sourceUrls(outdir: string): Plugin {
  const up = relative(outdir, ROOT).split(sep).join('/');
  return {
    name: 'source-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (!args.path.startsWith(join(ROOT, 'src') + sep)) return undefined;
        const text = await readFile(args.path, 'utf8');
        if (/import\.meta\.(?:filename|dirname)\b/.test(text)) {
          return { errors: [{ text: 'use import.meta.url: the build (scripts/build-cli.ts) maps only it to the source file' }] };
        }
        const source = `new URL(${JSON.stringify(`${up}/${fromRoot(args.path)}`)}, import.meta.url).href`;
        return { contents: text.replace(/\bimport\.meta\.url\b/g, source), loader: 'ts' };
      });
    },
  };
}

const PREBUILT_YAML_MODULE = join(ROOT, 'src/cli/compiled/prebuilt-yaml.ts');

/** Every YAML file under `dir`, recursively. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/**
 * The shipped YAML data files parsed now rather than at every start: the JSON of each, by the SHA-1 of its text
 * (src/cli/compiled/prebuilt-yaml.ts answers from it). A file whose parse JSON cannot carry exactly is left out.
 */
function prebuiltYaml(): Record<string, string> {
  const table: Record<string, string> = {};
  for (const file of yamlFiles(join(ROOT, 'data'))) {
    const text = readFileSync(file, 'utf8');
    const value: unknown = parse(text);
    const json = JSON.stringify(value);
    if (json === undefined || !isDeepStrictEqual(JSON.parse(json), value)) continue;
    table[createHash('sha1').update(text).digest('base64')] = json;
  }
  return table;
}

/** `import ... from 'yaml'` anywhere in the bundle but in the stand-in itself gets the stand-in. */
const yamlStandIn: Plugin = {
  name: 'prebuilt-yaml',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^yaml$/ }, (args) => (args.importer === PREBUILT_YAML_MODULE ? undefined : { path: PREBUILT_YAML_MODULE }));
  },
};

/** Builds the CLI into `outdir` (inside the package, so that the native modules left outside the bundle are found). */
export async function buildCli(outdir: string = join(ROOT, 'dist')): Promise<Metafile> {
  const out = isAbsolute(outdir) ? outdir : join(ROOT, outdir);
  if (relative(ROOT, out).startsWith('..') || out === ROOT) throw new Error(`the build goes inside the package, not to ${out}`);
  rmSync(out, { recursive: true, force: true });
  const result = await build({
    entryPoints: { main: join(ROOT, 'src/cli/main.ts'), 'code-worker': join(ROOT, 'src/workers/code-worker.ts') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // better-sqlite3 is a native module; pg-native is pg's optional native driver, never installed.
    external: ['better-sqlite3', 'pg-native'],
    // CommonJS packages in an ES module bundle still call require() for Node's own modules.
    banner: { js: "import { createRequire as sitrepCreateRequire } from 'node:module'; const require = sitrepCreateRequire(import.meta.url);" },
    define: {
      SITREP_COMPILED_WORKER: JSON.stringify(fromRoot(join(out, 'code-worker.js'))),
      // A string, parsed when the stand-in loads: as an object literal, esbuild would make it a module every chunk loads.
      SITREP_PREBUILT_YAML: JSON.stringify(JSON.stringify(prebuiltYaml())),
    },
    plugins: [sourceUrls(out), yamlStandIn],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const outdir = process.argv[2] ?? 'dist';
  const metafile = await buildCli(outdir);
  const modules = Object.entries(metafile.outputs).filter(([file]) => file.endsWith('.js'));
  const bytes = modules.reduce((sum, [, output]) => sum + output.bytes, 0);
  process.stdout.write(`build: ${modules.length} modules, ${(bytes / 1e6).toFixed(1)} MB in ${outdir}/\n`);
}
