import type { AnalysedText } from '../text/types.ts';
import type { CasualtyMention } from './types.ts';

/** Killed / injured counts, exact or vague, by the rule in docs/fatalities.md. */
export function findCasualties(doc: AnalysedText): CasualtyMention[] {
  void doc;
  return [];
}
