import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodedEvent } from '../../src/events/event-schema.ts';
import { codeSentence as code } from './code-sentence.ts';

// Sentences written for these tests: one or two per PLOVER category, with the quad the manual gives it and
// whether it has an ACLED counterpart.
const CASES: { text: string; plover: CodedEvent['plover_event']; quad: CodedEvent['quad']; acled: boolean }[] = [
  { text: 'Ghana and Togo agreed to open a joint customs post on their border.', plover: 'AGREE', quad: 'Verbal cooperation', acled: false },
  { text: 'The Kenyan president pledged to build new schools in the north.', plover: 'AGREE', quad: 'Verbal cooperation', acled: false },
  { text: 'The foreign ministers of Peru and Chile held talks in Lima on Tuesday.', plover: 'CONSULT', quad: 'Verbal cooperation', acled: false },
  { text: 'The Japanese prime minister visited Hanoi on Monday.', plover: 'CONSULT', quad: 'Verbal cooperation', acled: false },
  { text: 'The Swedish government praised the new constitution of Malawi.', plover: 'SUPPORT', quad: 'Verbal cooperation', acled: false },
  { text: 'The governor pardoned forty students jailed after the riots.', plover: 'CONCEDE', quad: 'Verbal cooperation', acled: false },
  { text: 'Brazil and Argentina extradited drug suspects to each other under a new pact.', plover: 'COOPERATE', quad: 'Material cooperation', acled: false },
  { text: 'Norway donated ten million dollars to flood victims in Bangladesh.', plover: 'AID', quad: 'Material cooperation', acled: false },
  { text: 'The interior minister of Peru resigned on Friday.', plover: 'RETREAT', quad: 'Material cooperation', acled: false },
  { text: 'The opposition leader demanded the resignation of the election commission.', plover: 'REQUEST', quad: 'Verbal conflict', acled: false },
  { text: 'Nigeria called on Cameroon to reopen the border crossings.', plover: 'REQUEST', quad: 'Verbal conflict', acled: false },
  { text: 'The Bolivian government condemned the decision of the Chilean court.', plover: 'ACCUSE', quad: 'Verbal conflict', acled: false },
  { text: 'Prosecutors charged the former mayor with fraud.', plover: 'ACCUSE', quad: 'Verbal conflict', acled: false },
  { text: 'The ruling party rejected the opposition proposal for a new electoral law.', plover: 'REJECT', quad: 'Verbal conflict', acled: false },
  { text: 'The president threatened to expel the French ambassador.', plover: 'THREATEN', quad: 'Verbal conflict', acled: false },
  { text: 'Hundreds of teachers protested in Nairobi over unpaid salaries.', plover: 'PROTEST', quad: 'Material conflict', acled: true },
  { text: 'The European Union imposed sanctions on three Belarusian officials.', plover: 'SANCTION', quad: 'Material conflict', acled: false },
  { text: 'The army massed troops along the northern frontier.', plover: 'MOBILIZE', quad: 'Material conflict', acled: false },
  { text: 'The authorities imposed a curfew on the capital after the elections.', plover: 'COERCE', quad: 'Material conflict', acled: true },
  { text: 'Police arrested twelve opposition activists in Harare.', plover: 'COERCE', quad: 'Material conflict', acled: true },
  { text: 'Gunmen shot dead two farmers near Jos on Sunday.', plover: 'ASSAULT', quad: 'Material conflict', acled: true },
];

for (const { text, plover, quad, acled } of CASES) {
  test(`codes "${text}" as ${plover} (${quad}), ${acled ? 'with' : 'without'} an ACLED type`, () => {
    const [first] = code(text);
    assert.ok(first, 'an event');
    assert.equal(first.plover_event, plover);
    assert.equal(first.quad, quad);
    assert.equal(first.modality, 'asserted');
    assert.equal(first.event_type !== null, acled);
    assert.equal(first.sub_event_type !== null, acled);
  });
}

test('all sixteen PLOVER categories are covered by the sentences above', () => {
  assert.equal(new Set(CASES.map((c) => c.plover)).size, 16);
});

