import type { RuleContext } from './context.ts';
import type { EventDraft } from './draft.ts';
import { firstActorIn } from './responsibility.ts';

/**
 * ACLED names the crowd of a protest or riot by its role and keeps the group it came from as the associated
 * actor; the side that faced it (state forces, else the police when someone intervened, else the civilians a mob
 * attacked) is actor2. A peaceful protest has no second side.
 */
export function crowdActors(draft: EventDraft, context: Pick<RuleContext, 'roleActor'>): EventDraft {
  let { actor1, actor2, assoc1 } = draft;
  const { coding, country } = draft;
  // "Police dispersed the protesters": in PLOVER the police act on the crowd (read before ACLED puts the crowd first).
  const stateActsOnCrowd = actor1?.inter === 1 || actor2?.inter === 1;
  if (coding.event_type !== 'Protests' && coding.event_type !== 'Riots') {
    // Most events are no crowd's, with no state forces named: their draft stays as it was.
    return stateActsOnCrowd === draft.stateActsOnCrowd ? draft : { ...draft, stateActsOnCrowd };
  }
  const crowd = context.roleActor(coding.event_type === 'Protests' ? 'protesters' : 'rioters', country);
  // ... unless it is only the crowd itself under another name ("protesters" of a protest that turned into a riot).
  const crowdName = actor1?.kind === 'protesters' || actor1?.kind === 'rioters';
  if (actor1 && actor1.inter !== 1 && !crowdName && actor1.id !== crowd.id && coding.sub_event_type !== 'Mob violence') assoc1 ??= actor1;
  // The crowd is actor1 of its own protest; state forces named first ("Police dispersed protesters") face it.
  if (actor1?.inter === 1 && coding.sub_event_type !== 'Peaceful protest' && (!actor2 || actor2.id === crowd.id)) actor2 = actor1;
  actor1 = crowd;
  if (coding.sub_event_type !== 'Peaceful protest' && !actor2) {
    actor2 = firstActorIn(draft.frame.sentences, draft.participants, (a) => a.actor.inter === 1)?.actor ?? null;
  }
  // Someone intervened: when the report does not say who, it was the police.
  if ((coding.sub_event_type === 'Protest with intervention' || coding.sub_event_type === 'Excessive force against protesters') && !actor2) {
    actor2 = context.roleActor('police', country);
  }
  if (coding.sub_event_type === 'Mob violence' && !actor2) actor2 = context.roleActor('civilians', country);
  // What a peaceful protest is against ("against the military government") is its cause, not an actor of the event.
  if (coding.sub_event_type === 'Peaceful protest' && actor2?.inter !== 6) actor2 = null;
  return { ...draft, actor1, actor2, assoc1, stateActsOnCrowd };
}
