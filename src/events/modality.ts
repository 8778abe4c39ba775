import type { Token } from '../text/types.ts';
import type { Modality } from './types.ts';

/**
 * Modality is read from the few words before a predicate, within its clause. These short lists are
 * grammar, not domain vocabulary, so they live here rather than in a data file.
 */
const NEGATORS = new Set(['not', "n't", 'no', 'never', 'nor', 'without', 'denied', 'deny', 'denies', 'neither']);
const HYPOTHETICAL = new Set(['would', 'could', 'might', 'may', 'if', 'threatened', 'threaten', 'threatens', 'warned', 'plan', 'plans', 'planned', 'planning', 'intend', 'intends', 'aim', 'prepare', 'preparing', 'called', 'urged']);
const FUTURE = new Set(['will', "'ll", 'shall', 'tomorrow', 'upcoming']);
const CLAUSE_BREAKS = new Set([',', ';', ':', 'and', 'but', 'after', 'before', 'when', 'while', 'which', 'who', 'that', '(', ')']);
const LOOKBACK = 5;

export function modalityAt(tokens: Token[], index: number): Modality {
  for (let i = index - 1; i >= 0 && i >= index - LOOKBACK; i--) {
    const token = tokens[i];
    if (!token || CLAUSE_BREAKS.has(token.normal)) break;
    if (NEGATORS.has(token.normal)) return 'negated';
    if (FUTURE.has(token.normal)) return 'future';
    if (HYPOTHETICAL.has(token.normal)) return 'hypothetical';
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
