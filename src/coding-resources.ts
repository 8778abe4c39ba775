import { loadActorDictionary, type ActorDictionary } from './mentions/actor-dictionary.ts';
import { loadCasualtyLexicon, type CasualtyLexicon } from './mentions/casualty-lexicon.ts';
import { loadPlaceWords, type PlaceWords } from './mentions/place-words.ts';
import { loadEventLexicon, type EventLexicon } from './events/event-lexicon.ts';
import { loadAttributionLexicon, type AttributionLexicon } from './events/attribution.ts';
import { loadRelevanceLexicon, type RelevanceLexicon } from './events/relevance.ts';
import { loadSegmentationLexicon, type SegmentationLexicon } from './events/segment-events.ts';
import { loadContextLexicon, type ContextLexicon } from './events/plover-contexts.ts';
import { openGazetteer, type Gazetteer } from './gazetteer/open-gazetteer.ts';

/**
 * The data every article is coded with: each dictionary, lexicon and word list reaches the steps through here, never
 * through a module's own copy, so that a test or a deployment can code with other data.
 */
export interface CodingResources {
  actors: ActorDictionary;
  gazetteer: Gazetteer;
  eventLexicon: EventLexicon;
  casualtyLexicon: CasualtyLexicon;
  attributionLexicon: AttributionLexicon;
  placeWords: PlaceWords;
  relevanceLexicon: RelevanceLexicon;
  segmentationLexicon: SegmentationLexicon;
  contextLexicon: ContextLexicon;
}

/** The shipped data files (data/), each read and validated once per call (the actor dictionary unless given). */
export function loadCodingResources(actors: ActorDictionary = loadActorDictionary()): CodingResources {
  return {
    actors,
    gazetteer: openGazetteer(),
    eventLexicon: loadEventLexicon(),
    casualtyLexicon: loadCasualtyLexicon(),
    attributionLexicon: loadAttributionLexicon(),
    placeWords: loadPlaceWords(),
    relevanceLexicon: loadRelevanceLexicon(),
    segmentationLexicon: loadSegmentationLexicon(),
    contextLexicon: loadContextLexicon(),
  };
}

let shipped: CodingResources | null = null;
let shippedActors: ActorDictionary | null = null;

/** The shipped resources, loaded once per process (or per worker thread): every caller shares them. */
export function defaultResources(): CodingResources {
  shipped ??= loadCodingResources(defaultActorDictionary());
  return shipped;
}

/**
 * The shipped actor dictionary alone, the one defaultResources() holds: a store needs the actors' names (filters,
 * the actors table) without the gazetteer and lexicons of coding, and a process that does both loads it once.
 */
export function defaultActorDictionary(): ActorDictionary {
  shippedActors ??= loadActorDictionary();
  return shippedActors;
}
