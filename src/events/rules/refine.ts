import { ploverOfCrowdControl } from '../plover-frames.ts';
import type { EventDraft } from './draft.ts';
import { codingFor, interOf } from './event-type.ts';

/**
 * The event's final categories, read again from the final actors (an attack on state forces now coded to an
 * unidentified armed group is a battle), with PLOVER's reading of police acting on a crowd. An event ACLED does
 * not code keeps no ACLED type.
 */
export function refineCoding(draft: EventDraft): EventDraft {
  const inter1 = interOf(draft.actor1, draft.country);
  const inter2 = interOf(draft.actor2, draft.country);
  const refined = ploverOfCrowdControl(codingFor(draft, inter1, inter2), draft.stateActsOnCrowd);
  const coding = draft.notCoded ? { ...refined, event_type: null, sub_event_type: null } : refined;
  return { ...draft, inter1, inter2, coding };
}
