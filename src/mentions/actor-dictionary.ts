import type { ActorKind, InterCode } from './types.ts';

/**
 * CONTRACT (actors helper fills this in): the actor dictionary compiled from data/actors/*.
 * Loaded once per process; lookups are by normalised phrase.
 */
export interface ActorEntry {
  id: string;
  kind: ActorKind;
  inter: InterCode;
  country: string | null;
  /** Names in force over time; the one whose [from, until) covers the event date is used. */
  names: { name: string; from: string | null; until: string | null }[];
  aliases: string[];
}

export interface ActorDictionary {
  entries: Map<string, ActorEntry>;
}

let cached: ActorDictionary | null = null;

export function actorDictionary(): ActorDictionary {
  cached ??= { entries: new Map() };
  return cached;
}
