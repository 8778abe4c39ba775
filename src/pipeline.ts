import type { Article } from './ingest/types.ts';
import type { CodedEvent } from './events/event-schema.ts';
import { checkSteps, runSteps, stepsFor, type Step } from './coding-doc.ts';
import { defaultResources, type CodingResources } from './coding-resources.ts';
import {
  analyseTextStep, codeEventsStep, findActorsStep, findAttributionStep, findCasualtiesStep, findDatesStep, findPlacesStep,
  findTriggersStep, geolocateStep, resolveActorsStep,
} from './coding-steps.ts';
import { findCountryWords } from './mentions/find-country-words.ts';
import { placeRecords, type PlaceRecord } from './resolve/place-records.ts';

export { defaultResources, loadCodingResources, type CodingResources } from './coding-resources.ts';

/**
 * The steps that code an article, in order: text → mentions → resolve → events. Places are resolved and actors
 * settled before events are coded, because an event's actors, place and country come from them.
 * Each step declares what it requires and adds (docs/architecture.md lists them); the places of an article
 * (`articlePlaces`) run only the steps that resolving places needs.
 */
export const STEPS: readonly Step[] = [
  analyseTextStep, // text: sentences and tokens
  findDatesStep, // mentions: dates (and the date actor names are read on)
  findActorsStep, // mentions: actors
  findPlacesStep, // mentions: place names, with the gazetteer's candidates
  findCasualtiesStep, // mentions: casualty counts
  geolocateStep, // resolve: each place name, and the article's country
  resolveActorsStep, // resolve: role actors' country, loaded words' referent
  findAttributionStep, // events: claimants and who is said to be responsible
  findTriggersStep, // events: predicates
  codeEventsStep, // events: coded events
];
// A step out of order fails when the module loads, not on the first article that needs the field.
checkSteps(STEPS);

const PLACES = stepsFor(STEPS, ['analysis', 'geo']);

/**
 * Codes one article. Pure apart from the resources' look-ups.
 * The article's date (or, when undated, the first date its text names) dates actor names and "on Sunday".
 */
export function codeArticle(
  article: Article,
  resources: CodingResources = defaultResources(),
  options: { includeFlagged?: boolean } = {},
): CodedEvent[] {
  const doc = runSteps(STEPS, { article, options: { includeFlagged: options.includeFlagged ?? false } }, resources);
  return doc.events!;
}

/** Every place the article mentions, resolved as for its events (`sitrep places`); demonyms as hints of their country. */
export function articlePlaces(article: Article, resources: CodingResources = defaultResources()): PlaceRecord[] {
  const { analysis, geo } = runSteps(PLACES, { article, options: { includeFlagged: false } }, resources);
  return placeRecords(article.id, analysis!, geo!, findCountryWords(analysis!, resources.actors), resources.gazetteer);
}
