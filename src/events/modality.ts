import type { Token } from '../text/types.ts';
import type { Modality } from './types.ts';

/**
 * Modality is read from the few words before a predicate, within its clause. These short lists are
 * grammar, not domain vocabulary, so they live here rather than in a data file.
 */
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nor', 'without', 'denied', 'deny', 'denies', 'neither']);
/** "In anticipation of protests", "fears of an offensive": events expected, not reported. */
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'if', 'threatened', 'threaten', 'threatens', 'warned', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'aim', 'prepare', 'preparing', 'called', 'urged',
  'anticipation', 'anticipating', 'fears', 'feared']);
/**
 * "A possible attack", "an imminent Taliban offensive": adjectives that make the noun they stand before a thing
 * expected. Read only just before the predicate ("potential explosives were intercepted" reports an interception).
 */
const EXPECTED = new Set(['possible', 'potential', 'imminent']);
const EXPECTED_REACH = 2;
/**
 * Verbs whose object has not happened: what is demanded, offered, promised or refused ("demanded the
 * release", "refused to withdraw"). Only read before a predicate: after a noun predicate they say what the
 * event was for ("a march to demand ...").
 */
const IRREALIS_FRAMES = new Set(['must', 'should', 'swore', 'sworn', 'prepared', 'ready', 'demand', 'demands', 'demanded', 'demanding', 'urge', 'urges', 'urging', 'ask', 'asks', 'asked', 'asking', 'request', 'requested',
  'appeal', 'appealed', 'offer', 'offered', 'offers', 'promise', 'promised', 'promises', 'pledge', 'pledged', 'vow', 'vowed', 'vows',
  'refuse', 'refused', 'refuses', 'reject', 'rejected', 'rejects', 'warn', 'warns', 'warning', 'threatening', 'willing']);
const FUTURE = new Set(['will', "'ll", 'shall', 'tomorrow', 'upcoming']);
const CLAUSE_BREAKS = new Set([',', ';', ':', 'and', 'but', 'after', 'before', 'when', 'while', 'which', 'who', 'that', '(', ')']);
const LOOKBACK = 5;

const LOOKAHEAD = 3;

function modalityOf(token: Token, framing = false): Modality | null {
  if (NEGATORS.has(token.normal)) return 'negated';
  if (FUTURE.has(token.normal)) return 'future';
  if (HYPOTHETICAL.has(token.normal) || (framing && IRREALIS_FRAMES.has(token.normal))) return 'hypothetical';
  return null;
}

export function modalityAt(tokens: Token[], index: number): Modality {
  // A noun predicate that is the subject ("Protesters will march", "Clashes did not resume") takes the
  // modality of the verb group that follows it.
  if (tokens[index]?.pos === 'NOUN' || tokens[index]?.pos === 'PROPN') {
    for (let i = index + 1; i < tokens.length && i <= index + LOOKAHEAD; i++) {
      const token = tokens[i]!;
      const found = modalityOf(token);
      if (found) return found;
      if (token.pos !== 'AUX' && token.pos !== 'PART' && token.pos !== 'ADV') break;
    }
  }
  for (let i = index - 1; i >= 0 && i >= index - LOOKBACK; i--) {
    const token = tokens[i];
    if (!token || CLAUSE_BREAKS.has(token.normal)) break;
    // "On 12 May teachers marched": a capitalised "May" inside a sentence is the month.
    if (token.text === 'May' && i > 0) continue;
    const found = modalityOf(token, true);
    if (found) return found;
    if (i >= index - EXPECTED_REACH && EXPECTED.has(token.normal)) return 'hypothetical';
  }
  return 'asserted';
}

const BE_FORMS = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);

/** "was detonated", "were reportedly killed": a form of "be" shortly before a verb. */
export function isPassiveAt(tokens: Token[], index: number): boolean {
  const predicate = tokens[index];
  if (!predicate || !/(ed|en|wn|t)$/.test(predicate.normal)) return false;
  for (let i = index - 1; i >= 0 && i >= index - 3; i--) {
    const token = tokens[i];
    if (!token) break;
    if (BE_FORMS.has(token.normal)) return true;
    if (token.pos !== 'ADV') break;
  }
  return false;
}
