import type { Article } from './ingest/types.ts';
import type { CodedEvent } from './events/event-schema.ts';
import { analyseText } from './text/analyse-text.ts';
import { actorDictionary, type ActorDictionary } from './mentions/actor-dictionary.ts';
import { findActors } from './mentions/find-actors.ts';
import { findDates } from './mentions/find-dates.ts';
import { findCasualties } from './mentions/find-casualties.ts';
import { eventLexicon, type EventLexicon } from './events/event-lexicon.ts';
import { findTriggers } from './events/find-triggers.ts';
import { findAttribution } from './events/attribution.ts';
import { codeEvents } from './events/code-events.ts';
import { openGazetteer, type Gazetteer } from './resolve/gazetteer/open-gazetteer.ts';
import { geolocate } from './resolve/geolocate.ts';
import { resolveActors, roleActor } from './resolve/resolve-actors.ts';
import { dateForSentence } from './resolve/event-date.ts';
import { casualtiesForSentences } from './resolve/event-casualties.ts';
import { findCountryWords } from './mentions/find-country-words.ts';
import { placeRecords, type PlaceRecord } from './resolve/place-records.ts';

/** The data every article is coded with, loaded once. */
export interface CodingResources {
  actors: ActorDictionary;
  gazetteer: Gazetteer;
  lexicon: EventLexicon;
}

export function defaultResources(): CodingResources {
  return { actors: actorDictionary(), gazetteer: openGazetteer(), lexicon: eventLexicon() };
}

function countriesOf(actors: { actor: { country: string | null } }[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actors) if (a.actor.country) counts.set(a.actor.country, (counts.get(a.actor.country) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

/**
 * Codes one article: text → mentions → resolve → events. Pure apart from the resources' look-ups.
 * The article's date (or, when undated, the first date its text names) dates actor names and "on Sunday".
 */
export function codeArticle(
  article: Article,
  resources: CodingResources = defaultResources(),
  options: { includeFlagged?: boolean } = {},
): CodedEvent[] {
  const doc = analyseText(article.text);
  const dates = findDates(doc, article.published);
  const reference = article.published?.slice(0, 10) ?? dates[0]?.date ?? null;

  const found = findActors(doc, resources.actors, { date: reference });
  const geo = geolocate(doc, resources.gazetteer, { countries: countriesOf(found), source: article.source, exclude: found });
  const actors = resolveActors(found, doc, geo.country);

  const casualties = findCasualties(doc);
  const { claims, responsibilities } = findAttribution(doc, actors);
  const triggers = findTriggers(doc, resources.lexicon);
  return codeEvents({
    article, doc, triggers, actors, claims, responsibilities,
    country: geo.country,
    placeFor: geo.placeFor,
    dateFor: (sentence) => dateForSentence(sentence, dates, article.published),
    casualtiesFor: (sentences) => casualtiesForSentences(sentences, casualties, (sentence) => claims.find((c) => c.sentence === sentence)?.claimant ?? null),
    roleActor,
    includeFlagged: options.includeFlagged ?? false,
  });
}

/** Every place the article mentions, resolved as for its events (`sitrep places`); demonyms as hints of their country. */
export function articlePlaces(article: Article, resources: CodingResources = defaultResources()): PlaceRecord[] {
  const doc = analyseText(article.text);
  const reference = article.published?.slice(0, 10) ?? null;
  const found = findActors(doc, resources.actors, { date: reference });
  const geo = geolocate(doc, resources.gazetteer, { countries: countriesOf(found), source: article.source, exclude: found });
  return placeRecords(article.id, doc, geo, findCountryWords(doc, resources.actors), resources.gazetteer);
}
