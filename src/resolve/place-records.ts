import type { AnalysedText } from '../text/types.ts';
import type { CountryWord } from '../mentions/types.ts';
import { pointOf, precisionOf, type Geolocation, type ResolvedPlace } from './geolocate.ts';
import type { Gazetteer, PlaceCandidate } from '../gazetteer/open-gazetteer.ts';
import { SYNTHETIC_ID_BASE } from '../gazetteer/build-world.ts';
import { roundDegrees } from '../gazetteer/round-degrees.ts';

/**
 * Every place an article mentions, resolved (`sitrep places`, `GET /articles/:id/places`): the record a geoparser
 * (CLIFF-CLAVIN, Mordecai, the Edinburgh Geoparser) gives, so that sitrep's place resolution can be compared with theirs.
 */
export interface PlaceRecord {
  article_id: string;
  /** Character offsets of the mention in the article text. */
  start: number;
  end: number;
  text: string;
  /** The gazetteer's name of the place. */
  name: string;
  latitude: number | null;
  longitude: number | null;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  admin1: string | null;
  /** GeoNames feature class and code ("P.PPLA", "A.ADM1", "A.PCLI"), or the local layer's kind ("neighbourhood"). */
  feature: string | null;
  /** The GeoNames id, for places that are GeoNames rows. */
  geonameid: number | null;
  /** ACLED's: 1 the place itself, 2 near it or its parent's point, 3 a province or a country. */
  precision: 1 | 2 | 3;
  reason: string;
}

function featureOf(c: PlaceCandidate): string | null {
  switch (c.kind) {
    case 'country': return 'A.PCLI';
    case 'admin1': return 'A.ADM1';
    case 'admin2': return 'A.ADM2';
    case 'populated': return c.featureCode ? `P.${c.featureCode}` : 'P';
    case 'local': return c.localKind;
    default: return c.featureCode;
  }
}

/** A mention's point: a country at its own point, as geoparsers and GeoNames put it, not at its capital (where events
 * known only to their country stand); any other place where events stand. */
function mentionPoint(c: PlaceCandidate, gazetteer: Gazetteer): { lat: number; lon: number; own: boolean } | null {
  const country = c.kind === 'country' && c.countryCode ? gazetteer.countryPoint(c.countryCode) : null;
  return country ? { ...country, own: true } : pointOf(c, gazetteer);
}

function record(articleId: string, span: { start: number; end: number; text: string }, c: PlaceCandidate, reason: string, gazetteer: Gazetteer): PlaceRecord {
  const point = mentionPoint(c, gazetteer);
  return {
    article_id: articleId, start: span.start, end: span.end, text: span.text, name: c.name,
    latitude: point ? roundDegrees(point.lat) : null, longitude: point ? roundDegrees(point.lon) : null,
    country: c.countryCode, admin1: c.kind === 'country' ? null : c.admin1, feature: featureOf(c),
    geonameid: c.kind === 'populated' && c.id < SYNTHETIC_ID_BASE ? c.id : null,
    precision: precisionOf(c, point?.own ?? false), reason,
  };
}

/**
 * The records of an article's resolved places, in text order, and of the demonyms it uses that name no place of
 * their own ("Yemeni forces": Yemen, as a hint of the country), each at its country's point.
 */
export function placeRecords(articleId: string, doc: AnalysedText, geo: Geolocation, countryWords: CountryWord[], gazetteer: Gazetteer): PlaceRecord[] {
  const records = geo.resolved.map((p: ResolvedPlace) => record(articleId, p.mention, p.place, p.reason, gazetteer));
  for (const word of countryWords) {
    if (records.some((r) => r.start < word.end && word.start < r.end)) continue;
    const country = gazetteer.lookup(word.country).find((c) => c.kind === 'country');
    if (!country) continue;
    const text = doc.text.slice(word.start, word.end);
    records.push(record(articleId, { start: word.start, end: word.end, text }, country, `"${text}" names the people of ${country.name}: a hint of the country`, gazetteer));
  }
  return records.sort((a, b) => a.start - b.start || a.end - b.end);
}
