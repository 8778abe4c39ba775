import type { AnalysedText } from '../text/types.ts';
import type { ActorDictionary } from './actor-dictionary.ts';
import type { ActorMention } from './types.ts';

export interface FindActorsOptions {
  /** The event/article date (YYYY-MM-DD) that picks time-bounded names; null = latest name. */
  date: string | null;
}

/** CONTRACT (actors helper): named and generic actors and loaded words, with offsets, in text order. */
export function findActors(doc: AnalysedText, dictionary: ActorDictionary, options: FindActorsOptions): ActorMention[] {
  void doc; void dictionary; void options;
  return [];
}
