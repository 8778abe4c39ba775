import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence as code, testPloverCases, type PloverCase } from './code-sentence.ts';

// Sentences written for these tests, about invented or generic situations, with the category (and mode where
// the manual names one) of the PLOVER manual's THREATEN, AGREE, ACCUSE, COOPERATE and MOBILIZE sections.
const CASES: PloverCase[] = [
  // A vow of force is a threat; a vow to cooperate, or to end the fighting, stays AGREE.
  { text: 'The rebel commander has sworn to fight until the last man.', plover: 'THREATEN', mode: 'violence' },
  { text: 'The junta vowed to crush the uprising in the south.', plover: 'THREATEN', mode: 'violence' },
  { text: 'The defence minister said the navy was ready to retaliate against any incursion.', plover: 'THREATEN', mode: 'violence' },
  { text: 'The president said he would not hesitate to use force against the smugglers.', plover: 'THREATEN' },
  { text: 'The leaders pledged to fight corruption in the civil service.', plover: 'AGREE' },
  { text: 'The rebels pledged to end the fighting by Friday.', plover: 'AGREE' },
  // Understandings reached and disputes settled are agreements; aid announced for the future is AGREE.
  { text: 'The two sides reached an understanding on the border demarcation.', plover: 'AGREE' },
  { text: 'The neighbours settled their dispute over the fishing grounds.', plover: 'AGREE' },
  { text: 'The island state will donate ten million dollars for the new port, the minister said.', plover: 'AGREE' },
  // ACCUSE: taken to court, complaints filed, defamation.
  { text: 'The minister took the weekly newspaper to court over the report.', plover: 'ACCUSE', mode: 'allege' },
  { text: 'The ruling party filed a complaint against the opposition leader.', plover: 'ACCUSE', mode: 'allege' },
  { text: 'The state broadcaster slandered the exiled writer for months.', plover: 'ACCUSE', mode: 'disapprove' },
  { text: 'Detectives questioned the former governor about the missing funds.', plover: 'ACCUSE', mode: 'investigate' },
  { text: 'The auditor general began an audit of the port authority.', plover: 'ACCUSE', mode: 'investigate' },
  { text: 'The human rights office expressed alarm at the rising number of executions.', plover: 'ACCUSE', mode: 'disapprove' },
  { text: 'The opposition branded the referendum a fraud.', plover: 'ACCUSE', mode: 'disapprove' },
  { text: 'Lawmakers voted to impeach the provincial governor.', plover: 'ACCUSE', mode: 'allege' },
  { text: 'The defence minister said all options were on the table.', plover: 'THREATEN' },
  // COOPERATE: intelligence exchanged, combined drills of two armies (ACLED's change to activity either way).
  { text: 'The police forces of the two countries exchanged intelligence on smuggling networks.', plover: 'COOPERATE' },
  { text: 'The two armies held combined military drills near the border.', plover: 'COOPERATE' },
  // MOBILIZE: single-country exercises, forces called up or massed, security stepped up.
  { text: 'The navy conducted exercises near the disputed islands.', plover: 'MOBILIZE', mode: 'troops' },
  { text: 'The government called up 40,000 reservists on Monday.', plover: 'MOBILIZE', mode: 'troops' },
  { text: 'The militia massed fighters on the outskirts of the town.', plover: 'MOBILIZE', mode: 'troops' },
  { text: 'Security has been stepped up in the capital ahead of the summit.', plover: 'MOBILIZE', mode: 'police' },
];

testPloverCases(CASES);

test('forces readied around a protest are not a MOBILIZE of their own (manual, MOBILIZE: only the ASSAULT is coded)', () => {
  const events = code('Security was tightened as thousands of teachers marched through the capital.');
  assert.equal(events[0]?.plover_event, 'PROTEST');
  assert.ok(!events.some((e) => e.plover_event === 'MOBILIZE'));
});
