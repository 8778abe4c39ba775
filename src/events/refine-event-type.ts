import type { InterCode } from '../mentions/types.ts';
import type { EventCode } from './types.ts';

export interface Coding {
  event_type: EventCode['event_type'];
  sub_event_type: EventCode['sub_event_type'];
  plover: EventCode['plover'];
  mode: string | null;
}

const ARMED: ReadonlySet<InterCode> = new Set<InterCode>([1, 2, 3, 4, 8]);
const CROWD: ReadonlySet<InterCode> = new Set<InterCode>([5, 6]);

/**
 * ACLED sub-types that depend on who acts on whom. The lexicon says what kind of act a predicate
 * reports; these rules settle the ACLED category from the actors' types:
 * - an attack on an armed actor is a battle; on civilians (or on no named armed actor) violence against civilians;
 *   by a crowd, mob violence; an attack the words say was on a civilian place or people stays violence against
 *   civilians whoever else is named;
 * - territory taken by state forces is "Government regains territory", by anyone else "Non-state actor overtakes territory";
 * - a clash in which a crowd takes part is a violent demonstration.
 */
export function refineEventType(code: EventCode, inter1: InterCode, inter2: InterCode): Coding {
  const base: Coding = { event_type: code.event_type, sub_event_type: code.sub_event_type, plover: code.plover, mode: code.mode };
  switch (code.name) {
    case 'attack':
    case 'beating':
    case 'killing':
    case 'injury':
      if (CROWD.has(inter1)) return { ...base, event_type: 'Riots', sub_event_type: 'Mob violence' };
      if (ARMED.has(inter1) && ARMED.has(inter2)) return { ...base, event_type: 'Battles', sub_event_type: 'Armed clash' };
      return base;
    case 'attack_on_civilians':
      return CROWD.has(inter1) ? { ...base, event_type: 'Riots', sub_event_type: 'Mob violence' } : base;
    case 'territory':
      return inter1 === 1 || inter1 === 8 || inter1 === 0
        ? base
        : { ...base, sub_event_type: 'Non-state actor overtakes territory' };
    case 'armed_clash':
    case 'armed_assault':
      if (CROWD.has(inter1) || CROWD.has(inter2)) return { ...base, event_type: 'Riots', sub_event_type: 'Violent demonstration', plover: 'PROTEST', mode: 'riot' };
      return base;
    default:
      return base;
  }
}
