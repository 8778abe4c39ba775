import type { AnalysedText } from '../../text/types.ts';
import { QUAD_OF } from '../plover-quad.ts';
import { nonPoliticalContext, statementOnly, type NotCoded, type RelevanceLexicon } from '../relevance.ts';
import type { TriggerMatch } from '../types.ts';
import type { RuleContext } from './context.ts';
import { sentencesOf, startDraft, type EventDraft, type Frame } from './draft.ts';
import { CROWD_EVENTS } from './frames.ts';

/**
 * Accidents, natural disasters, the business of crime and statements about an event (claims, sanctions) are not
 * ACLED events (docs/relevance.md). A crowd's protest is one whatever it is about.
 */
export function notCodedByAcled(frame: Frame, doc: AnalysedText, triggers: TriggerMatch[], relevance: RelevanceLexicon): NotCoded | null {
  if (frame.main.code.event_type === null || CROWD_EVENTS.has(frame.main.code.event_type)) return null;
  const sentences = sentencesOf(frame, doc);
  return nonPoliticalContext(sentences, frame.main.code.name, relevance) ?? statementOnly(sentences, triggers, relevance);
}

/**
 * Whether a frame is an event at all, and an ACLED one. A statement whose own act is a verbal one in PLOVER
 * ("threatened to attack": THREATEN) is still that PLOVER event, with no ACLED type; accidents, disasters, crime
 * and claims are no event at all (null). Flagged (not asserted) events are not screened.
 */
export function screenFrame(frame: Frame, context: Pick<RuleContext, 'doc' | 'triggers' | 'lexicons'>): EventDraft | null {
  const sentence = context.doc.sentences[frame.main.sentence];
  if (!sentence) return null;
  const notCoded = frame.main.modality === 'asserted' ? notCodedByAcled(frame, context.doc, context.triggers, context.lexicons.relevance) : null;
  if (notCoded && !(notCoded.reason === 'statement' && QUAD_OF[frame.main.code.plover].startsWith('Verbal'))) return null;
  const main = notCoded ? { ...frame.main, code: { ...frame.main.code, event_type: null, sub_event_type: null } } : frame.main;
  return startDraft(frame, main, sentence, notCoded);
}
