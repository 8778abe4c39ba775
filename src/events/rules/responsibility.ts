import type { ActorMention } from '../../mentions/types.ts';
import type { RuleContext } from './context.ts';
import type { EventDraft } from './draft.ts';

/** The first actor named in `sentences` (in the article's order) that passes `predicate`. */
export function firstActorIn(sentences: number[], actors: ActorMention[], predicate: (m: ActorMention) => boolean): ActorMention | null {
  return actors.find((a) => sentences.includes(a.sentence) && predicate(a)) ?? null;
}

/**
 * Who the report says did it, when the event's own sentence names no perpetrator (or only a generic militia): a
 * claim of responsibility first, then an accusation, then the first actor a later sentence of the event names.
 */
export function nameResponsible(draft: EventDraft, context: Pick<RuleContext, 'responsibilities'>): EventDraft {
  const { roles, frame, participants } = draft;
  const responsible = ['claimed', 'accused'].map((kind) => context.responsibilities.find((r) => r.kind === kind
    && frame.sentences.includes(r.sentence) && r.actor && r.actor.actor.id !== roles.actor2?.actor.id)?.actor).find(Boolean) ?? null;
  if (roles.actor1 && !(roles.actor1.generic && roles.actor1.actor.inter === 3 && responsible)) return draft;
  const fallback = responsible
    ?? firstActorIn(frame.sentences.slice(1), participants, (a) => !a.loaded && a.actor.id !== roles.actor2?.actor.id);
  return { ...draft, roles: { ...roles, actor1: fallback } };
}
