import type { RuleContext } from './context.ts';
import type { EventDraft } from './draft.ts';

/**
 * Who attacked whom in political violence. Civilians do not attack: named first ("a man was found dead"), they are
 * the ones attacked. An attack whose perpetrator the report does not name is coded, as ACLED does, to an
 * unidentified armed group; violence against civilians whose victims are not named, to civilians.
 */
export function victimActors(draft: EventDraft, context: Pick<RuleContext, 'roleActor'>): EventDraft {
  const type = draft.coding.event_type;
  const violent = type === 'Violence against civilians' || type === 'Explosions/Remote violence' || type === 'Battles';
  if (!violent) return draft;
  let { actor1, actor2 } = draft;
  if (actor1?.inter === 7 && (!actor2 || actor2.inter === 7)) {
    actor2 = actor1;
    actor1 = null;
  }
  actor1 ??= context.roleActor('unidentified', draft.country);
  if (type === 'Violence against civilians') actor2 ??= context.roleActor('civilians', draft.country);
  return { ...draft, actor1, actor2 };
}
