import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { importGeoNamesDump, type BadLine } from '../../src/gazetteer/import-dump.ts';
import { placeNameKey } from '../../src/gazetteer/place-name-key.ts';

const NL = fileURLToPath(new URL('../../../shared/data/geonames/NL.txt', import.meta.url));
const MALFORMED = fileURLToPath(new URL('../fixtures/gazetteer/malformed-dump.txt', import.meta.url));

function scratch(): { dir: string; database: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-gazetteer-'));
  return { dir, database: join(dir, 'imports.sqlite') };
}

test('imports every row of the real GeoNames dump of the Netherlands', { skip: !existsSync(NL) && 'needs ../shared/data/geonames/NL.txt' }, async () => {
  const { dir, database } = scratch();
  try {
    const bad: BadLine[] = [];
    const summary = await importGeoNamesDump(NL, { database, onBadLine: (b) => bad.push(b) });
    // NL.txt has 22,852 lines (wc -l), all well-formed.
    assert.equal(summary.rows, 22_852);
    assert.deepEqual(bad, []);
    const db = new Database(database, { readonly: true });
    assert.equal(db.prepare('SELECT count(*) FROM places').pluck().get(), 22_852);
    // A row of the file (line 1: geonameid 2743463, Den Oord) is found by its folded name.
    const ids = db.prepare('SELECT place_id FROM names WHERE key = ?').pluck().all(placeNameKey('Den Oord'));
    assert.ok(ids.includes(2743463));
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('reports each malformed line with its number and field, and imports the rest', async () => {
  const { dir, database } = scratch();
  try {
    const bad: BadLine[] = [];
    const summary = await importGeoNamesDump(MALFORMED, { database, onBadLine: (b) => bad.push(b) });
    assert.equal(summary.rows, 4);
    assert.equal(summary.badLines, 3);
    assert.deepEqual(bad.map((b) => [b.line, b.field]), [[3, 'geonameid'], [5, 'columns'], [6, 'latitude']]);
    assert.ok(bad.every((b) => b.file === MALFORMED && b.reason.length > 0));
    const db = new Database(database, { readonly: true });
    const names = db.prepare('SELECT name FROM places ORDER BY name').pluck().all();
    assert.deepEqual(names, ['Amsterdam', 'Rotterdam', 'Utrecht', 'Zwolle']);
    // The alternate names of a row are indexed too ("Mokum" is Amsterdam's nickname in the fixture).
    assert.deepEqual(db.prepare('SELECT place_id FROM names WHERE key = ?').pluck().all('mokum'), [2759794]);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('importing the same dump twice replaces places instead of duplicating them', async () => {
  const { dir, database } = scratch();
  try {
    await importGeoNamesDump(MALFORMED, { database });
    await importGeoNamesDump(MALFORMED, { database });
    const db = new Database(database, { readonly: true });
    assert.equal(db.prepare('SELECT count(*) FROM places').pluck().get(), 4);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
