import type { AnalysedText, Token } from '../text/types.ts';
import { normalsAt } from '../text/normals-at.ts';
import { casualtyLexicon, type CasualtyLexicon, type Outcome } from './casualty-lexicon.ts';
import type { CasualtyMention, CountBasis } from './types.ts';

/** How far a count may stand from the word that says what happened ("3 people were reportedly killed"). */
const RIGHT_WINDOW = 10;
const LEFT_WINDOW = 4;
/** Bigger figures are not casualty counts of one event ("1e309 killed", phone numbers, years). */
const MAX_COUNT = 1_000_000;

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
const CLAUSE_BREAKS = new Set([';', ':', '.', '(', ')']);
/** What may stand between a count and the verb it is the subject of: "3 Taliban militants were reportedly arrested". */
const SUBJECT_GAP = new Set(['NOUN', 'PROPN', 'ADJ', 'AUX', 'ADV', 'PART', 'NUM']);

interface Quantity {
  first: number;
  last: number;
  value: number;
  basis: Exclude<CountBasis, 'unknown'>;
  rule: string;
}

/** Whether the text opens with a digit: nothing else can be a figure. */
function startsWithDigit(text: string): boolean {
  const code = text.charCodeAt(0);
  return code >= 48 && code <= 57;
}

function digitValue(text: string): number | null {
  if (!startsWithDigit(text) || !/^\d{1,3}(?:,\d{3})+$|^\d+$/.test(text)) return null;
  const value = Number(text.replace(/,/g, ''));
  return Number.isSafeInteger(value) && value <= MAX_COUNT ? value : null;
}

function wordNumber(normal: string, lexicon: CasualtyLexicon): number | null {
  if (!normal.includes('-')) return lexicon.numberWords.get(normal) ?? null;
  // "twenty-five" arrives as one token; each part must be a written number.
  let total = 0;
  for (const part of normal.split('-')) {
    const value = lexicon.numberWords.get(part);
    if (value === undefined) return null;
    total += value;
  }
  return total;
}

const NO_QUANTITIES: readonly { words: string[]; value: number; vague: boolean }[] = [];

/** A count starting at token `i`, if there is one. */
function quantityAt(tokens: Token[], i: number, lexicon: CasualtyLexicon): Quantity | null {
  const token = tokens[i]!;
  const next = tokens[i + 1];
  const previous = tokens[i - 1];
  // Dates and measures are not people: "9 May", "May 9", "2 km", "10 am".
  if (next && (MONTHS.has(next.normal) || lexicon.notPeople.has(next.normal))) return null;
  if (previous && MONTHS.has(previous.normal)) return null;

  const digits = digitValue(token.text);
  // "1e309", "3x": digits glued to letters are not a count the tokenizer happened to split off.
  const glued = next !== undefined && next.start === token.end && /^[a-z]/i.test(next.text);
  if (digits !== null && !glued) {
    if (digits >= 1900 && digits <= 2100 && !token.text.includes(',')) return null; // a year
    // Ranges count their lower end: the most conservative figure.
    const joiner = tokens[i + 1];
    const upper = tokens[i + 2];
    if (joiner && upper && (joiner.normal === '-' || joiner.normal === 'to' || joiner.normal === 'and') && digitValue(upper.text) !== null) {
      return { first: i, last: i + 2, value: Math.min(digits, digitValue(upper.text)!), basis: 'exact', rule: 'range: lower figure' };
    }
    return { first: i, last: i, value: digits, basis: 'exact', rule: 'number' };
  }
  const range = startsWithDigit(token.text) ? /^(\d+)[-–](\d+)$/.exec(token.text) : null;
  if (range) {
    return { first: i, last: i, value: Math.min(Number(range[1]), Number(range[2])), basis: 'exact', rule: 'range: lower figure' };
  }

  for (const phrase of lexicon.quantities.get(token.normal) ?? NO_QUANTITIES) {
    if (!normalsAt(tokens, i, phrase.words)) continue;
    const last = i + phrase.words.length - 1;
    const after = tokens[last + 1];
    if (phrase.vague) {
      // "some 30 people", "several hundred": the number that follows says more than the vague word.
      if (after && (digitValue(after.text) !== null || wordNumber(after.normal, lexicon) !== null)) return null;
      return { first: i, last, value: phrase.value, basis: 'vague', rule: `"${phrase.words.join(' ')}" → ${phrase.value}` };
    }
    let value = phrase.value;
    let end = last;
    // "twenty five", "twenty-five" (split by the tokenizer), "two hundred"
    const hyphen = tokens[end + 1]?.normal === '-' ? 1 : 0;
    const nextWord = tokens[end + 1 + hyphen];
    const following = nextWord ? wordNumber(nextWord.normal, lexicon) : null;
    if (following !== null && following > 0) {
      value = following >= 100 ? value * following : value + following;
      end += 1 + hyphen;
    }
    return { first: i, last: end, value, basis: 'exact', rule: 'number' };
  }
  const words = wordNumber(token.normal, lexicon);
  if (words !== null) return { first: i, last: i, value: words, basis: 'exact', rule: 'number' };

  // "a soldier", "an elderly man", "a taxi bike driver": one person.
  if (token.normal === 'a' || token.normal === 'an') {
    const noun = [tokens[i + 1], tokens[i + 2], tokens[i + 3]].find((t) => t && lexicon.persons.has(t.lemma || t.normal));
    if (noun) return { first: i, last: i, value: 1, basis: 'exact', rule: '"a/an <person>" → 1' };
  }
  return null;
}

type Link = { index: number; outcome: Outcome } | null;

