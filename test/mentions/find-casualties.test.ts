import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { analyseText } from '../../src/text/analyse-text.ts';
import { findCasualties } from '../../src/mentions/find-casualties.ts';
import { loadCasualtyLexicon } from '../../src/mentions/casualty-lexicon.ts';
import { casualtiesForSentences } from '../../src/resolve/event-casualties.ts';

const lexicon = loadCasualtyLexicon();

const counts = (text: string) => findCasualties(analyseText(text), lexicon).map((m) => [m.outcome, m.count, m.basis]);

test('exact numbers in digits and words, killed and injured apart', () => {
  assert.deepEqual(counts('Gunmen killed 3 soldiers and injured twelve civilians.'), [['killed', 3, 'exact'], ['injured', 12, 'exact']]);
  assert.deepEqual(counts('Twenty-five people were killed.'), [['killed', 25, 'exact']]);
  assert.deepEqual(counts('The death toll rose to 1,200.'), [['killed', 1200, 'exact']]);
});

test('vague quantities follow the documented table (tens 10, dozens 12, hundreds 100, several 3)', () => {
  assert.deepEqual(counts('The terrorists have sustained tens of casualties.'), [['casualties', 10, 'vague']]);
  assert.deepEqual(counts('Dozens of people were wounded.'), [['injured', 12, 'vague']]);
  assert.deepEqual(counts('Hundreds died in the siege.'), [['killed', 100, 'vague']]);
  assert.deepEqual(counts('A number of fighters were killed in the raid.'), [['killed', 3, 'vague']]);
  assert.deepEqual(counts('Several soldiers died.'), [['killed', 3, 'vague']]);
});

test('a range counts its lower figure', () => {
  assert.deepEqual(counts('Between 12 and 15 fighters were killed.'), [['killed', 12, 'exact']]);
  assert.deepEqual(counts('5-7 people died.'), [['killed', 5, 'exact']]);
});

