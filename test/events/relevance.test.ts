import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeArticle } from '../../src/pipeline.ts';
import { analyseText } from '../../src/text/analyse-text.ts';
import { loadRelevanceLexicon, nonPoliticalContext } from '../../src/events/relevance.ts';

const lexicon = loadRelevanceLexicon();

// Short reports written for these tests. The ACLED sub-types of what is coded: a statement may still be a PLOVER-only
// event (an accusation, a threat, a sanction), whose ACLED type is null.
function subTypes(text: string): (string | null)[] {
  return codeArticle({ id: 'relevance-test', origin: 'test', title: null, text, url: null, source: null, published: '2021-06-01', byline: null })
    .filter((e) => e.event_type !== null)
    .map((e) => e.sub_event_type);
}

test('natural disasters are not ACLED events, whatever words of violence they come with', () => {
  assert.deepEqual(subTypes('Flash floods hit three districts of the province on Sunday, killing 14 people and destroying hundreds of homes.'), []);
  assert.deepEqual(subTypes('A magnitude 6.1 earthquake struck the coastal city overnight, killing at least 30 people.'), []);
  assert.deepEqual(subTypes('Firefighters battled a wildfire that forced thousands to flee their homes.'), []);
});

test('accidents are not ACLED events, but a bomb that went off by accident in militants\' hands is', () => {
  assert.deepEqual(subTypes('A gas cylinder exploded in a restaurant kitchen in the capital on Friday, injuring six workers.'), []);
  assert.deepEqual(subTypes('Nineteen people died on Saturday when their minibus veered off a mountain road.'), []);
  assert.deepEqual(subTypes('A boiler exploded at a textile factory on Monday, killing two labourers.'), []);
  assert.deepEqual(subTypes('An IED accidentally exploded while militants were planting it on a road near Khost, killing two of them.'),
    ['Remote explosive/landmine/IED']);
});

test('the business of crime is no ACLED event; political arrests and armed violence by gangs still are', () => {
  assert.deepEqual(subTypes('Border guards intercepted 40 illegal migrants and two smugglers near the coast on Sunday.'), []);
  assert.deepEqual(subTypes('Armed robbers attacked a bank in the city centre on Monday and stole cash, police said.'), []);
  assert.deepEqual(subTypes('Police arrested two opposition activists on fraud charges in the capital on Monday.'), ['Arrests']);
  assert.deepEqual(subTypes('Gunmen of a drug cartel clashed with the army near the town, leaving five dead.'), ['Armed clash']);
});

test('a statement about an event is not the event: claims, denials, sanctions and threats', () => {
  assert.deepEqual(subTypes('The group claimed responsibility for the car bomb that killed eight people last week.'), []);
  assert.deepEqual(subTypes('The government imposed new sanctions over the missile launches.'), []);
  assert.deepEqual(subTypes('The ministry denied that its aircraft had bombed the hospital.'), []);
  assert.deepEqual(subTypes('Rebels threatened to attack the capital.'), []);
  // The event reported first, the claim after: the event stands.
  assert.deepEqual(subTypes('A car bomb killed eight people in the market on Friday. The group claimed responsibility for the bombing.'),
    ['Remote explosive/landmine/IED']);
});

test('a protest is an ACLED event whatever it is about', () => {
  assert.deepEqual(subTypes('Farmers protested outside the governor\'s office on Monday, demanding compensation after floods destroyed their crops.'),
    ['Peaceful protest']);
});

test('a capitalised name is not the hazard it is named after', () => {
  const doc = analyseText('Fighters of the Storm Brigade attacked a checkpoint on Monday.');
  assert.equal(nonPoliticalContext(doc.sentences, 'attack', lexicon), null);
  const flood = analyseText('Storms flooded the valley on Monday.');
  assert.equal(nonPoliticalContext(flood.sentences, 'attack', lexicon)?.reason, 'natural_hazard');
});

test('a context names its reason and the words that show it', () => {
  const doc = analyseText('A gas leak caused an explosion at the plant.');
  assert.deepEqual(nonPoliticalContext(doc.sentences, 'explosion', lexicon), { reason: 'accident', start: 2, end: 10, text: 'gas leak' });
});

test('a malformed relevance lexicon is refused with its file and field', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-relevance-'));
  const file = join(dir, 'relevance.yaml');
  writeFileSync(file, 'contexts:\n  accident:\n    phrases: []\nstatement_heads: [denied]\n');
  assert.throws(() => loadRelevanceLexicon(pathToFileURL(file)), /relevance\.yaml: contexts\.accident\.phrases/);
});
