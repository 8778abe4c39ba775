import type { RuleContext } from './context.ts';
import type { EventDraft } from './draft.ts';

/** Where the event happened: the place resolved for its main predicate; its country, else the article's. */
export function locate(draft: EventDraft, context: Pick<RuleContext, 'placeFor' | 'country'>): EventDraft {
  const place = context.placeFor(draft.main.sentence, draft.main.start);
  return { ...draft, place, country: place?.country ?? context.country };
}
