import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadOutlets, outlets } from '../../src/sources/outlets.ts';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-outlets-'));

/** An outlets file of our own with this text, read as the shipped one is. */
function parseOutlets(text: string, name: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  return loadOutlets(pathToFileURL(file));
}
import { sourceProfile } from '../../src/sources/source-profile.ts';

test("the shipped outlets load, and the seed's outlet and the common wire services are known with their ownership", () => {
  const index = outlets();
  assert.equal(index.get('farsnews')?.ownership, 'state-affiliated');
  for (const name of ['Reuters', 'AP', 'AFP', 'Xinhua', 'TASS', 'RIA', 'Al Jazeera', 'BBC', 'Anadolu', 'IRNA', 'PressTV', 'SANA', 'Saba']) {
    assert.ok(index.get(name.toLowerCase().replace(/[\s.\-_]+/g, '')), name);
  }
  assert.equal(index.get('sana')?.ownership, 'state');
});

test('an outlets file with a bad field or a name given to two outlets is refused, naming where', () => {
  assert.throws(() => parseOutlets('outlets:\n  - { name: A, country: null, ownership: owned }\n', 'o.yaml'), /o\.yaml: outlets\.0\.ownership/);
  assert.throws(() => parseOutlets('outlets:\n  - { name: A, country: null, ownership: private }\n  - { name: B, aliases: [a], country: null, ownership: private }\n', 'o.yaml'),
    /o\.yaml: outlets\[1\] \(B\): "a" already names A/);
});

test("an event's sourcing: state media alone, several independent outlets, one group repeated, unknown outlets", () => {
  const index = parseOutlets(`outlets:
  - { name: State Agency, country: X, ownership: state }
  - { name: Free Paper, country: X, ownership: private }
  - { name: Wire One, country: Y, ownership: private, group: G }
  - { name: Wire Two, country: Y, ownership: private, group: G }
`, 'test.yaml');
  assert.deepEqual(sourceProfile('State Agency', 1, index),
    { source_count: 1, independent_outlets: 1, source_affiliation: 'state', single_source: true });
  assert.deepEqual(sourceProfile('State Agency; Free Paper', 2, index),
    { source_count: 2, independent_outlets: 2, source_affiliation: 'partly-state', single_source: false });
  assert.deepEqual(sourceProfile('Wire One; Wire Two', 3, index),
    { source_count: 3, independent_outlets: 1, source_affiliation: 'independent', single_source: true });
  assert.deepEqual(sourceProfile('Free Paper; Somebody Else', 2, index),
    { source_count: 2, independent_outlets: 2, source_affiliation: 'unknown', single_source: false });
  assert.equal(sourceProfile(null, undefined, index).source_affiliation, 'unknown');
});
