// Start-up benchmark of the installed CLI (bin/sitrep.js, which runs the build in dist/): `sitrep --help`, and
// `sitrep code` of one short article, each timed against a bare `node -e 0` in paired runs (the two alternate, so
// that the changing load of a shared machine weighs on both alike). Prints the median of each command's ratio to its
// paired baseline; the targets are 5× for --help and 12× for coding one article.
// Run: `npm run bench:startup [-- --runs 20] [-- --json]`; `-- --bin FILE` times another entry point.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const ARTICLE = 'examples/airstrike-marib.txt';

export interface StartupFigure {
  command: string;
  /** Median wall time of the command, and of the bare `node -e 0` runs paired with it, in ms. */
  median_ms: number;
  baseline_ms: number;
  /** Median of command / baseline over the pairs. */
  ratio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Wall time of one run, in ms; a run that fails stops the benchmark. */
function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr.toString()}`);
  return ms;
}

export function benchStartup(options: { runs?: number; bin?: string } = {}): StartupFigure[] {
  const runs = options.runs ?? 15;
  const bin = options.bin ?? 'bin/sitrep.js';
  const baseline = ['-e', '0'];
  const commands: [string, string[]][] = [
    ['sitrep --help', [bin, '--help']],
    [`sitrep code ${ARTICLE}`, [bin, 'code', ARTICLE, '--format', 'jsonl', '--quiet']],
  ];
  // One unmeasured run of each warms the file cache.
  timed(baseline);
  for (const [, args] of commands) timed(args);
  return commands.map(([command, args]) => {
    const pairs: { cmd: number; base: number }[] = [];
    for (let i = 0; i < runs; i++) {
      // Alternate which of the pair goes first, so a trend in the load favours neither.
      if (i % 2 === 0) {
        const base = timed(baseline);
        pairs.push({ base, cmd: timed(args) });
      } else {
        const cmd = timed(args);
        pairs.push({ cmd, base: timed(baseline) });
      }
    }
    return {
      command,
      median_ms: Math.round(median(pairs.map((p) => p.cmd))),
      baseline_ms: Math.round(median(pairs.map((p) => p.base))),
      ratio: Math.round(median(pairs.map((p) => p.cmd / p.base)) * 10) / 10,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(name);
    return at === -1 ? undefined : argv[at + 1];
  };
  const runs = value('--runs');
  const figures = benchStartup({ runs: runs ? Number(runs) : undefined, bin: value('--bin') });
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(figures)}\n`);
  else {
    for (const f of figures) {
      process.stdout.write(`${f.command.padEnd(44)} ${String(f.median_ms).padStart(6)} ms  (node -e 0: ${f.baseline_ms} ms)  ${f.ratio}×\n`);
    }
  }
}
