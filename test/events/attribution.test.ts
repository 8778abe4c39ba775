import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeArticle } from '../../src/pipeline.ts';
import type { CodedEvent } from '../../src/events/event-schema.ts';

// Short reports written for these tests, coded by the whole pipeline.
function code(text: string): CodedEvent[] {
  return codeArticle({ id: 'attribution-test', origin: 'test', title: null, text, url: null, source: 'Test Wire', published: '2020-05-11', byline: null });
}

test('a claim of responsibility names the perpetrator of the event before it, and is no event itself', () => {
  const events = code('A roadside bomb hit a police vehicle in Ghazni city on Sunday, killing two policemen, officials said. The Taliban claimed responsibility.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.actor1, 'Taliban');
  assert.equal(events[0]!.sub_event_type, 'Remote explosive/landmine/IED');
  const span = events[0]!.evidence.find((e) => e.field === 'actor1');
  assert.equal(span?.text, 'Taliban');
});

test('"X blamed Y for the strike": Y carried out the strike, and the sentence is not a protest', () => {
  const events = code('An air strike hit a market in Saada on Saturday, killing three civilians. Houthi officials blamed the Saudi-led coalition for the strike.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event_type, 'Explosions/Remote violence');
  assert.notEqual(events[0]!.actor1, null);
  assert.doesNotMatch(events[0]!.actor1!, /Unidentified|Houthi|Supreme Political Council/);
  assert.ok(!events.some((e) => e.event_type === 'Protests'));
});

test('"X accused Y of firing": Y is actor1 and X is the claimant\'s side, not a participant', () => {
  const events = code('Rockets hit a neighbourhood in Tripoli, killing two civilians, the Government of National Accord said. The GNA accused forces loyal to Khalifa Haftar of firing the rockets.');
  assert.equal(events.length, 1);
  assert.match(events[0]!.actor1 ?? '', /Haftar/);
  assert.match(events[0]!.claimant ?? '', /National Accord/);
});

test('a source named after what it reports ("..., residents said") is the claimant, not a victim or an actor', () => {
  const [event] = code('Gunmen shot dead a trader in Maiduguri on Monday, residents said.');
  assert.ok(event);
  assert.equal(event.claimant, 'residents');
  assert.ok(!event.evidence.some((e) => (e.field === 'actor1' || e.field === 'actor2') && e.text === 'residents'));
});

test('"the group said" is attributed to the armed group the report named', () => {
  const [event] = code('Al-Shabaab fighters attacked an army base near Afgoye on Friday, the group said in a statement.');
  assert.ok(event);
  assert.equal(event.claimant, 'Al Shabaab');
});

test('a claimant keeps the "of" inside its name ("the Ministry of Defence said")', () => {
  const [event] = code('Militants attacked a checkpoint in Helmand province on Sunday, killing four soldiers, the Ministry of Defence said.');
  assert.ok(event);
  assert.equal(event.claimant, 'Ministry of Defence');
});

test('police dispersing a protest reported in the next sentence make one protest with intervention, crowd against police', () => {
  const events = code('Hundreds of students protested in Lagos on Monday against fee increases. Police fired tear gas to disperse the protesters.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.sub_event_type, 'Protest with intervention');
  assert.match(events[0]!.actor1 ?? '', /^Protesters/);
  assert.match(events[0]!.actor2 ?? '', /^Police Forces/);
});

test('a crowd turning violent in the next sentence makes the protest one riot', () => {
  const events = code('Thousands of demonstrators gathered in Baghdad on Friday to protest against corruption. Some protesters threw stones at the police.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.event_type, 'Riots');
  assert.match(events[0]!.actor1 ?? '', /^Rioters/);
  assert.equal(events[0]!.assoc_actor_1, null, 'the protesters are the rioters, not an associated actor');
});

test('"in the attack" points back to the event just reported rather than starting another', () => {
  const events = code('ISWAP fighters attacked a military base in Monguno on Thursday. The group claimed to have killed ten soldiers in the attack.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.fatalities, 10);
});

test('"a strike" of workers is a protest; a bare "strike" after an attack is not', () => {
  const [held] = code('Teachers held a strike in Nairobi on Monday to demand unpaid salaries.');
  assert.equal(held?.event_type, 'Protests');
  const after = code('Shelling hit the town of Ariha on Sunday. Residents said the strike destroyed two houses.');
  assert.ok(!after.some((e) => e.event_type === 'Protests'));
});

test('an observer ("the OSCE mission recorded ...") is the claimant and takes no part in the event', () => {
  const [event] = code('On Sunday the OSCE mission recorded 20 explosions near Avdiivka.');
  assert.ok(event);
  assert.match(event.claimant ?? '', /OSCE/);
  assert.doesNotMatch(event.actor1 ?? '', /OSCE/);
});
