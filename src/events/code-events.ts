import type { EventPlace } from '../resolve/types.ts';
import type { CodedEvent } from './event-schema.ts';
import { codedEvent } from './rules/coded-event.ts';
import type { EventInputs, RuleContext } from './rules/context.ts';
import type { EventDraft } from './rules/draft.ts';
import { crowdActors } from './rules/crowd.ts';
import { readEventType } from './rules/event-type.ts';
import { frameEvents } from './rules/frames.ts';
import { accusersOf, reportingSources } from './rules/participants.ts';
import { locate } from './rules/place.ts';
import { refineCoding } from './rules/refine.ts';
import { nameResponsible } from './rules/responsibility.ts';
import { assignEventRoles } from './rules/roles.ts';
import { screenFrame } from './rules/scope.ts';
import { victimActors } from './rules/victims.ts';

export type { EventInputs } from './rules/context.ts';

/**
 * The rules every event goes through, in order, one decision each (docs/architecture.md, "Event rules"). Each
 * reads the draft the one before left and returns a new one; a rule may look at the article but never changes it.
 */
const RULES: readonly ((draft: EventDraft, context: RuleContext) => EventDraft)[] = [
  assignEventRoles, // who did what to whom, from the event's own sentence
  nameResponsible, // a perpetrator the sentence does not name: claimed, accused or named later
  locate, // where, and in which country
  readEventType, // the type the named actors give
  crowdActors, // a protest's or riot's crowd first, and the side that faced it
  victimActors, // civilians attacked, an unidentified armed group that attacked
  refineCoding, // the type the final actors give
];

/**
 * `placeFor`, asked once per predicate: framing asks it of a sentence's event and of the event before (the same
 * predicate again when that event goes on), and locating asks it of each event once more. Each answer is a pure
 * function of its two numbers, and resolving a place is not free (a neighbourhood is looked up for it).
 */
function placesAsked(placeFor: EventInputs['placeFor']): EventInputs['placeFor'] {
  const bySentence = new Map<number, Map<number, EventPlace | null>>();
  return (sentence, offset) => {
    let byOffset = bySentence.get(sentence);
    if (!byOffset) bySentence.set(sentence, (byOffset = new Map()));
    let place = byOffset.get(offset);
    if (place === undefined) byOffset.set(offset, (place = placeFor(sentence, offset)));
    return place;
  };
}

/** Turns the mentions of one article into coded events, one per reported event. */
export function codeEvents(inputs: EventInputs): CodedEvent[] {
  const context: RuleContext = {
    ...inputs,
    placeFor: placesAsked(inputs.placeFor),
    sources: reportingSources(inputs.actors, inputs.claims, inputs.triggers),
    accusers: accusersOf(inputs.actors, inputs.responsibilities),
  };
  const events: CodedEvent[] = [];
  for (const frame of frameEvents(context)) {
    let draft = screenFrame(frame, context);
    if (!draft) continue;
    for (const rule of RULES) draft = rule(draft, context);
    events.push(codedEvent(draft, context));
  }
  return events;
}
