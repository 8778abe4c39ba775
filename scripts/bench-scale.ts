// Scale benchmark: `sitrep code` on a JSONL corpus of short news summaries at 1× and 16× its size, each in its
// own process, timed and with its peak memory (getrusage maxRSS of the child). Streaming keeps memory flat: the
// 16× run must peak within 1.3× of the 1× run and under 400 MB.
// Run alone: `npx tsx scripts/bench-scale.ts [--json]`; `npm run bench` runs it as its scale section.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scaleTexts, writeScaleCorpus } from './scale-corpus.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROBE = fileURLToPath(new URL('./report-max-rss.mjs', import.meta.url));

export interface ScaleRun {
  articles: number;
  mb: number;
  seconds: number;
  peak_mb: number;
  articles_per_s: number;
}

export interface ScaleBenchResult {
  scale_1x: ScaleRun;
  scale_16x: ScaleRun;
  scale_peak_mb_1x: number;
  scale_peak_mb_16x: number;
  scale_articles_per_s_16x: number;
  /** Peak at 16× over peak at 1×: 1 is perfectly flat. */
  scale_peak_ratio: number;
}

/** Runs `sitrep code FILE` in a child process, its output read and dropped; wall time and peak memory. */
export async function measureCode(file: string, args: string[] = []): Promise<{ seconds: number; peak_mb: number; events: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-rss-'));
  const rssFile = join(dir, 'maxrss');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', PROBE, 'src/cli/main.ts', 'code', file, '--format', 'jsonl', '--date', '2020-05-10', '--quiet', ...args], {
    cwd: ROOT, env: { ...process.env, SITREP_MAX_RSS_FILE: rssFile }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let events = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) events++;
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`sitrep code ${file} exited with ${code}`);
  const peakKb = Number(readFileSync(rssFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peak_mb: Math.round(peakKb / 1024), events };
}

export async function benchScale(): Promise<ScaleBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-scale-'));
  const texts = scaleTexts();
  const runs: ScaleRun[] = [];
  try {
    for (const times of [1, 16]) {
      const file = join(dir, `corpus-${times}x.jsonl`);
      const written = await writeScaleCorpus(file, texts, times);
      const run = await measureCode(file);
      rmSync(file);
      runs.push({
        articles: written.articles, mb: Math.round((written.bytes / 1024 / 1024) * 10) / 10, seconds: Math.round(run.seconds * 10) / 10,
        peak_mb: run.peak_mb, articles_per_s: Math.round(written.articles / run.seconds),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const [one, sixteen] = runs as [ScaleRun, ScaleRun];
  return {
    scale_1x: one, scale_16x: sixteen,
    scale_peak_mb_1x: one.peak_mb, scale_peak_mb_16x: sixteen.peak_mb, scale_articles_per_s_16x: sixteen.articles_per_s,
    scale_peak_ratio: Math.round((sixteen.peak_mb / one.peak_mb) * 100) / 100,
  };
}

export function formatScaleBench(result: ScaleBenchResult): string {
  const line = (name: string, r: ScaleRun): string => `  ${name}  ${r.articles} articles (${r.mb} MB JSONL): ${r.seconds} s, ${r.articles_per_s} articles/s, peak ${r.peak_mb} MB`;
  return [
    'scale (sitrep code on JSONL, one process each, single thread)',
    line(' 1×', result.scale_1x),
    line('16×', result.scale_16x),
    `  peak 16× / 1×  ${result.scale_peak_ratio} (bound: 1.3, and under 400 MB)`,
    '',
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await benchScale();
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(result)}\n` : formatScaleBench(result));
}
