import type { ActorMention, InterCode, ResolvedActor } from '../../mentions/types.ts';
import type { AnalysedText, Sentence } from '../../text/types.ts';
import type { Roles } from '../assign-roles.ts';
import type { Coding } from '../refine-event-type.ts';
import type { NotCoded } from '../relevance.ts';
import type { EventPlace } from '../../resolve/types.ts';
import type { TriggerMatch } from '../types.ts';

/** One reported event before it is coded: its main predicate and the sentences about it. */
export interface Frame {
  main: TriggerMatch;
  sentences: number[];
  /** Predicates around the event that change its sub-type ("dispersed", "threw stones"). */
  modifiers: TriggerMatch[];
}

/**
 * One event as the rules build it, one decision per step (code-events.ts lists them in order). Each field says
 * which step sets it; before that step it holds the neutral value `startDraft` gives it.
 */
export interface EventDraft {
  frame: Frame;
  /** The frame's main predicate; without an ACLED type when ACLED does not code the event (scope). */
  main: TriggerMatch;
  /** The sentence of the main predicate. */
  sentence: Sentence;
  /** Why ACLED does not code the event, when it is kept as a PLOVER verbal act only (scope). */
  notCoded: NotCoded | null;
  /** The actors that take part in the event: sources and the sentence's accusers left out (roles). */
  participants: ActorMention[];
  /** The words that name each role (roles, responsibility); evidence and confidence point at them. */
  roles: Roles;
  /** Where the event happened and its country, else the article's (place). */
  place: EventPlace | null;
  country: string | null;
  /** The coded actors: first those of `roles` (first reading), then as ACLED names them (crowd, victims). */
  actor1: ResolvedActor | null;
  assoc1: ResolvedActor | null;
  actor2: ResolvedActor | null;
  /** State forces are named in the event's sentences, whatever their role (first reading). */
  stateForcesNamed: boolean;
  /** State forces act on the crowd, read before ACLED puts the crowd first (crowd). */
  stateActsOnCrowd: boolean;
  /** ACLED and PLOVER categories: the lexicon's, then as the actors give them (first reading, refine). */
  coding: Coding;
  /** ACLED interaction codes of the final actors (refine). */
  inter1: InterCode;
  inter2: InterCode;
}

/** The sentences a frame's event is read from, in its order (an index past the document's end names none). */
export function sentencesOf(frame: Frame, doc: AnalysedText): Sentence[] {
  const sentences: Sentence[] = [];
  for (const index of frame.sentences) {
    const sentence = doc.sentences[index];
    if (sentence) sentences.push(sentence);
  }
  return sentences;
}

/** The draft of a frame's event before any rule has decided anything about it. */
export function startDraft(frame: Frame, main: TriggerMatch, sentence: Sentence, notCoded: NotCoded | null): EventDraft {
  const { event_type, sub_event_type, plover, mode } = main.code;
  return {
    frame, main, sentence, notCoded,
    participants: [],
    roles: { actor1: null, assoc1: null, actor2: null, assoc2: null },
    place: null, country: null,
    actor1: null, assoc1: null, actor2: null,
    stateForcesNamed: false, stateActsOnCrowd: false,
    coding: { event_type, sub_event_type, plover, mode },
    inter1: 0, inter2: 0,
  };
}

