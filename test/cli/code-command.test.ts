import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = fileURLToPath(new URL('../../../shared/corpus/aleppo-2016.txt', import.meta.url));

function sitrep(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

test('sitrep code --format json prints one JSON array of events, dated by --date', () => {
  const run = sitrep('code', SEED, '--format', 'json', '--date', '2016-08-08');
  assert.equal(run.status, 0, run.stderr);
  const events = JSON.parse(run.stdout) as { event_date: string; source: string }[];
  assert.ok(Array.isArray(events) && events.length >= 5);
  assert.ok(events.every((e) => e.source === 'FarsNews' && e.event_date >= '2016-08-01' && e.event_date <= '2016-08-08'));
});

test('sitrep code --format csv uses ACLED column names; geojson puts the fields in properties', () => {
  const csv = sitrep('code', 'examples/', '--format', 'csv');
  assert.equal(csv.status, 0, csv.stderr);
  const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
  assert.ok(rows.length > 0);
  for (const column of ['event_date', 'event_type', 'sub_event_type', 'actor1', 'inter1', 'country', 'latitude', 'geo_precision', 'fatalities']) assert.ok(column in rows[0]!, column);

  const geojson = sitrep('code', 'examples/', '--format', 'geojson');
  const collection = JSON.parse(geojson.stdout) as { type: string; features: { properties: { event_type: string } }[] };
  assert.equal(collection.type, 'FeatureCollection');
  assert.equal(collection.features.length, rows.length);
});

test('a bad --date and a missing file are reported, naming what is wrong', () => {
  const bad = sitrep('code', SEED, '--date', '2016-02-31');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--date must be a real calendar date/);
  const missing = sitrep('code', 'no-such-file.txt');
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no-such-file\.txt: no such file or directory/);
  assert.equal(missing.stdout.trim(), '[]');
});

test('the input limits are options: a text over --max-text-chars is refused by name, a bad limit is an error', () => {
  const small = sitrep('code', SEED, '--max-text-chars', '500', '--date', '2016-08-08');
  assert.equal(small.status, 2);
  assert.match(small.stderr, /aleppo-2016\.txt.*500/);
  assert.deepEqual(JSON.parse(small.stdout), []);
  const db = join(mkdtempSync(join(tmpdir(), 'sitrep-limits-')), 'limits.db');
  const ingest = sitrep('ingest', SEED, '--db', db, '--max-text-chars', '500', '--workers', '1', '--quiet');
  assert.equal(ingest.status, 2);
  assert.match(ingest.stdout, /stored 0, duplicate 0, failed 1/);
  const bad = sitrep('code', SEED, '--max-file-bytes', 'lots');
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /--max-file-bytes must be a whole number/);
});

test('sitrep --version prints the version of package.json', () => {
  const run = sitrep('--version');
  assert.equal(run.status, 0, run.stderr);
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(run.stdout.trim(), version);
});

test('sitrep enqueue --help states the default of --max-attempts once', () => {
  const run = sitrep('enqueue', '--help');
  assert.equal(run.status, 0, run.stderr);
  const option = run.stdout.slice(run.stdout.indexOf('--max-attempts'), run.stdout.indexOf('--max-file-bytes'));
  assert.equal(option.match(/default/g)?.length, 1, option);
});

test('coding an undated article warns on stderr that --date would date its events; a dated run does not', () => {
  const undated = sitrep('code', SEED);
  assert.equal(undated.status, 0, undated.stderr);
  assert.ok((JSON.parse(undated.stdout) as { event_date: string | null }[]).every((e) => e.event_date === null));
  assert.match(undated.stderr, /aleppo-2016\.txt.*--date YYYY-MM-DD/);
  const dated = sitrep('code', SEED, '--date', '2016-08-08');
  assert.doesNotMatch(dated.stderr, /--date/);
});