test('"threatened to attack" is an asserted THREATEN with the content "violence", never an asserted ASSAULT', () => {
  const events = code('The militia threatened to attack the airport.');
  assert.equal(events[0]?.plover_event, 'THREATEN');
  assert.equal(events[0]?.mode, 'violence');
  assert.ok(!events.some((e) => e.plover_event === 'ASSAULT'));
});

test('a demand is REQUEST, not PROTEST, unless a crowd makes it', () => {
  const demand = code('The foreign minister demanded the release of the detained sailors.');
  assert.equal(demand[0]?.plover_event, 'REQUEST');
  assert.equal(demand[0]?.mode, 'yield');
  assert.ok(!demand.some((e) => e.event_type !== null), 'a diplomatic demand is no ACLED event');
  const crowd = code('Hundreds of residents marched through Kano demanding clean water.');
  assert.equal(crowd[0]?.plover_event, 'PROTEST');
  assert.equal(crowd[0]?.event_type, 'Protests');
});

test('an article\'s violence still comes out as ACLED events beside its diplomacy', () => {
  const events = code('Fighters of the group attacked an army post near Gao, killing four soldiers. The Malian government condemned the attack.');
  const acled = events.filter((e) => e.event_type !== null);
  assert.equal(acled.length, 1);
  assert.equal(acled[0]!.plover_event, 'ASSAULT');
  assert.ok(events.some((e) => e.plover_event === 'ACCUSE' && e.event_type === null && e.fatalities === 0));
});

test('a trade pact is a PLOVER-only AGREE; a ceasefire between fighting parties is ACLED\'s Agreement', () => {
  const trade = code('Vietnam and Chile reached an agreement on fruit exports.');
  assert.equal(trade[0]?.plover_event, 'AGREE');
  assert.equal(trade[0]?.event_type, null);
  const truce = code('The government and the rebels signed a ceasefire in Juba.');
  assert.ok(truce.some((e) => e.event_type === 'Strategic developments' && e.sub_event_type === 'Agreement'));
});

test('reciprocal acts name every party as the actor and no recipient; a visit has the host as recipient', () => {
  // The manual: "all of the entities are considered as the actor and no recipient is included".
  const [talks] = code('Al-Shabaab held talks with the Somali military.');
  assert.equal(talks?.plover_event, 'CONSULT');
  assert.match(talks?.actor1 ?? '', /Shabaab/);
  assert.match(talks?.assoc_actor_1 ?? '', /Somalia/);
  assert.equal(talks?.actor2, null);
  const [agreed] = code('The Ethiopian army and the Somali military agreed to share intelligence.');
  assert.equal(agreed?.plover_event, 'AGREE');
  assert.match(agreed?.assoc_actor_1 ?? '', /Somalia/);
  assert.equal(agreed?.actor2, null);
  const [visit] = code('Commanders of the Ethiopian army visited the Somali military in Mogadishu.');
  assert.equal(visit?.plover_event, 'CONSULT');
  assert.equal(visit?.mode, 'visit');
  assert.match(visit?.actor1 ?? '', /Ethiopia/);
  assert.match(visit?.actor2 ?? '', /Somalia/);
});

test('future cooperation is AGREE and an announced withdrawal CONCEDE (the manual\'s auxiliary modes)', () => {
  assert.equal(code('The two leaders will meet in Geneva next month.')[0]?.plover_event, 'AGREE');
  assert.equal(code('The government announced it would withdraw its troops from the province.')[0]?.plover_event, 'CONCEDE');
});

test('contexts are the manual\'s names, read from the event\'s own words', () => {
  const [sanction] = code('The United States imposed trade sanctions on the oil exports of the country.');
  assert.equal(sanction?.plover_event, 'SANCTION');
  assert.ok(sanction?.context.includes('economic'));
  assert.ok(!sanction?.context.includes('military'));
});

test('a strike announced is a threat to restrict; a march announced is no event; PROTEST modes are the manual\'s', () => {
  const [strike] = code('The dockworkers\' union said it would go on strike if wages were cut.');
  assert.equal(strike?.plover_event, 'THREATEN');
  assert.equal(strike?.mode, 'restrict');
  assert.deepEqual(code('Farmers will march to the capital next week.'), []);
  const [hunger] = code('Five detainees went on hunger strike in the prison of Rabat.');
  assert.equal(hunger?.plover_event, 'PROTEST');
  assert.equal(hunger?.mode, 'hunger');
});
