import { step } from './coding-doc.ts';
import { analyseText } from './text/analyse-text.ts';
import { findDates } from './mentions/find-dates.ts';
import { findActors } from './mentions/find-actors.ts';
import { findPlaces } from './mentions/find-places.ts';
import { findCasualties } from './mentions/find-casualties.ts';
import { geolocate } from './resolve/geolocate.ts';
import { resolveActors, roleActor } from './resolve/resolve-actors.ts';
import { dateForSentence } from './resolve/event-date.ts';
import { casualtiesForSentences } from './resolve/event-casualties.ts';
import { findAttribution } from './events/attribution.ts';
import { findTriggers } from './events/find-triggers.ts';
import { codeEvents } from './events/code-events.ts';

/** The steps of coding, each a thin adapter from the document to its stage's function. Their order is pipeline.ts's. */

export const analyseTextStep = step({
  name: 'analyse-text',
  requires: ['article'],
  adds: ['analysis'],
  run: ({ article }) => ({ analysis: analyseText(article.text) }),
});

export const findDatesStep = step({
  name: 'find-dates',
  requires: ['article', 'analysis'],
  adds: ['dates', 'referenceDate'],
  run: ({ article, analysis }) => {
    const dates = findDates(analysis, article.published);
    return { dates, referenceDate: article.published?.slice(0, 10) ?? dates[0]?.date ?? null };
  },
});

export const findActorsStep = step({
  name: 'find-actors',
  requires: ['analysis', 'referenceDate'],
  adds: ['actorMentions'],
  run: ({ analysis, referenceDate }, resources) => ({ actorMentions: findActors(analysis, resources.actors, { date: referenceDate }) }),
});

/** Names already read as actors are not read as places. */
export const findPlacesStep = step({
  name: 'find-places',
  requires: ['analysis', 'actorMentions'],
  adds: ['placeMentions'],
  run: ({ analysis, actorMentions }, resources) => ({ placeMentions: findPlaces(analysis, resources.gazetteer, resources.placeWords, actorMentions) }),
});

/** Countries of the actors named (most named first): evidence of the article's country. */
function countriesOf(actors: { actor: { country: string | null } }[]): string[] {
  const counts = new Map<string, number>();
  for (const a of actors) if (a.actor.country) counts.set(a.actor.country, (counts.get(a.actor.country) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([c]) => c);
}

export const geolocateStep = step({
  name: 'geolocate',
  requires: ['article', 'placeMentions', 'actorMentions'],
  adds: ['geo'],
  run: ({ article, placeMentions, actorMentions }, resources) => ({
    geo: geolocate(placeMentions, resources.gazetteer, { countries: countriesOf(actorMentions), source: article.source }),
  }),
});

export const resolveActorsStep = step({
  name: 'resolve-actors',
  requires: ['analysis', 'actorMentions', 'geo'],
  adds: ['actors'],
  run: ({ analysis, actorMentions, geo }, resources) => ({ actors: resolveActors(actorMentions, analysis, geo.country, resources.actors) }),
});

export const findCasualtiesStep = step({
  name: 'find-casualties',
  requires: ['analysis'],
  adds: ['casualties'],
  run: ({ analysis }, resources) => ({ casualties: findCasualties(analysis, resources.casualtyLexicon) }),
});

export const findAttributionStep = step({
  name: 'find-attribution',
  requires: ['analysis', 'actors'],
  adds: ['attribution'],
  run: ({ analysis, actors }, resources) => ({ attribution: findAttribution(analysis, actors, resources.attributionLexicon) }),
});

export const findTriggersStep = step({
  name: 'find-triggers',
  requires: ['analysis'],
  adds: ['triggers'],
  run: ({ analysis }, resources) => ({ triggers: findTriggers(analysis, resources.eventLexicon) }),
});

export const codeEventsStep = step({
  name: 'code-events',
  requires: ['article', 'options', 'analysis', 'dates', 'geo', 'actors', 'casualties', 'attribution', 'triggers'],
  adds: ['events'],
  run: ({ article, options, analysis, dates, geo, actors, casualties, attribution, triggers }, resources) => {
    const { claims, responsibilities } = attribution;
    return {
      events: codeEvents({
        article, doc: analysis, triggers, actors, claims, responsibilities,
        country: geo.country,
        placeFor: geo.placeFor,
        dateFor: (sentence) => dateForSentence(sentence, dates, article.published),
        casualtiesFor: (sentences) => casualtiesForSentences(sentences, casualties, (sentence) => claims.find((c) => c.sentence === sentence)?.claimant ?? null),
        roleActor: (role, country) => roleActor(role, country, resources.actors),
        includeFlagged: options.includeFlagged,
        lexicons: { relevance: resources.relevanceLexicon, segmentation: resources.segmentationLexicon, contexts: resources.contextLexicon },
      }),
    };
  },
});
