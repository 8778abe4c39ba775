import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { EventStore } from '../../src/store/types.ts';
import { StoreInputError } from '../../src/store/types.ts';
import { makeArticle, makeEvent } from './fixtures.ts';

type TestContext = { after: (fn: () => void | Promise<void>) => void };

/** The behaviour every store backend must show; each backend's test file runs it against a real database. */
export function storeContract(backend: string, open: (t: TestContext) => Promise<EventStore>): void {
  test(`${backend}: the same article stored twice (same id, URL or normalised text) is stored once`, async (t) => {
    const store = await open(t);
    const article = makeArticle('Syrian army forces shelled Maarat al-Numan on Monday.', { url: 'https://example.org/a' });
    const first = await store.addArticle(article, [makeEvent(article)]);
    assert.equal(first.duplicate, false);
    assert.deepEqual(first.created, [`${article.id}:0:0`]);

    const again = await store.addArticle(article, [makeEvent(article)]);
    assert.equal(again.duplicate, true);
    assert.deepEqual(again.created, []);
    assert.equal(again.events.length, 1, 'a duplicate still reports the events the article has');

    // Same text with different spacing and case, no URL: the same article.
    const respaced = makeArticle('  syrian army forces   shelled Maarat al-Numan on Monday. ');
    const third = await store.addArticle(respaced, [makeEvent(respaced)]);
    assert.equal(third.duplicate, true);
    assert.equal((await store.queryEvents({}, { limit: 10, offset: 0 })).total, 1);
  });

  test(`${backend}: two articles reporting one event become one event with both sources and the disagreement`, async (t) => {
    const store = await open(t);
    const a = makeArticle('Shelling of Maarat al-Numan killed three, says the Observatory.', { source: 'Outlet A' });
    const b = makeArticle('Government shelling killed five in Maarat al-Numan, rescuers said.', { source: 'Outlet B' });
    await store.addArticle(a, [makeEvent(a, { fatalities: 3, fatalities_basis: 'exact', claimant: 'Syrian Observatory' })]);
    // A day later, 10 km away, actor2 unknown: still the same event by the rule.
    const result = await store.addArticle(b, [makeEvent(b, {
      event_date: '2020-05-12', latitude: 35.70, longitude: 36.75, actor2: null, actor2_id: null, inter2: 0, interaction: 10,
      fatalities: 5, fatalities_basis: 'exact', claimant: 'White Helmets',
    })]);
    assert.deepEqual(result.created, []);
    assert.deepEqual(result.merged, [`${a.id}:0:0`]);

    const page = await store.queryEvents({}, { limit: 10, offset: 0 });
    assert.equal(page.total, 1);
    assert.equal(page.events[0]!.source_count, 2);
    assert.equal(page.events[0]!.fatalities, 3, 'the most conservative figure');

    const detail = await store.getEvent(`${b.id}:0:0`);
    assert.ok(detail, 'found by the id of a merged report');
    assert.equal(detail.event_id, `${a.id}:0:0`);
    assert.deepEqual(detail.sources.map((s) => [s.source, s.claimant, s.fatalities]), [['Outlet A', 'Syrian Observatory', 3], ['Outlet B', 'White Helmets', 5]]);
    assert.equal(detail.sources[1]!.sentence.text, b.text);
    assert.equal(detail.sources[1]!.evidence[0]!.text, b.text.slice(0, 5));
    const fatalities = detail.disagreements.find((d) => d.field === 'fatalities');
    assert.deepEqual(fatalities?.values, [{ value: 3, sources: ['Outlet A'] }, { value: 5, sources: ['Outlet B'] }]);
  });

  test(`${backend}: reports that differ in type, date, place or actors stay separate events`, async (t) => {
    const store = await open(t);
    const base = makeArticle('Base report.', { source: 'A' });
    await store.addArticle(base, [makeEvent(base)]);
    const variants = [
      { event_type: 'Battles' as const, sub_event_type: 'Armed clash' },
      { event_date: '2020-05-14' },
      { latitude: 36.2, longitude: 37.15, location: 'Aleppo' }, // about 70 km away
      { actor1: 'Hayat Tahrir al-Sham', actor1_id: 'hts', inter1: 2 },
    ];
    for (const [i, fields] of variants.entries()) {
      const article = makeArticle(`Variant report ${i}.`, { source: `V${i}` });
      const result = await store.addArticle(article, [makeEvent(article, fields)]);
      assert.equal(result.created.length, 1, `variant ${i} ${JSON.stringify(fields)} is its own event`);
    }
    assert.equal((await store.queryEvents({}, { limit: 10, offset: 0 })).total, 5);
  });

  test(`${backend}: streamEvents gives every event in queryEvents' order, across pages, undated last; hasArticle knows what is stored`, async (t) => {
    const store = await open(t);
    // Far-apart places keep the reports separate events; two share a date and two are undated, to test the ties.
    const dates = ['2020-05-01', '2020-05-09', '2020-05-09', null, '2020-04-20', null, '2020-05-30'];
    for (const [i, date] of dates.entries()) {
      const article = makeArticle(`Stream report ${i}.`, { source: `S${i}`, url: `https://example.org/stream/${i}` });
      await store.addArticle(article, [makeEvent(article, {
        event_date: date, time_precision: date ? 1 : 3, latitude: 10 + i * 3, longitude: 20 + i * 3, location: `Place ${i}`,
        ...(i % 2 ? { event_type: 'Battles' as const, sub_event_type: 'Armed clash' } : {}),
      })]);
    }
    const ids = (events: { event_id: string }[]): string[] => events.map((e) => e.event_id);
    const expected = (await store.queryEvents({}, { limit: 100, offset: 0 })).events;
    assert.equal(expected.length, dates.length);
    for (const pageSize of [1, 2, 3, 1000]) {
      const streamed = [];
      for await (const event of store.streamEvents({}, { pageSize })) streamed.push(event);
      assert.deepEqual(ids(streamed), ids(expected), `page size ${pageSize}`);
      assert.deepEqual(streamed, expected);
    }
    const battles = [];
    for await (const event of store.streamEvents({ event_type: 'Battles' }, { pageSize: 2 })) battles.push(event);
    assert.deepEqual(ids(battles), ids((await store.queryEvents({ event_type: 'Battles' }, { limit: 100, offset: 0 })).events));
    assert.equal(battles.length, 3);

    assert.equal(await store.hasArticle(makeArticle('Stream report 3.', { url: 'https://example.org/stream/3' })), true);
    assert.equal(await store.hasArticle(makeArticle('  stream REPORT 4. ')), true, 'the same normalised text');
    assert.equal(await store.hasArticle(makeArticle('Some other report.', { url: 'https://example.org/elsewhere' })), false);
  });

  test(`${backend}: filters by date, bbox, type, actor, country, source and text`, async (t) => {
    const store = await open(t);
    const add = async (text: string, source: string, fields: Parameters<typeof makeEvent>[1]) => {
      const article = makeArticle(text, { source });
      await store.addArticle(article, [makeEvent(article, fields)]);
      return `${article.id}:0:0`;
    };
    const idlib = await add('Shelling hit Maarat al-Numan market.', 'A', {});
    const kano = await add('Police dispersed protesters in Kano.', 'B', {
      event_type: 'Protests', sub_event_type: 'Protest with intervention', plover_event: 'PROTEST', event_date: '2020-06-02',
      actor1: 'Protesters (Nigeria)', actor1_id: null, inter1: 6, actor2: 'Police Forces of Nigeria', actor2_id: 'police:Nigeria', inter2: 1,
      country: 'Nigeria', admin1: 'Kano', location: 'Kano', latitude: 12.0, longitude: 8.52,
    });
    const undated = await add('An undated clash somewhere in Libya.', 'C', {
      event_type: 'Battles', sub_event_type: 'Armed clash', event_date: null, time_precision: null, country: 'Libya', admin1: null,
      location: null, latitude: null, longitude: null, geo_precision: null,
    });
    const ids = async (filter: Parameters<EventStore['queryEvents']>[0]) =>
      (await store.queryEvents(filter, { limit: 100, offset: 0 })).events.map((e) => e.event_id).sort();
    assert.deepEqual(await ids({ from: '2020-06-01' }), [kano]);
    assert.deepEqual(await ids({ to: '2020-05-31' }), [idlib]);
    assert.deepEqual(await ids({ bbox: [30, 30, 40, 40] }), [idlib]);
    assert.deepEqual(await ids({ bbox: [0, 0, 10, 20] }), [kano]);
    assert.deepEqual(await ids({ event_type: 'Battles' }), [undated]);
    assert.deepEqual(await ids({ actor: 'police forces of nigeria' }), [kano]);
    assert.deepEqual(await ids({ actor: 'military:Syria' }), [idlib, undated].sort());
    assert.deepEqual(await ids({ country: 'Libya' }), [undated]);
    assert.deepEqual(await ids({ source: 'B' }), [kano]);
    assert.deepEqual(await ids({ q: 'market' }), [idlib]);
    assert.deepEqual(await ids({ q: 'kano protesters' }), [kano]);
    assert.deepEqual(await ids({ q: '"); DROP TABLE events; --' }), []);
    assert.deepEqual(await ids({ country: 'Syria', from: '2020-05-11', to: '2020-05-11' }), [idlib]);
    const paged = await store.queryEvents({}, { limit: 1, offset: 1 });
    assert.equal(paged.total, 3);
    assert.equal(paged.events.length, 1);

    const stats = await store.stats();
    assert.equal(stats.total, 3);
    assert.deepEqual(stats.by_day, [{ date: '2020-05-11', count: 1 }, { date: '2020-06-02', count: 1 }]);
    const actors = await store.actors();
    assert.equal(actors.find((a) => a.id === 'military:Syria')?.events, 2);
    const places = await store.places();
    assert.deepEqual(places.map((p) => p.location).sort(), ['Kano', 'Maarat al-Numan']);
  });

  test(`${backend}: a PLOVER-only event (null ACLED type) round-trips, and filters by plover_event and acled`, async (t) => {
    const store = await open(t);
    const shelling = makeArticle('Syrian army forces shelled Maarat al-Numan on Monday.');
    const talks = makeArticle('Syrian and Turkish envoys met in Maarat al-Numan on Monday.');
    await store.addArticle(shelling, [makeEvent(shelling)]);
    const talksEvent = makeEvent(talks, {
      event_type: null, sub_event_type: null, plover_event: 'CONSULT', mode: null, context: ['diplomatic'], quad: 'Verbal cooperation',
      actor2: null, actor2_id: null, inter2: 0, interaction: 10,
    });
    await store.addArticle(talks, [talksEvent]);
    // Same day and place as the shelling: a PLOVER-only event is never merged into an ACLED one.
    const all = await store.queryEvents({}, { limit: 10, offset: 0 });
    assert.equal(all.total, 2);
    const stored = all.events.find((e) => e.plover_event === 'CONSULT');
    assert.ok(stored);
    assert.equal(stored.event_type, null);
    assert.equal(stored.sub_event_type, null);
    assert.equal(stored.quad, 'Verbal cooperation');
    const detail = await store.getEvent(stored.event_id);
    assert.equal(detail?.event_type, null);

    const ids = async (filter: Parameters<EventStore['queryEvents']>[0]): Promise<string[]> =>
      (await store.queryEvents(filter, { limit: 10, offset: 0 })).events.map((e) => e.plover_event).sort();
    assert.deepEqual(await ids({ acled: true }), ['ASSAULT']);
    assert.deepEqual(await ids({ acled: false }), ['CONSULT']);
    assert.deepEqual(await ids({ plover_event: 'CONSULT' }), ['CONSULT']);
    assert.deepEqual(await ids({ plover_event: 'ASSAULT', acled: false }), []);
    assert.deepEqual(await ids({ event_type: 'Explosions/Remote violence' }), ['ASSAULT']);
  });

  test(`${backend}: an actor is found by any name it bore, listed once by name, with its country`, async (t) => {
    const store = await open(t);
    const add = async (text: string, fields: Parameters<typeof makeEvent>[1]) => {
      const article = makeArticle(text);
      await store.addArticle(article, [makeEvent(article, fields)]);
      return `${article.id}:0:0`;
    };
    // The same dictionary actor under the name of each period; the older report is stored last, so the
    // actor's row carries the older name, and the newer name must still find both.
    const newer = await add('Tahrir al-Sham fighters clashed with the army near Saraqib.', {
      event_type: 'Battles', sub_event_type: 'Armed clash', event_date: '2020-05-11',
      actor1: 'HTS: Hayat Tahrir al Sham', actor1_id: 'hts', inter1: 2,
    });
    const older = await add('Fatah al-Sham fighters shelled the army near Saraqib.', {
      event_date: '2016-08-06', actor1: 'Jabhat Fatah al-Sham', actor1_id: 'hts', inter1: 2,
    });
    // Civilians coded as actor2 in one report and named as an associated actor in another.
    const kano = await add('Gunmen attacked villagers in Kano; traders were among the victims.', {
      event_type: 'Violence against civilians', sub_event_type: 'Attack', actor1: 'Unidentified Armed Group (Nigeria)',
      actor1_id: 'unidentified:Nigeria', inter1: 3, actor2: 'Civilians (Nigeria)', actor2_id: 'civilians:Nigeria', inter2: 7,
      country: 'Nigeria', admin1: 'Kano', location: 'Kano', latitude: 12.0, longitude: 8.52,
    });
    await add('Police fired on a crowd in Kano, wounding passers-by.', {
      event_type: 'Protests', sub_event_type: 'Protest with intervention', event_date: '2020-05-12',
      actor1: 'Police Forces of Nigeria', actor1_id: 'police:Nigeria', inter1: 1, actor2: 'Protesters (Nigeria)', actor2_id: 'protesters:Nigeria',
      inter2: 6, assoc_actor_2: 'Civilians (Nigeria)', country: 'Nigeria', admin1: 'Kano', location: 'Kano', latitude: 12.0, longitude: 8.52,
    });
    const ids = async (actor: string) =>
      (await store.queryEvents({ actor }, { limit: 100, offset: 0 })).events.map((e) => e.event_id).sort();
    assert.deepEqual(await ids('HTS: Hayat Tahrir al Sham'), [newer, older].sort());
    assert.deepEqual(await ids('jabhat fatah al-sham'), [newer, older].sort());
    assert.deepEqual(await ids('hts'), [newer, older].sort());
    assert.equal((await ids('Civilians (Nigeria)')).length, 2);
    assert.ok((await ids('Civilians (Nigeria)')).includes(kano));

    const actors = await store.actors();
    const civilians = actors.filter((a) => a.name === 'Civilians (Nigeria)');
    assert.equal(civilians.length, 1, 'one row per actor name');
    assert.deepEqual(civilians[0], { id: 'civilians:Nigeria', name: 'Civilians (Nigeria)', inter: 7, country: 'Nigeria', events: 2 });
    assert.equal(actors.find((a) => a.id === 'hts')?.country, 'Syria');
    assert.equal(actors.find((a) => a.id === 'police:Nigeria')?.country, 'Nigeria');
    assert.ok(actors.every((a) => a.country !== null), 'every actor here has a country');
  });

  test(`${backend}: an invalid event is refused naming its field, and nothing of that article is stored`, async (t) => {
    const store = await open(t);
    const good = makeArticle('A good report.');
    await store.addArticle(good, [makeEvent(good)]);
    const bad = makeArticle('A bad report.');
    await assert.rejects(
      store.addArticle(bad, [makeEvent(bad, { event_id: `${bad.id}:0:1` }), makeEvent(bad, { latitude: 123 })]),
      (error: unknown) => error instanceof StoreInputError && error.field === 'events[1].latitude',
    );
    const after = await store.queryEvents({}, { limit: 10, offset: 0 });
    assert.equal(after.total, 1);
    assert.equal((await store.addArticle(bad, [])).duplicate, false, 'the refused article was not stored');
  });
}
