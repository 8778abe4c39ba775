import type { InterCode, ResolvedActor } from '../../mentions/types.ts';
import { refineEventType, type Coding } from '../refine-event-type.ts';
import type { RuleContext } from './context.ts';
import type { EventDraft, Frame } from './draft.ts';
import { firstActorIn } from './responsibility.ts';

/** Modifiers reported around a protest change its sub-type: dispersed → intervention, stones → riot. */
export function applyModifiers(coding: Coding, frame: Frame, stateForcesNamed: boolean): Coding {
  if (coding.event_type !== 'Protests') return coding;
  const names = new Set(frame.modifiers.map((m) => m.code.name));
  if (names.has('riot_act') || names.has('riot')) return { ...coding, event_type: 'Riots', sub_event_type: 'Violent demonstration', mode: 'riot' };
  // "Violently dispersed", "live ammunition" say the force was excessive whoever is named; protesters killed or
  // fired on say so only when state forces are named (not when gunmen fired on a march).
  if (names.has('excessive_force') || (names.has('force_on_protesters') && stateForcesNamed)) {
    return { ...coding, sub_event_type: 'Excessive force against protesters' };
  }
  // Arrests at a protest are an intervention whoever is named; other police actions only when state forces are.
  const policeActed = names.has('arrest') || (stateForcesNamed && names.has('protest_police_action'));
  if (names.has('protest_intervention') || policeActed) return { ...coding, sub_event_type: 'Protest with intervention' };
  return coding;
}

/** State forces acting outside their own country are "external" in ACLED's interaction codes. */
export function interOf(actor: ResolvedActor | null, eventCountry: string | null): InterCode {
  if (!actor) return 0;
  if (actor.inter === 1 && actor.country && eventCountry && actor.country !== eventCountry) return 8;
  return actor.inter;
}

/** The event's categories as its actors' types and the modifiers around it give them. */
export function codingFor(draft: EventDraft, inter1: InterCode, inter2: InterCode): Coding {
  return applyModifiers(refineEventType(draft.main.code, inter1, inter2), draft.frame, draft.stateForcesNamed);
}

/**
 * The first reading of the event's type, from the actors its words name in each role. The crowd and victim
 * rules decide from it; `refineCoding` reads the type again once they have named the final actors.
 */
export function readEventType(draft: EventDraft, context: Pick<RuleContext, 'actors'>): EventDraft {
  const actor1 = draft.roles.actor1?.actor ?? null;
  const actor2 = draft.roles.actor2?.actor ?? null;
  // Any actor of the event's sentences counts, a source too: police who only report a protest were still there.
  const stateForcesNamed = firstActorIn(draft.frame.sentences, context.actors, (a) => a.actor.inter === 1) !== null;
  const coding = applyModifiers(refineEventType(draft.main.code, interOf(actor1, draft.country), interOf(actor2, draft.country)), draft.frame, stateForcesNamed);
  return { ...draft, actor1, actor2, assoc1: draft.roles.assoc1?.actor ?? null, stateForcesNamed, coding };
}
