import type { AcledEventType, PloverEventType } from './event-schema.ts';

/** How a predicate relates to the events around it; see data/lexicons/event-codes.yaml. */
export type TriggerRole = 'event' | 'outcome' | 'modifier';

/** One entry of the event-code table. */
export interface EventCode {
  name: string;
  /** Null for a PLOVER category with no ACLED counterpart (data/lexicons/plover-triggers.yaml). */
  event_type: AcledEventType | null;
  sub_event_type: string | null;
  plover: PloverEventType;
  mode: string | null;
  weight: number;
  role: TriggerRole;
  /** A weapon or means ("sniper", "small arms"): no event where it is a word of an actor's name ("a regime sniper"). */
  instrument: boolean;
}

/** Whether the text asserts that the event happened. Only asserted events are emitted as facts. */
export type Modality = 'asserted' | 'negated' | 'hypothetical' | 'future';

/** A predicate found in a sentence, with the code it reports. */
export interface TriggerMatch {
  sentence: number;
  /** Token indices [first, last] within the sentence. */
  firstToken: number;
  lastToken: number;
  start: number;
  end: number;
  text: string;
  code: EventCode;
  modality: Modality;
  /** The predicate is in the passive voice ("was detonated", "were killed by"). */
  passive: boolean;
}

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

export interface EventDate {
  date: string | null;
  precision: 1 | 2 | 3 | null;
  span: { start: number; end: number; text: string } | null;
}

export interface EventCasualties {
  fatalities: number;
  injured: number;
  basis: 'exact' | 'vague' | 'unknown' | 'none';
  spans: { start: number; end: number; text: string }[];
}
