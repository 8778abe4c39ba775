import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence, testPloverCases, type PloverCase } from './code-sentence.ts';

/** The first event of one sentence, coded alone. */
const first = (text: string) => codeSentence(text)[0];

// Sentences written for these tests, about invented or generic situations: the category (and mode where the
// manual names one) that the PLOVER manual's AID, SANCTION, REQUEST and COERCE sections give each.
const CASES: PloverCase[] = [
  // AID: aid delivered, handed out, asylum and refuge given, debts forgiven.
  { text: 'The Red Cross distributed food parcels to displaced families near the lake.', plover: 'AID' },
  { text: 'A neighbouring state gave refuge to the exiled journalist.', plover: 'AID' },
  { text: 'The lenders agreed to forgive most of the island nation\'s debt.', plover: 'AID' },
  { text: 'The development bank disbursed a second tranche of its loan to the ministry.', plover: 'AID' },
  { text: 'The kingdom shipped tents and blankets to the flooded valley.', plover: 'AID' },
  { text: 'A Gulf state gave fifty million dollars to rebuild the bombed hospitals.', plover: 'AID' },
  { text: 'The mayor asked the capital to send food and tents.', plover: 'REQUEST' },
  // Aid cut, suspended or frozen is SANCTION discontinue, even when the aid is named before the verb.
  { text: 'Aid to the province was suspended after the disputed vote.', plover: 'SANCTION', mode: 'discontinue' },
  { text: 'The donor countries slashed their economic assistance to the regime.', plover: 'SANCTION', mode: 'discontinue' },
  { text: 'Military assistance to the junta has been frozen.', plover: 'SANCTION', mode: 'discontinue' },
  { text: 'The alliance stopped providing weapons to the militia.', plover: 'SANCTION', mode: 'discontinue' },
  // Aid asked for is REQUEST; bodies named after aid are no act of aid.
  { text: 'Humanitarian aid is urgently needed, the governor said, asking donors for help.', plover: 'REQUEST' },
  { text: 'Aid agencies urged both armies to open the mountain roads.', plover: 'REQUEST' },
  { text: 'Relief workers accused the militia of looting their warehouses.', plover: 'ACCUSE' },
  // COERCE: searches, withheld public goods, institutions suspended, licences revoked, candidates barred.
  { text: 'Security agents searched the offices of the independent radio station.', plover: 'COERCE', mode: 'seize' },
  { text: 'The authorities cut off water and electricity to the rebellious district.', plover: 'COERCE', mode: 'withhold' },
  { text: 'Officials shut off mobile networks across the province before the vote.', plover: 'COERCE', mode: 'withhold' },
  { text: 'The colonels suspended the constitution and dissolved the national assembly.', plover: 'COERCE', mode: 'restrict' },
  { text: 'The regulator revoked the broadcasting licence of a private television channel.', plover: 'COERCE', mode: 'restrict' },
  { text: 'The electoral board barred the former mayor from running in the election.', plover: 'COERCE', mode: 'restrict' },
  { text: 'The commission disqualified two opposition candidates from the presidential race.', plover: 'COERCE', mode: 'restrict' },
  { text: 'Plain-clothes officers took the union leader into custody on Tuesday.', plover: 'COERCE', mode: 'arrest' },
  { text: 'The regime stripped three exiled writers of their citizenship.', plover: 'COERCE', mode: 'restrict' },
  { text: 'The military council muzzled the private press after the coup.', plover: 'COERCE', mode: 'censor' },
  // "Expulsions or deportations of individuals ... are coded as COERCE"; expelled diplomats stay SANCTION.
  { text: 'The interior ministry expelled two foreign missionaries from the country.', plover: 'COERCE', mode: 'deport' },
  { text: 'The government expelled the ambassador of its northern neighbour.', plover: 'SANCTION', mode: 'expel' },
  // What stays as it was: barring entry is REJECT, lifting a ban CONCEDE, a sanction on a state SANCTION.
  { text: 'The government barred the foreign delegation from entering the country.', plover: 'REJECT' },
  { text: 'The court revoked the travel ban on the former minister.', plover: 'CONCEDE' },
  { text: 'The bloc suspended trade talks with the neighbouring republic.', plover: 'SANCTION' },
];

testPloverCases(CASES);

test('a death in custody is not coded as an arrest before the beating that caused it', () => {
  assert.equal(first('A prisoner died in custody after being beaten by guards.')?.plover_event, 'ASSAULT');
});

test('an arrest the ACLED entry already codes is not coded a second time as a PLOVER-only arrest', () => {
  const events = codeSentence('Police arrested the editor on Monday and took him into custody.');
  assert.equal(events.filter((e) => e.plover_event === 'COERCE' && e.mode === 'arrest').length, 1);
  assert.equal(events[0]?.event_type, 'Strategic developments');
});

test('a raid by state forces that harms no one is PLOVER COERCE seize; a raid that kills stays ASSAULT; ACLED keeps its type', () => {
  const search = first('Police raided the offices of a small opposition newspaper.');
  assert.equal(search?.plover_event, 'COERCE');
  assert.equal(search?.mode, 'seize');
  assert.equal(search?.quad, 'Material conflict');
  assert.notEqual(search?.event_type, null);
  assert.equal(first('Soldiers raided the hamlet, killing four farmers.')?.plover_event, 'ASSAULT');
  assert.equal(first('Gunmen raided a police station in the hills.')?.plover_event, 'ASSAULT');
});
