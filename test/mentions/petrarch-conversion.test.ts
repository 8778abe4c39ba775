import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { agentPhrases, parseCode, parsePetrarch, petrarchDate } from '../../scripts/build-actors.ts';

test('reads two-digit PETRARCH years around 1930 and keeps eight-digit dates', () => {
  assert.equal(petrarchDate('800101'), '1980-01-01');
  assert.equal(petrarchDate('000717'), '2000-07-17');
  assert.equal(petrarchDate('20070101'), '2007-01-01');
});

test('parses open and closed date bounds of a role code', () => {
  assert.deepEqual(parseCode('SYRGOV >000717'), { code: 'SYRGOV', from: '2000-07-17', until: null });
  assert.deepEqual(parseCode('SYRGOV <000717'), { code: 'SYRGOV', from: null, until: '2000-07-17' });
  assert.deepEqual(parseCode('SYRGOV 871101-000313'), { code: 'SYRGOV', from: '1987-11-01', until: '2000-03-13' });
  assert.deepEqual(parseCode('IRQREB'), { code: 'IRQREB', from: null, until: null });
  assert.equal(parseCode('not a code'), null);
});

test('attaches aliases and indented role lines to the entry above, ignoring comments', () => {
  const text = [
    '# a comment line',
    'EXAMPLE_LIBERATION_FRONT_(ELF)_ [XYZREB] # trailing comment',
    '+ELF_FIGHTERS_',
    '+LIBERATION_FRONT_OF_EXAMPLE_',
    'JANE_DOE_',
    '\t[XYZGOV 990101-051231]',
    '\t[XYZELI >051231]',
  ].join('\n');
  const entries = parsePetrarch(text);
  assert.equal(entries.length, 2);
  assert.equal(entries[0]!.name, 'EXAMPLE LIBERATION FRONT (ELF)');
  assert.deepEqual(entries[0]!.aliases, ['ELF FIGHTERS', 'LIBERATION FRONT OF EXAMPLE']);
  assert.deepEqual(entries[0]!.codes, [{ code: 'XYZREB', from: null, until: null }]);
  assert.equal(entries[0]!.line, 2);
  assert.deepEqual(entries[1]!.codes, [
    { code: 'XYZGOV', from: '1999-01-01', until: '2005-12-31' },
    { code: 'XYZELI', from: '2005-12-31', until: null },
  ]);
});

test('expands agent plurals written in braces', () => {
  assert.deepEqual(agentPhrases('POLICE {}'), ['police', 'polices']);
  assert.deepEqual(agentPhrases('HIT MAN {HIT MEN}'), ['hit man', 'hit men']);
  assert.deepEqual(agentPhrases('SOLDIER'), ['soldier']);
});

test('the committed conversion knows demonyms, armed groups and international bodies', () => {
  const data = JSON.parse(readFileSync(new URL('../../data/actors/petrarch.json', import.meta.url), 'utf8')) as {
    countries: { name: string; aliases: string[] }[];
    groups: { name: string; inter: number }[];
    orgs: { name: string; inter: number; aliases: string[] }[];
  };
  const syria = data.countries.find((c) => c.name === 'Syria');
  assert.ok(syria?.aliases.includes('Syrian'), 'Syrian is a name of Syria');
  assert.ok(data.groups.length > 300, `${data.groups.length} armed groups`);
  assert.ok(data.groups.every((g) => g.inter === 2 || g.inter === 3));
  const nato = data.orgs.find((o) => o.name === 'NATO');
  assert.ok(nato?.aliases.includes('North Atlantic Treaty Organization'));
  assert.ok(data.orgs.every((o) => o.inter === 8));
  // people who led organisations are not organisations
  assert.ok(!data.orgs.some((o) => /Kofi Annan/i.test(o.name)));
});
