/** What the resolve stage settles for each event: its place, date and casualties. */

/** Where an event happened, as resolved by the geolocation stage. */
export interface EventPlace {
  location: string;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: 1 | 2 | 3;
  reason: string;
  confidence: number;
  /** The words of the text that named the place, when it was named. */
  span: { start: number; end: number; text: string } | null;
  /** The neighbourhood whose outline contains the point, when the gazetteer has outlines there. */
  neighbourhood: string | null;
}

/** When an event happened, as resolved from the dates of its sentence and the article's publication date. */
export interface EventDate {
  date: string | null;
  precision: 1 | 2 | 3 | null;
  span: { start: number; end: number; text: string } | null;
}

/** An event's fatalities and injured, as resolved from the casualty counts of its sentences. */
export interface EventCasualties {
  fatalities: number;
  injured: number;
  basis: 'exact' | 'vague' | 'unknown' | 'none';
  spans: { start: number; end: number; text: string }[];
}
