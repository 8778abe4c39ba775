import { assignRoles } from '../assign-roles.ts';
import { isPloverOnly, ploverRoles } from '../plover-frames.ts';
import type { RuleContext } from './context.ts';
import type { EventDraft } from './draft.ts';

/**
 * Who did what to whom, read from the event's own sentence: the ACLED roles, PLOVER's reciprocal actors for a
 * PLOVER-only event, and the two sides of a clash. Sources take part in no event; an accuser in none of its own sentence.
 */
export function assignEventRoles(draft: EventDraft, context: Pick<RuleContext, 'actors' | 'sources' | 'accusers'>): EventDraft {
  const { main, sentence } = draft;
  const participants = context.actors.filter((a) => !context.sources.has(a) && !(a.sentence === main.sentence && context.accusers.has(a)));
  let roles = assignRoles(sentence, main, participants);
  if (isPloverOnly(main.code)) roles = ploverRoles(sentence, main, roles);
  // "A and B clashed": a clash has two sides, both named before the verb.
  if (main.code.sub_event_type === 'Armed clash' && !roles.actor2 && roles.assoc1) roles = { ...roles, actor2: roles.assoc1, assoc1: null };
  return { ...draft, participants, roles };
}
