import type { AnalysedText } from '../text/types.ts';
import type { EventPlace } from '../events/types.ts';
import type { Gazetteer } from './gazetteer/open-gazetteer.ts';

export interface GeolocationHints {
  /** Countries of the actors named in the article (strongest first), for disambiguation. */
  countries: string[];
  /** The reporting outlet, when known. */
  source: string | null;
}

export interface Geolocation {
  /** The article's dominant country (English short name as in ACLED), or null. */
  country: string | null;
  /** The place of an event whose predicate is at `offset` in sentence `sentence`; null when nothing is known. */
  placeFor(sentence: number, offset: number): EventPlace | null;
}

/** CONTRACT (places helper): find place names in the text, resolve them, and say where each event happened. */
export function geolocate(doc: AnalysedText, gazetteer: Gazetteer, hints: GeolocationHints): Geolocation {
  void doc; void gazetteer;
  return { country: hints.countries[0] ?? null, placeFor: () => null };
}
