import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeSentence } from './code-sentence.ts';

// ACLED sub-types of news prose, from the codebook's definitions. Short reports written for these tests.
function subTypeOf(text: string): string | null {
  return codeSentence(text, { source: 'Test Wire', published: '2021-03-10' }).find((e) => e.sub_event_type !== null)?.sub_event_type ?? null;
}

test('rockets fired during an offensive are a shelling: an offensive does not say the other side fought back', () => {
  assert.equal(subTypeOf('Rockets fired by the rebels hit two districts of the border town as the army pressed on with its offensive.'), 'Shelling/artillery/missile attack');
  assert.equal(subTypeOf('During the assault, government artillery pounded the hills above the village.'), 'Shelling/artillery/missile attack');
});

test('a clash is still the event when both sides fought with heavy weapons', () => {
  assert.equal(subTypeOf('Soldiers and militants clashed for hours with mortars and machine guns near the dam.'), 'Armed clash');
});

test('"fighting vehicles" name a kind of vehicle, not a fight', () => {
  assert.equal(subTypeOf('A guided missile destroyed two armoured fighting vehicles of the army west of the town.'), 'Shelling/artillery/missile attack');
});

test('an offensive alone is still a battle', () => {
  assert.equal(subTypeOf('Government troops launched an offensive against the rebels in the northern hills on Monday.'), 'Armed clash');
});

test('a force that withdraws, with no other side said to take the place, changes its own activity', () => {
  assert.equal(subTypeOf('The army withdrew its troops from the hilltop base on Tuesday, a local official said.'), 'Change to group/activity');
  assert.equal(subTypeOf('Foreign troops have pulled out from two outposts near the northern border.'), 'Change to group/activity');
});

test('a place another side takes when its holders withdraw changes hands without violence', () => {
  assert.equal(subTypeOf('Rebel units moved into the market town on Sunday after government soldiers withdrew from it overnight.'), 'Non-violent transfer of territory');
  assert.equal(subTypeOf('The militia took control of the village on Friday after the soldiers guarding it withdrew.'), 'Non-violent transfer of territory');
  assert.equal(subTypeOf('Insurgents captured the district unopposed, residents said.'), 'Non-violent transfer of territory');
});

test('a place taken in a fight is still territory taken', () => {
  assert.equal(subTypeOf('Insurgents captured the district after two days of heavy fighting, residents said.'), 'Non-state actor overtakes territory');
});

test('a rocket-propelled grenade is fired from afar: a shelling, not a grenade', () => {
  assert.equal(subTypeOf('Militants fired a rocket-propelled grenade at a police patrol in the city centre on Monday.'), 'Shelling/artillery/missile attack');
  assert.equal(subTypeOf('An attacker threw a hand grenade into a police post on Monday, wounding two officers.'), 'Grenade');
});

test('an attack on a place where civilians gather is an attack on civilians, though armed men are named', () => {
  assert.equal(subTypeOf('Gunmen attacked a crowded mosque in the border district on Friday, killing nine worshippers, police said.'), 'Attack');
  assert.equal(subTypeOf('Militants opened fire on villagers at a weekly market, killing four, soldiers at a nearby post said.'), 'Attack');
});

test('an attack on soldiers is still a battle', () => {
  assert.equal(subTypeOf('Insurgents attacked an army post near the river on Monday, killing three soldiers.'), 'Armed clash');
});

test('forces sent against a possible attack are a change to group activity, not a battle', () => {
  assert.equal(subTypeOf('The army sent reinforcements to the provincial capital against a possible rebel attack.'), 'Change to group/activity');
  assert.equal(subTypeOf('Police were deployed across the old city in anticipation of large demonstrations after Friday prayers.'), 'Change to group/activity');
});

test('"potential" before a weapon does not make its interception hypothetical', () => {
  assert.equal(subTypeOf('At a sorting office, postal staff found two parcels with potential bombs inside, and police defused them.'), 'Disrupted weapons use');
});

test('tanks firing on positions are a shelling: a heavy weapons platform', () => {
  assert.equal(subTypeOf('Two tanks attacked the rangers\' positions near the lake on Sunday, killing four of them.'), 'Shelling/artillery/missile attack');
  assert.equal(subTypeOf('Five guards were killed in a tank attack on their outpost, park officials said.'), 'Shelling/artillery/missile attack');
});

test('chemical weapons named as a target are no chemical attack', () => {
  assert.equal(subTypeOf('Warplanes struck two chemical weapons facilities outside the city overnight.'), 'Air/drone strike');
});

test('the attack a strike answers is its background: "in retaliation for a gas attack"', () => {
  assert.equal(subTypeOf('The coalition launched airstrikes on rebel bases in retaliation for a chlorine gas attack on the town.'), 'Air/drone strike');
});

test('"March" the month is no march', () => {
  assert.equal(subTypeOf('Gunmen killed twelve villagers in an attack on their farms on March 21, officials said.'), 'Attack');
});

test('"retook" and "established control" report territory taken', () => {
  assert.equal(subTypeOf('Rebel fighters retook the hill town from government troops after a night of fighting.'), 'Non-state actor overtakes territory');
  assert.equal(subTypeOf('Army units established control over the river crossing after two days of battles with the insurgents.'), 'Government regains territory');
});
