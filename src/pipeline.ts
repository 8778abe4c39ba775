import type { Article } from './ingest/types.ts';
import type { CodedEvent } from './events/event-schema.ts';
import { analyseText } from './text/analyse-text.ts';
import { findTriggers } from './events/find-triggers.ts';
import { eventLexicon } from './events/event-lexicon.ts';
import { codeEvents } from './events/code-events.ts';
import type { ResolvedActor } from './mentions/types.ts';

const ROLE: Record<string, [string, ResolvedActor['kind'], ResolvedActor['inter']]> = {
  protesters: ['Protesters', 'protesters', 6], rioters: ['Rioters', 'rioters', 5], civilians: ['Civilians', 'civilians', 7], unidentified: ['Unidentified Armed Group', 'political_militia', 3],
};

/** Codes one article into events: text → mentions → events → resolve. */
export function codeArticle(article: Article): CodedEvent[] {
  const doc = analyseText(article.text);
  const triggers = findTriggers(doc, eventLexicon());
  return codeEvents({
    article, doc, triggers, actors: [], claims: [], country: null,
    placeFor: () => null,
    dateFor: () => ({ date: null, precision: null, span: null }),
    casualtiesFor: () => ({ fatalities: 0, injured: 0, basis: 'unknown', spans: [] }),
    roleActor: (role, country) => {
      const [name, kind, inter] = ROLE[role]!;
      return { id: `${role}:${country ?? ''}`, name: country ? `${name} (${country})` : name, kind, inter, country };
    },
  });
}
