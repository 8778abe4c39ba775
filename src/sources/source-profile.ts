import { splitJoinedNames } from '../joined-names.ts';
import { outletKey, type Outlet, type OutletIndex } from './outlets.ts';

/**
 * How well an event is sourced, from the outlets of the reports merged into it: how many reports, how many
 * outlets independent of each other, and whether it rests on state media. Pure: the outlet index comes in.
 */

export const SOURCE_AFFILIATIONS = ['state', 'partly-state', 'independent', 'unknown'] as const;
export type SourceAffiliation = (typeof SOURCE_AFFILIATIONS)[number];

export interface SourceProfile {
  /** Reports merged into the event. */
  source_count: number;
  /** Outlets not owned by one another (outlets of one group count once; an unknown outlet counts alone). */
  independent_outlets: number;
  /**
   * `state`: every outlet is state-run or state-affiliated; `partly-state`: some are; `independent`: none is
   * and all are known; `unknown`: none is known to be state media but some outlet is not in data/outlets.yaml.
   */
  source_affiliation: SourceAffiliation;
  /** One report, or reports of one outlet group only. */
  single_source: boolean;
}

const isState = (outlet: Outlet | undefined) => outlet?.ownership === 'state' || outlet?.ownership === 'state-affiliated';

export function sourceProfile(source: string | null, sourceCount: number | undefined, index: OutletIndex): SourceProfile {
  const names = splitJoinedNames(source); // a merged event's outlets, "A; B"
  const known = names.map((name) => index.get(outletKey(name)));
  const groups = new Set(names.map((name, i) => known[i]?.group ?? known[i]?.name ?? name));
  const state = known.filter(isState).length;
  const affiliation: SourceAffiliation = names.length === 0 ? 'unknown'
    : state === names.length ? 'state'
      : state > 0 ? 'partly-state'
        : known.every(Boolean) ? 'independent' : 'unknown';
  const count = Math.max(sourceCount ?? 1, 1);
  return {
    source_count: count,
    independent_outlets: groups.size,
    source_affiliation: affiliation,
    single_source: count === 1 || groups.size <= 1,
  };
}
