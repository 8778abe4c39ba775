import type { AnalysedText } from '../text/types.ts';
import type { ActorMention, ResolvedActor } from '../mentions/types.ts';

/**
 * CONTRACT (actors helper): settle what the text alone could not.
 * - generic actors without a country ("police") take the article's country: "Police Forces of Syria (2000-)";
 * - loaded words ("terrorists") become the actor the article refers to, or a generic role; never a name.
 */
export function resolveActors(mentions: ActorMention[], doc: AnalysedText, country: string | null): ActorMention[] {
  void doc; void country;
  return mentions;
}

const ROLE: Record<string, [string, ResolvedActor['kind'], ResolvedActor['inter']]> = {
  protesters: ['Protesters', 'protesters', 6],
  rioters: ['Rioters', 'rioters', 5],
  civilians: ['Civilians', 'civilians', 7],
  unidentified: ['Unidentified Armed Group', 'political_militia', 3],
};

/** An actor known only by its role in the event, e.g. "Protesters (Yemen)". */
export function roleActor(role: 'protesters' | 'rioters' | 'civilians' | 'unidentified', country: string | null): ResolvedActor {
  const [name, kind, inter] = ROLE[role]!;
  return { id: `${role}:${country ?? ''}`, name: country ? `${name} (${country})` : name, kind, inter, country };
}