test('one victim: "a man was shot dead", "killing him"', () => {
  assert.deepEqual(counts('A man was shot dead in the market.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('A police officer shot and killed a delivery van driver.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('Police said they killed him.'), [['killed', 1, 'exact']]);
});

test('dates, ages, measures and other verbs are not casualty counts', () => {
  assert.deepEqual(counts('On 9 May 2020, a 25-year-old was arrested 2 km from the town where 3 were abducted.'), []);
  assert.deepEqual(counts('7 militants were killed and 3 were arrested.'), [['killed', 7, 'exact']]);
  assert.deepEqual(counts('Reports said 1e309 people were killed.').filter((c) => c[1] !== 0), []);
});

test('counts joined by "and" share the outcome that follows them', () => {
  assert.deepEqual(counts('5 police officers and 1 commander were killed.'), [['killed', 5, 'exact'], ['killed', 1, 'exact']]);
});

test('deaths without a figure are 0 and flagged unknown; "no one was killed" is 0 exact', () => {
  assert.deepEqual(counts('Clashes killing civilians were reported.'), [['killed', 0, 'unknown']]);
  assert.deepEqual(counts('Police said no one was killed.'), [['killed', 0, 'exact']]);
});

test('evidence offsets cover the count and its outcome word', () => {
  const text = 'Officials said 4 civilians were killed.';
  const [m] = findCasualties(analyseText(text), lexicon);
  assert.ok(m);
  assert.equal(text.slice(m.start, m.end), '4 civilians were killed');
});

test('an event adds counts within a sentence and keeps the largest sentence across sentences', () => {
  const doc = analyseText('Three officers died and two civilians were killed. 5 fatalities. Dozens were injured.');
  const result = casualtiesForSentences([0, 1, 2], findCasualties(doc, lexicon));
  assert.equal(result.fatalities, 5);
  assert.equal(result.injured, 12);
  assert.equal(result.basis, 'exact');
});

test('unsplit casualties are not deaths: 0 flagged unknown, kept in the evidence; none reported is "none"', () => {
  const text = 'The army said militants sustained tens of casualties. 2 soldiers were killed.';
  const mentions = findCasualties(analyseText(text), lexicon);
  const start = text.indexOf('tens');
  assert.deepEqual(casualtiesForSentences([0], mentions), { fatalities: 0, injured: 0, basis: 'unknown', spans: [{ start, end: start + 18, text: 'tens of casualties' }] });
  assert.equal(casualtiesForSentences([0, 1], mentions).fatalities, 2);
  assert.equal(casualtiesForSentences([5], mentions).basis, 'none');
});

test('a broken lexicon file is reported with the file and the field', () => {
  const bad = new URL('../fixtures/lexicons/casualties-bad.yaml', import.meta.url);
  assert.throws(() => loadCasualtyLexicon(bad), (error: Error) => error.message.includes(fileURLToPath(bad)) && /vague\.tens/.test(error.message));
});

test('"beaten to death", "assassinated" and a count of attackers after "by"', () => {
  assert.deepEqual(counts('In Manaus, a man was beaten to death by 15 men.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('Gunmen assassinated a local councillor near the market.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('A sniper killed a civilian in Miznaz whilst inspecting his home.'), [['killed', 1, 'exact']]);
});

test('ages are never counts: "a 54-year-old man", "aged 30 and 34", "Ali Musa, 34,"', () => {
  assert.deepEqual(counts('Gunmen killed a 54-year-old man.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('Two brothers, aged 30 and 34, were shot dead.'), [['killed', 2, 'exact']]);
  assert.deepEqual(counts('Ali Musa, 34, was shot dead.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('A 5-month-old baby was wounded.'), [['injured', 1, 'exact']]);
});

test('a list of victims is counted one by one', () => {
  assert.deepEqual(counts('The strike killed a woman and her two children.'), [['killed', 1, 'exact'], ['killed', 2, 'exact']]);
  assert.deepEqual(counts('Gunmen killed a teacher and a pupil.'), [['killed', 1, 'exact'], ['killed', 1, 'exact']]);
});

test('"including", "among them" and "N of them" restate part of a figure and are not added', () => {
  assert.deepEqual(counts('The shelling killed 12 civilians including three children and wounded 20.'), [['killed', 12, 'exact'], ['injured', 20, 'exact']]);
  assert.deepEqual(counts('At least 30 people, among them five women, died.'), [['killed', 30, 'exact']]);
  assert.deepEqual(counts('Clashes killed 25 fighters, 17 of them soldiers.'), [['killed', 25, 'exact']]);
  // A part of another outcome is a figure of its own.
  assert.deepEqual(counts('The blast caused 14 casualties, including 3 deaths.'), [['casualties', 14, 'exact'], ['killed', 3, 'exact']]);
});

test('a count before an active "killed" with an object is the killer, not a victim', () => {
  assert.deepEqual(counts('Two gunmen killed a policeman.'), [['killed', 1, 'exact']]);
  assert.deepEqual(counts('Two soldiers killed in an ambush.'), [['killed', 2, 'exact']]);
  assert.deepEqual(counts('Two soldiers were killed by gunmen.'), [['killed', 2, 'exact']]);
});

test('"both" and "twin" count people only, not sides or blasts', () => {
  assert.deepEqual(counts('Between 12 and 15 fighters were killed on both sides.'), [['killed', 12, 'exact']]);
  assert.deepEqual(counts('Twin blasts killed 9 people.'), [['killed', 9, 'exact']]);
  assert.deepEqual(counts('Both men were killed.'), [['killed', 2, 'exact']]);
});

test('"toll" is a death toll only in casualty context', () => {
  assert.deepEqual(counts('Protesters blocked the Lekki toll gate and the toll road.'), []);
  assert.deepEqual(counts('The death toll from the bombing of the market rose to 30.'), [['killed', 30, 'exact']]);
  assert.deepEqual(counts('Officials put the toll at 12.'), [['killed', 12, 'exact']]);
});

test('the attacker\'s own death counts, unless the figure already includes him', () => {
  assert.deepEqual(counts('A suicide bomber blew himself up, killing 4 people.'), [['killed', 1, 'exact'], ['killed', 4, 'exact']]);
  assert.deepEqual(counts('The gunman killed two guards before killing himself.'), [['killed', 2, 'exact'], ['killed', 1, 'exact']]);
  assert.deepEqual(counts('A suicide bomber blew himself up, killing five people including the bomber.'), [['killed', 5, 'exact']]);
  assert.deepEqual(counts('Two suicide bombers blew themselves up, killing 12.'), [['killed', 2, 'exact'], ['killed', 12, 'exact']]);
});

test('a sentence quoting two claimants marks the second one\'s figures', () => {
  const mentions = findCasualties(analyseText('The group claimed to have killed 35 policemen, while officials said 7 officers died.'), lexicon);
  assert.deepEqual(mentions.map((m) => [m.count, m.voice ?? 0]), [[35, 0], [7, 1]]);
  assert.equal(casualtiesForSentences([0], mentions).fatalities, 7);
  const one = findCasualties(analyseText('Gunmen killed 3 people, while 5 others were wounded, police said.'), lexicon);
  assert.deepEqual(one.map((m) => m.voice ?? 0), [0, 0]);
});
