import type { ActorMention } from '../../mentions/types.ts';
import type { Claim, Responsibility } from '../attribution.ts';
import type { TriggerMatch } from '../types.ts';

/**
 * "..., residents said" or "the OSCE observed ...": a source named after what it reports, or one that only
 * watched, takes no part in it.
 */
export function reportingSources(actors: ActorMention[], claims: Claim[], triggers: TriggerMatch[]): Set<ActorMention> {
  return new Set(actors.filter((a) => claims.some((c) => c.sentence === a.sentence && a.start >= c.start && a.end <= c.end
    && (c.observer || triggers.some((t) => t.sentence === c.sentence && t.end <= c.start)))));
}

/** "The GNA accused Haftar's forces of firing the rockets": the accuser reports; the accused acted. */
export function accusersOf(actors: ActorMention[], responsibilities: Responsibility[]): Set<ActorMention> {
  return new Set(actors.filter((a) => responsibilities.some((r) => r.kind === 'accused' && r.sentence === a.sentence && a.end <= r.start)));
}