/**
 * The outcome word a count belongs to: the nearest one on either side, never past a clause break.
 * A count followed by another verb belongs to that verb ("3 were arrested"), not to an outcome behind it.
 * Counts joined by "and" share the outcome of the last one ("5 soldiers and 1 officer were killed").
 */
function outcomeOf(tokens: Token[], q: Quantity, quantities: Map<number, Quantity>, links: Map<Quantity, Link>, lexicon: CasualtyLexicon): Link {
  let right: Link = null;
  for (let j = q.last + 1; j <= q.last + RIGHT_WINDOW && j < tokens.length; j++) {
    const t = tokens[j]!;
    const next = quantities.get(j);
    if (next) {
      if (tokens[j - 1]?.normal === 'and' || tokens[j - 1]?.normal === ',') right = links.get(next) ?? null;
      if (right) return right;
      break;
    }
    if (CLAUSE_BREAKS.has(t.normal)) break;
    const outcome = lexicon.outcomes.get(t.normal);
    if (outcome) {
      right = { index: j, outcome };
      break;
    }
    // "3 were arrested": the count is that verb's subject and belongs to no outcome. "3 were shot dead"
    // and "a man was beaten to death" go on to the outcome. A verb further off ("a civilian in X whilst
    // inspecting") only ends the search on this side.
    if (t.pos === 'VERB' && ![tokens[j + 1], tokens[j + 2]].some((n) => n && lexicon.outcomes.has(n.normal))) {
      const between = tokens.slice(q.last + 1, j);
      if (between.every((b) => SUBJECT_GAP.has(b.pos))) return null;
      break;
    }
  }
  let left: Link = null;
  for (let j = q.first - 1; j >= q.first - LEFT_WINDOW && j >= 0; j--) {
    const t = tokens[j]!;
    // "killed 3 soldiers and 2 civilians": the second count is joined to the first, not to "killed".
    // "killed by 15 men": a count after "by" counts the attackers.
    if (quantities.has(j) || CLAUSE_BREAKS.has(t.normal) || t.normal === ',' || t.normal === 'and' || t.normal === 'or' || t.normal === 'by') break;
    const outcome = lexicon.outcomes.get(t.normal);
    if (outcome) {
      left = { index: j, outcome };
      break;
    }
  }
  if (right && left) return right.index - q.last <= q.first - left.index ? right : left;
  return right ?? left;
}

function mention(doc: AnalysedText, sentence: number, from: Token, to: Token, outcome: Outcome, count: number, basis: CountBasis, rule: string): CasualtyMention {
  const start = Math.min(from.start, to.start);
  const end = Math.max(from.end, to.end);
  return { kind: 'casualty', sentence, start, end, text: doc.text.slice(start, end), outcome, count, basis, rule };
}

/**
 * Killed, injured and unspecified casualties with their counts, by the rule in docs/fatalities.md:
 * exact numbers as written, ranges by their lower figure, vague words by the table in
 * data/lexicons/casualties.yaml, one victim for "a man was killed" / "killing him", and an outcome with
 * no count at all ("killing civilians") as count 0 with basis "unknown".
 */
export function findCasualties(doc: AnalysedText, lexicon: CasualtyLexicon = casualtyLexicon()): CasualtyMention[] {
  const found: CasualtyMention[] = [];
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    if (!tokens.some((t) => lexicon.outcomes.has(t.normal))) continue;

    const quantities: Quantity[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const q = quantityAt(tokens, i, lexicon);
      if (q) {
        quantities.push(q);
        i = q.last;
      }
    }
    const byStart = new Map(quantities.map((q) => [q.first, q]));
    const links = new Map<Quantity, Link>();
    // Right to left, so that a count can borrow the outcome of the count it is joined to.
    for (const q of [...quantities].reverse()) links.set(q, outcomeOf(tokens, q, byStart, links, lexicon));
    // "killing 3 soldiers and 2 civilians": a count after "and" shares the outcome that came before the first.
    quantities.forEach((q, k) => {
      const previous = quantities[k - 1];
      const link = previous ? links.get(previous) : null;
      if (links.get(q) || !previous || !link || link.index > previous.first) return;
      const between = tokens.slice(previous.last + 1, q.first);
      if (between.length <= 4 && between.some((t) => t.normal === 'and' || t.normal === ',') && !between.some((t) => t.pos === 'VERB')) links.set(q, link);
    });
    const usedOutcomes = new Set<number>();
    for (const q of quantities) {
      const linked = links.get(q);
      if (!linked) continue;
      usedOutcomes.add(linked.index);
      found.push(mention(doc, sentence.index, tokens[q.first]!, tokens[linked.index]!, linked.outcome, q.value, q.basis, q.rule));
    }
    tokens.forEach((t, j) => {
      const outcome = lexicon.outcomes.get(t.normal);
      // "death toll" only announces the figure that follows it.
      if (!outcome || usedOutcomes.has(j) || tokens[j + 1]?.normal === 'toll') return;
      // "he was killed", "was shot dead", "killing him": one victim.
      const before = [tokens[j - 1], tokens[j - 2]];
      const singular = before.some((b) => b && lexicon.singularVerbs.has(b.normal))
        || (tokens[j + 1] !== undefined && lexicon.singularPronouns.has(tokens[j + 1]!.normal) && /ing$|ed$/.test(t.normal));
      if (singular) {
        found.push(mention(doc, sentence.index, t, t, outcome, 1, 'exact', 'singular victim → 1'));
        return;
      }
      // An outcome without any count: reported, number unknown.
      if (outcome !== 'casualties' || !found.some((m) => m.sentence === sentence.index)) {
        found.push(mention(doc, sentence.index, t, t, outcome, 0, 'unknown', 'no figure given → 0, flagged'));
      }
    });
  }
  return found.sort((a, b) => a.start - b.start);
}
