import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { DivisionNames } from '../../src/gazetteer/division-names.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';

/** A base with the world base's division tables and a few rows of our own: two countries with a division of the same code. */
function smallBase(): Database.Database {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE countries (code TEXT PRIMARY KEY, iso3 TEXT, name TEXT NOT NULL, lat REAL, lon REAL);
    CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL);
    CREATE TABLE admin2 (code TEXT PRIMARY KEY, name TEXT NOT NULL);
    INSERT INTO countries (code, name) VALUES ('SY', 'Syria'), ('SO', 'Somalia');
    INSERT INTO admin1 VALUES ('SY.09', 'Aleppo Governorate'), ('SO.03', 'Bari');
    INSERT INTO admin2 VALUES ('SY.09.1', 'Jebel Saman'), ('SO.03.1', 'Bosaso District');`);
  return db;
}

test('a place\'s country and first-level division are named from their codes', () => {
  const names = new DivisionNames(smallBase());
  assert.deepEqual(names.namesOf('SY', '09'), { country: 'Syria', admin1: 'Aleppo Governorate', division: 'SY.09' });
  assert.deepEqual(names.namesOf('SO', '03'), { country: 'Somalia', admin1: 'Bari', division: 'SO.03' });
});

test('a code the tables lack, or a missing part of the code, names no division; the country still has its name', () => {
  const names = new DivisionNames(smallBase());
  assert.deepEqual(names.namesOf('SY', null), { country: 'Syria', admin1: null, division: null });
  assert.deepEqual(names.namesOf('SY', '03'), { country: 'Syria', admin1: null, division: null }, 'Bari is Somalia\'s 03, not Syria\'s');
  assert.deepEqual(names.namesOf('XX', '09'), { country: null, admin1: null, division: null });
  assert.deepEqual(names.namesOf(null, '09'), { country: null, admin1: null, division: null });
});

test('the world gazetteer\'s candidates carry the names of their country and first-level division', () => {
  const aleppo = openGazetteer().lookup('Aleppo').find((c) => c.kind === 'populated' && c.country === 'Syria');
  assert.ok(aleppo, 'the city of Aleppo');
  assert.equal(aleppo.countryCode, 'SY');
  assert.match(aleppo.admin1 ?? '', /aleppo|halab/i);
  assert.equal(aleppo.division?.startsWith('SY.'), true);
});
