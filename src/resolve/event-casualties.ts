import type { EventCasualties } from './types.ts';
import type { CasualtyMention } from '../mentions/types.ts';

/** The mentions of one outcome that give a count (exact or vague). */
function counted(mentions: CasualtyMention[], outcome: CasualtyMention['outcome']): CasualtyMention[] {
  return mentions.filter((m) => m.outcome === outcome && m.basis !== 'unknown');
}

/**
 * Within a claimant the largest statement total; across claimants the lowest (see casualtiesForSentences).
 * A statement is a sentence, or one of its halves when it quotes two claimants (`voice`).
 */
function claimedTotal(list: CasualtyMention[], claimantOf: (sentence: number) => string | null): number {
  // Most events give one figure or none: it is its own total.
  if (list.length <= 1) return list[0]?.count ?? 0;
  const byStatement = new Map<string, { claimant: string; total: number }>();
  for (const m of list) {
    const key = `${m.sentence}:${m.voice ?? 0}`;
    const statement = byStatement.get(key) ?? { claimant: m.voice ? key : claimantOf(m.sentence) ?? '', total: 0 };
    statement.total += m.count;
    byStatement.set(key, statement);
  }
  const byClaimant = new Map<string, number>();
  for (const { claimant, total } of byStatement.values()) byClaimant.set(claimant, Math.max(byClaimant.get(claimant) ?? 0, total));
  return byClaimant.size === 0 ? 0 : Math.min(...byClaimant.values());
}

/**
 * Fatalities and injured of one event from the casualty mentions of the sentences that report it.
 * - Within a sentence, killed counts add up ("3 soldiers and 2 civilians were killed" → 5); across the
 *   sentences of one event the largest sentence total is kept, because reports restate their figures
 *   ("Three officers died. 3 fatalities."). Injured are counted apart, the same way.
 * - "Casualties" (killed or wounded, unsplit) are not deaths: without a killed figure, fatalities stay 0 with
 *   basis "unknown" (deaths may be among them, their number is not given), and the casualty words stay in the
 *   evidence. "No casualties" gives 0 with basis "exact".
 * - When the sentences giving figures have different claimants ("Al-Shabaab claimed to have killed seven
 *   soldiers. A military officer said two were killed."), the sources disagree and the lowest figure is kept,
 *   ACLED's most conservative estimate; the figures of one claimant (or of the report itself) restate each other.
 * - Deaths reported without a figure give 0 with basis "unknown"; no deaths reported gives 0 with basis "none".
 */
export function casualtiesForSentences(
  sentences: number[],
  mentions: CasualtyMention[],
  claimantOf: (sentence: number) => string | null = () => null,
): EventCasualties {
  const own = mentions.filter((m) => sentences.includes(m.sentence));
  const deaths = counted(own, 'killed');
  const injured = counted(own, 'injured');
  const spans = [...deaths, ...injured].map(({ start, end, text }) => ({ start, end, text }));
  if (deaths.length > 0) {
    return { fatalities: claimedTotal(deaths, claimantOf), injured: claimedTotal(injured, claimantOf), basis: deaths.some((m) => m.basis === 'vague') ? 'vague' : 'exact', spans };
  }
  // Deaths with no figure, and casualties of any number but "none": some may have died, how many is not said.
  const unknown = own.filter((m) => (m.outcome === 'killed' && m.basis === 'unknown') || (m.outcome === 'casualties' && (m.count > 0 || m.basis === 'unknown')));
  const noCasualties = own.filter((m) => m.outcome === 'casualties' && m.count === 0 && m.basis === 'exact');
  const basis = unknown.length > 0 ? 'unknown' : noCasualties.length > 0 ? 'exact' : 'none';
  return {
    fatalities: 0,
    injured: claimedTotal(injured, claimantOf),
    basis,
    spans: [...spans, ...[...unknown, ...noCasualties].map(({ start, end, text }) => ({ start, end, text }))],
  };
}
