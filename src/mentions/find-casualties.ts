import type { AnalysedText, Token } from '../text/types.ts';
import { normalsAt } from '../text/normals-at.ts';
import { type CasualtyLexicon, type Outcome, type PhraseIndex } from './casualty-lexicon.ts';
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
/** What may stand between a determiner and the person noun it introduces: "a 54-year-old village chief". */
const PERSON_MODIFIERS = new Set(['ADJ', 'NUM', 'NOUN', 'PROPN']);
/** What may follow an active "killed" as its object, making the count before it the killer: "2 gunmen killed a ...". */
const OBJECT_STARTS = new Set(['DET', 'NUM', 'PRON']);
/** "toll" says deaths only in casualty context ("death toll", "the toll rose"), never in "toll gate". */
const TOLL = 'toll';
/** The longest phrase of `subset_before` and `joiners` in the lexicon, in words (their comments say so). */
const MAX_PHRASE_BEFORE = 4;

interface Quantity {
  first: number;
  last: number;
  value: number;
  basis: Exclude<CountBasis, 'unknown'>;
  rule: string;
  /** For one person named by a determiner ("the man", "a father"), that determiner. */
  determiner?: string;
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

const OPENERS = new WeakMap<CasualtyLexicon, Set<string>>();

/** The words that may open a count besides figures and hyphenated words: one look-up a token instead of four. */
function openersOf(lexicon: CasualtyLexicon): Set<string> {
  let openers = OPENERS.get(lexicon);
  if (!openers) {
    openers = new Set([...lexicon.quantities.keys(), ...lexicon.numberWords.keys(), ...lexicon.reflexives, ...lexicon.personDeterminers]);
    OPENERS.set(lexicon, openers);
  }
  return openers;
}

/** A count starting at token `i`, if there is one. */
function quantityAt(tokens: Token[], i: number, lexicon: CasualtyLexicon, openers: ReadonlySet<string>): Quantity | null {
  const token = tokens[i]!;
  // Most tokens cannot open a count: one look-up each settles them before any of the checks below.
  const normal = token.normal;
  if (!startsWithDigit(token.text) && !openers.has(normal) && !normal.includes('-')) return null;
  const next = tokens[i + 1];
  const previous = tokens[i - 1];
  // Dates, measures and ages are not people: "9 May", "May 9", "2 km", "10 am", "a 5-year-old", "aged 30".
  if (next && (MONTHS.has(next.normal) || lexicon.notPeople.has(next.normal))) return null;
  if (next?.normal === '-' && tokens[i + 2] && lexicon.notPeople.has(tokens[i + 2]!.normal)) return null;
  if (previous && MONTHS.has(previous.normal)) return null;
  if (isAge(tokens, i, lexicon)) return null;
  // "a father of three", "a mother of five": the children of a person named, not victims.
  if (previous?.normal === 'of' && tokens[i - 2] && lexicon.persons.has(tokens[i - 2]!.lemma || tokens[i - 2]!.normal)) return null;

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

  // "both sides", "twin blasts": these count people only before a person or a verb ("both men", "both died").
  if (lexicon.needsPerson.has(token.normal) && next && !lexicon.persons.has(next.lemma || next.normal)
    && next.pos !== 'VERB' && next.pos !== 'AUX' && next.normal !== 'of') return null;
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

  // "killing himself", "3 guards and himself": the attacker, one person.
  if (lexicon.reflexives.has(token.normal)) return { first: i, last: i, value: 1, basis: 'exact', rule: 'the attacker himself → 1' };
  // "a soldier", "an elderly man", "the 23-year-old soldier", "his wife": one person.
  if (lexicon.personDeterminers.has(token.normal)) {
    const noun = personAfter(tokens, i, lexicon);
    if (noun !== null) return { first: i, last: noun, value: 1, basis: 'exact', rule: `"${token.normal} <person>" → 1`, determiner: token.normal };
  }
  return null;
}

/** The singular person noun a determiner introduces, past adjectives, ages and other nouns ("a young market trader"). */
function personAfter(tokens: Token[], i: number, lexicon: CasualtyLexicon): number | null {
  for (let k = i + 1; k <= i + 6 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (lexicon.persons.has(t.normal)) return k;
    if (!PERSON_MODIFIERS.has(t.pos) && t.normal !== '-') return null;
  }
  return null;
}

/**
 * Whether the number at `i` is an age: after "aged" ("aged 30", "aged 30 and 34"), or set between commas after a
 * name ("Ali Musa, 34, was shot").
 */
function isAge(tokens: Token[], i: number, lexicon: CasualtyLexicon): boolean {
  for (let k = i - 1; k >= i - 4 && k >= 0; k--) {
    const t = tokens[k]!;
    if (lexicon.ageWords.has(t.normal)) return true;
    if (t.pos !== 'NUM' && t.normal !== 'and' && t.normal !== ',' && t.normal !== 'to' && t.normal !== '-') break;
  }
  return tokens[i - 1]?.normal === ',' && tokens[i - 2]?.pos === 'PROPN' && tokens[i + 1]?.normal === ','
    && startsWithDigit(tokens[i]!.text);
}

type Link = { index: number; outcome: Outcome } | null;

/** The phrase of the index written at token `at`, if any. */
function phraseAt(tokens: Token[], at: number, phrases: PhraseIndex): string[] | null {
  const token = tokens[at];
  const candidates = token ? phrases.get(token.normal) : undefined;
  return candidates?.find((words) => normalsAt(tokens, at, words)) ?? null;
}

/** The phrase of the index that ends just before token `at`, if any ("including" in "including three children"). */
function phraseBefore(tokens: Token[], at: number, phrases: PhraseIndex): string[] | null {
  for (let length = 1; length <= MAX_PHRASE_BEFORE; length++) {
    const words = phraseAt(tokens, at - length, phrases);
    if (words && words.length === length) return words;
  }
  return null;
}

/** Whether "toll" at `j` is a death toll ("the death toll", "the toll rose to 30"), not a "toll gate". */
function isDeathToll(tokens: Token[], j: number, lexicon: CasualtyLexicon): boolean {
  const previous = tokens[j - 1];
  const next = tokens[j + 1];
  if (next && (next.pos === 'NOUN' || next.pos === 'PROPN')) return false;
  return (previous !== undefined && lexicon.tollQualifiers.has(previous.normal)) || (next !== undefined && lexicon.tollFollowers.has(next.normal));
}

/** The outcome the token at `j` says, if any. */
function outcomeAt(tokens: Token[], j: number, lexicon: CasualtyLexicon): Outcome | null {
  const token = tokens[j]!;
  const outcome = lexicon.outcomes.get(token.normal);
  if (!outcome) return null;
  return token.normal === TOLL && !isDeathToll(tokens, j, lexicon) ? null : outcome;
}

/**
 * "the death toll from Sunday's bombing rose to 30": a figure after a verb of change ("rose to", "stood at",
 * "reached") belongs to the death toll named earlier in the clause.
 */
function tollBefore(tokens: Token[], q: Quantity, lexicon: CasualtyLexicon): Link {
  let verb = q.first - 1;
  if (tokens[verb]?.normal === 'to' || tokens[verb]?.normal === 'at') verb -= 1;
  if (!tokens[verb] || !lexicon.tollVerbs.has(tokens[verb]!.normal)) return null;
  for (let j = verb - 1; j >= 0 && j >= verb - 20; j--) {
    if (CLAUSE_BREAKS.has(tokens[j]!.normal)) return null;
    if (tokens[j]!.normal === TOLL && isDeathToll(tokens, j, lexicon)) return { index: j, outcome: 'killed' };
  }
  return null;
}

/**
 * Whether the outcome verb at `j` is active with an object after it ("2 gunmen killed a policeman"): the count
 * before it is then the killer, not a victim. "2 soldiers killed in an ambush" and "2 were killed" are victims.
 */
function isAgentOf(tokens: Token[], q: Quantity, j: number, quantities: Map<number, Quantity>, lexicon: CasualtyLexicon): boolean {
  if (!lexicon.agentVerbs.has(tokens[j]!.normal)) return false;
  for (let k = q.last + 1; k < j; k++) if (tokens[k]!.pos === 'AUX') return false;
  const object = tokens[j + 1];
  if (!object) return false;
  return quantities.has(j + 1) || OBJECT_STARTS.has(object.pos) || lexicon.persons.has(object.lemma || object.normal);
}

/** Whether the token looks like a verb: the tagger often reads "wounding" or "abducted" as a noun. */
function looksVerbal(t: Token | undefined): boolean {
  return t !== undefined && t.pos !== 'PROPN' && (t.pos === 'VERB' || /(?:ing|ed)$/.test(t.normal));
}

/** Whether a new predicate starts at `j`: "and wounded 20", ", injuring 4" (not ", aged 30" or ", died"). */
function nextPredicate(tokens: Token[], j: number): boolean {
  const t = tokens[j]!;
  const next = tokens[j + 1];
  if (t.normal === 'and') return looksVerbal(next);
  return t.normal === ',' && next !== undefined && looksVerbal(next) && next.normal.endsWith('ing');
}

/**
 * The outcome word a count belongs to: the nearest one on either side, never past a clause break.
 * A count followed by another verb belongs to that verb ("3 were arrested"), not to an outcome behind it.
 * Counts joined by "and" share the outcome of the last one ("5 soldiers and 1 officer were killed").
 */
function outcomeOf(tokens: Token[], q: Quantity, quantities: Map<number, Quantity>, links: Map<Quantity, Link>, lexicon: CasualtyLexicon): Link {
  const toll = tollBefore(tokens, q, lexicon);
  if (toll) return toll;
  let right: Link = null;
  // Set when the count is the subject of another verb ("3 were arrested", "the bodies of 7 men were found").
  let subjectOfOtherVerb = false;
  let verbSeen = false;
  for (let j = q.last + 1; j <= q.last + RIGHT_WINDOW && j < tokens.length; j++) {
    const t = tokens[j]!;
    const next = quantities.get(j);
    if (next) {
      if (tokens[j - 1]?.normal === 'and' || tokens[j - 1]?.normal === ',') right = links.get(next) ?? null;
      if (right) return right;
      break;
    }
    if (CLAUSE_BREAKS.has(t.normal)) break;
    // "12 civilians including three children": what follows restates part of this count. But "a boy was among
    // those killed": the count is one of the dead.
    const subset = phraseAt(tokens, j, lexicon.subsetBefore);
    if (subset) {
      if (tokens[j - 1]?.pos !== 'AUX') break;
      for (let k = j; k < j + subset.length; k++) {
        const outcome = outcomeAt(tokens, k, lexicon);
        if (outcome) return { index: k, outcome };
      }
      break;
    }
    // "two brothers, aged 30 and 34, were shot dead": the ages stand aside.
    if (lexicon.ageWords.has(t.normal)) {
      while (tokens[j + 1] && (tokens[j + 1]!.pos === 'NUM' || tokens[j + 1]!.normal === 'and' || tokens[j + 1]!.normal === 'to')) j++;
      continue;
    }
    // "killing 3 soldiers and wounding 5", "killing a man, injuring 4": the count is the object of the verb
    // before it, and the next verb is another predicate of the same subject.
    if (!verbSeen && nextPredicate(tokens, j)) break;
    const outcome = outcomeAt(tokens, j, lexicon);
    if (outcome) {
      // "2 gunmen killed a policeman": the count before an active verb is the killer.
      if (!isAgentOf(tokens, q, j, quantities, lexicon)) right = { index: j, outcome };
      break;
    }
    // "3 were arrested": the count is that verb's subject and belongs to no outcome. "3 were shot dead"
    // and "a man was beaten to death" go on to the outcome. A verb further off ("a civilian in X whilst
    // inspecting") only ends the search on this side.
    if (t.pos === 'VERB' && ![j + 1, j + 2].some((n) => n < tokens.length && outcomeAt(tokens, n, lexicon))) {
      const between = tokens.slice(q.last + 1, j);
      subjectOfOtherVerb = between.every((b) => SUBJECT_GAP.has(b.pos));
      break;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX') verbSeen = true;
  }
  let left: Link = null;
  for (let j = q.first - 1; j >= q.first - LEFT_WINDOW && j >= 0; j--) {
    const t = tokens[j]!;
    // "killed 3 soldiers and 2 civilians": the second count is joined to the first, not to "killed".
    // "killed by 15 men": a count after "by" counts the attackers.
    if (quantities.has(j) || CLAUSE_BREAKS.has(t.normal) || t.normal === ',' || t.normal === 'and' || t.normal === 'or' || t.normal === 'by') break;
    const outcome = outcomeAt(tokens, j, lexicon);
    if (outcome) {
      left = { index: j, outcome };
      break;
    }
  }
  // The subject of another verb still counts when the outcome noun it hangs from is named before it:
  // "the bodies of seven men were found".
  if (subjectOfOtherVerb) return left && tokens.slice(left.index + 1, q.first).every((t) => t.normal === 'of' || t.pos === 'DET') ? left : null;
  if (right && left) return right.index - q.last <= q.first - left.index ? right : left;
  return right ?? left;
}

/** A mention spanning the count (from `from` to `to`) and its outcome word, in whichever order they are written. */
function mention(doc: AnalysedText, sentence: number, from: Token, to: Token, outcome: Outcome, count: number, basis: CountBasis, rule: string, word: Token = to): CasualtyMention {
  const start = Math.min(from.start, word.start);
  const end = Math.max(to.end, word.end);
  return { kind: 'casualty', sentence, start, end, text: doc.text.slice(start, end), outcome, count, basis, rule };
}

/**
 * Whether count `q` restates the count before it or part of it: "12 civilians including three children",
 * "25 fighters, 17 of them soldiers". It is then dropped, and lends its outcome to the whole when the whole has
 * none ("30 people, among them five women, died"). A part of another outcome stays ("14 casualties,
 * including 3 deaths").
 */
function restatesPart(tokens: Token[], q: Quantity, whole: Quantity | undefined, links: Map<Quantity, Link>, lexicon: CasualtyLexicon): boolean {
  if (!whole) return false;
  // "the man, a father of three, was stabbed": a description of the person just named, not another victim.
  if (whole.determiner === 'the' && (q.determiner === 'a' || q.determiner === 'an') && q.first === whole.last + 2 && tokens[whole.last + 1]!.normal === ',') return true;
  const part = phraseBefore(tokens, q.first, lexicon.subsetBefore) !== null || phraseAt(tokens, q.last + 1, lexicon.subsetAfter) !== null;
  if (!part) return false;
  const own = links.get(q);
  const wholeLink = links.get(whole);
  if (!wholeLink) {
    if (own) links.set(whole, own);
    return true;
  }
  return !own || own.outcome === wholeLink.outcome;
}

/**
 * "a suicide bomber blew himself up": the attacker's own death, one fatality like any other (ACLED counts every
 * reported death of an event), unless the figure already includes him ("killing five including the bomber").
 */
function attackerDeathIn(tokens: Token[], quantities: Quantity[], lexicon: CasualtyLexicon): { from: Token; to: Token; count: number } | null {
  let death: { from: Token; to: Token; count: number } | null = null;
  for (let j = 0; j < tokens.length; j++) {
    const words = phraseAt(tokens, j, lexicon.attackerDeaths);
    if (words) death ??= { from: tokens[j]!, to: tokens[j + words.length - 1]!, count: 1 };
    // "two suicide bombers blew themselves up": as many as the count just before the attacker word.
    const plural = phraseAt(tokens, j, lexicon.attackersDeaths);
    const attackers = plural ? quantities.find((q) => q.first < j && q.first >= j - 5 && tokens.slice(q.last + 1, j).some((t) => lexicon.attackers.has(t.normal))) : undefined;
    if (plural && attackers) death ??= { from: tokens[attackers.first]!, to: tokens[j + plural.length - 1]!, count: attackers.value };
    const subset = phraseAt(tokens, j, lexicon.subsetBefore);
    if (subset && [1, 2, 3].some((k) => tokens[j + subset.length - 1 + k] && lexicon.attackers.has(tokens[j + subset.length - 1 + k]!.normal))) return null;
  }
  return death;
}

/**
 * Where the second (third, ...) claimant of a sentence starts speaking, as character offsets: "The group claimed
 * to have killed 35 policemen, while officials said 7 died" has two. Halves are cut at a contrast word, and
 * count only when each holds a reporting verb; a sentence with one claimant gives none.
 */
function voiceStarts(tokens: Token[], lexicon: CasualtyLexicon): number[] {
  const starts: number[] = [];
  let reported = false;
  let cut: number | null = null;
  for (const t of tokens) {
    if (lexicon.contrasts.has(t.normal)) {
      if (reported) cut = t.start;
      reported = false;
    } else if (lexicon.reportVerbs.has(t.normal)) {
      // A reporting verb after a cut makes the cut a change of claimant.
      if (cut !== null && !reported) starts.push(cut);
      cut = null;
      reported = true;
    }
  }
  return starts;
}

/** What a word tells the first pass over a sentence (see sentenceKindsOf). */
const OUTCOME = 1;
const CONTRAST = 2;
const ATTACKER_DEATH = 4;

const SENTENCE_KINDS = new WeakMap<CasualtyLexicon, Map<string, number>>();

/**
 * The words that say whether a sentence needs reading (an outcome) and which rarer rules apply to it (a contrast, the
 * first word of an attacker's death), one look-up a token instead of four. A word is one kind only, the first of
 * outcome, contrast, attacker's death it is.
 */
function sentenceKindsOf(lexicon: CasualtyLexicon): Map<string, number> {
  let kinds = SENTENCE_KINDS.get(lexicon);
  if (!kinds) {
    kinds = new Map();
    for (const word of lexicon.attackersDeaths.keys()) kinds.set(word, ATTACKER_DEATH);
    for (const word of lexicon.attackerDeaths.keys()) kinds.set(word, ATTACKER_DEATH);
    for (const word of lexicon.contrasts) kinds.set(word, CONTRAST);
    for (const word of lexicon.outcomes.keys()) kinds.set(word, OUTCOME);
    SENTENCE_KINDS.set(lexicon, kinds);
  }
  return kinds;
}

/**
 * Killed, injured and unspecified casualties with their counts, by the rule in docs/fatalities.md:
 * exact numbers as written, ranges by their lower figure, vague words by the table in
 * data/lexicons/casualties.yaml, one victim for "a man was killed" / "killing him", and an outcome with
 * no count at all ("killing civilians") as count 0 with basis "unknown".
 */
export function findCasualties(doc: AnalysedText, lexicon: CasualtyLexicon): CasualtyMention[] {
  const found: CasualtyMention[] = [];
  const kinds = sentenceKindsOf(lexicon);
  const openers = openersOf(lexicon);
  for (const sentence of doc.sentences) {
    const tokens = sentence.tokens;
    // One pass says whether the sentence needs reading at all, which of the rarer rules can apply to it, and where
    // its outcome words are.
    let seen = 0;
    const outcomeWords: number[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const kind = kinds.get(tokens[k]!.normal) ?? 0;
      seen |= kind;
      if (kind & OUTCOME) outcomeWords.push(k);
    }
    if (!(seen & OUTCOME)) continue;
    const hasContrast = (seen & CONTRAST) !== 0;
    const hasAttackerDeath = (seen & ATTACKER_DEATH) !== 0;
    const firstOfSentence = found.length;

    const quantities: Quantity[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const q = quantityAt(tokens, i, lexicon, openers);
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
      if (links.get(q) || !previous || !link) return;
      // "the commander was killed in an air strike, along with four of his bodyguards": added to the victims.
      if (phraseBefore(tokens, q.first, lexicon.joiners)) {
        links.set(q, link);
        return;
      }
      if (link.index > previous.first) return;
      const between = tokens.slice(previous.last + 1, q.first);
      if (between.length <= 4 && between.some((t) => t.normal === 'and' || t.normal === ',') && !between.some(looksVerbal)) links.set(q, link);
    });
    const kept = quantities.filter((q, k) => !restatesPart(tokens, q, quantities[k - 1], links, lexicon));
    const usedOutcomes = new Set<number>();
    for (const q of kept) {
      const linked = links.get(q);
      if (!linked) continue;
      usedOutcomes.add(linked.index);
      found.push(mention(doc, sentence.index, tokens[q.first]!, tokens[q.last]!, linked.outcome, q.value, q.basis, q.rule, tokens[linked.index]!));
    }
    const attackerDeath = hasAttackerDeath ? attackerDeathIn(tokens, kept, lexicon) : null;
    if (attackerDeath) found.push(mention(doc, sentence.index, attackerDeath.from, attackerDeath.to, 'killed', attackerDeath.count, 'exact', "the attackers' own deaths"));
    for (const j of outcomeWords) {
      const t = tokens[j]!;
      const outcome = outcomeAt(tokens, j, lexicon);
      // "death toll" only announces the figure that follows it.
      if (!outcome || usedOutcomes.has(j) || tokens[j + 1]?.normal === 'toll') continue;
      // "he was killed", "was shot dead", "killing him": one victim.
      const before = [tokens[j - 1], tokens[j - 2]];
      const singular = before.some((b) => b && lexicon.singularVerbs.has(b.normal))
        || (tokens[j + 1] !== undefined && lexicon.singularPronouns.has(tokens[j + 1]!.normal) && /ing$|ed$/.test(t.normal));
      if (singular) {
        found.push(mention(doc, sentence.index, t, t, outcome, 1, 'exact', 'singular victim → 1'));
        continue;
      }
      // An outcome without any count: reported, number unknown.
      if (outcome !== 'casualties' || !found.some((m) => m.sentence === sentence.index)) {
        found.push(mention(doc, sentence.index, t, t, outcome, 0, 'unknown', 'no figure given → 0, flagged'));
      }
    }
    const voices = hasContrast ? voiceStarts(tokens, lexicon) : [];
    if (voices.length > 0) {
      for (const m of found.slice(firstOfSentence)) m.voice = voices.filter((start) => start <= m.start).length;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
