import assert from 'node:assert/strict';
import { analyseText } from '../../src/text/analyse-text.ts';
import { openGazetteer } from '../../src/gazetteer/open-gazetteer.ts';
import { findPlaces } from '../../src/mentions/find-places.ts';
import { loadPlaceWords } from '../../src/mentions/place-words.ts';
import { geolocate } from '../../src/resolve/geolocate.ts';
import type { EventPlace } from '../../src/resolve/types.ts';

/** The installation's gazetteer (world base + local layer), built on first use. */
export const gazetteer = openGazetteer();
export const placeWords = loadPlaceWords();

/** The place geolocation gives the event whose predicate is the first `predicate` in `text` (the shipped gazetteer). */
export function placeOf(text: string, predicate: string, countries: string[] = []): EventPlace | null {
  const doc = analyseText(text);
  const offset = text.indexOf(predicate);
  assert.ok(offset >= 0, `"${predicate}" is in the text`);
  const sentence = doc.sentences.find((s) => s.start <= offset && offset < s.end)!;
  return geolocate(findPlaces(doc, gazetteer, placeWords), gazetteer, { countries, source: null }).placeFor(sentence.index, offset);
}
