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
