import type { ActorMention } from '../mentions/types.ts';
import type { AnalysedText, Token } from '../text/types.ts';

/** Who, inside the text, says that something happened ("Army reports later said ..."). */
export interface Claim {
  sentence: number;
  /** The claimant's normalised name when it is a known actor, else the words of the text, else "unnamed sources". */
  claimant: string;
  start: number;
  end: number;
  text: string;
}

const REPORTING_VERBS = new Set(['say', 'said', 'says', 'report', 'reported', 'reports', 'claim', 'claimed', 'claims',
  'announce', 'announced', 'state', 'stated', 'confirm', 'confirmed', 'allege', 'alleged', 'add', 'added', 'told', 'tell']);
/** Nouns that stand for a report rather than for the one who reports. */
const UNNAMED = new Set(['reports', 'report', 'sources', 'source', 'media', 'officials', 'witnesses', 'residents', 'it', 'they', 'he', 'she']);
const NOUN_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PART']);
const MAX_NP = 6;

function actorWithin(actors: ActorMention[], start: number, end: number): ActorMention | undefined {
  return actors.find((a) => a.start >= start && a.end <= end);
}

/** The noun phrase that ends right before token `index` (the subject of a reporting verb). */
function subjectBefore(tokens: Token[], index: number): Token[] {
  let i = index - 1;
  while (i >= 0 && tokens[i]?.pos === 'ADV') i--; // "Army reports later said"
  const phrase: Token[] = [];
  for (; i >= 0 && phrase.length < MAX_NP; i--) {
    const token = tokens[i];
    if (!token || !NOUN_TAGS.has(token.pos)) break;
    phrase.unshift(token);
  }
  while (phrase[0]?.pos === 'DET') phrase.shift();
  return phrase;
}

function phraseAfter(tokens: Token[], index: number): Token[] {
  const phrase: Token[] = [];
  for (let i = index; i < tokens.length && phrase.length < MAX_NP; i++) {
    const token = tokens[i];
    if (!token || !NOUN_TAGS.has(token.pos)) break;
    phrase.push(token);
  }
  while (phrase[0]?.pos === 'DET') phrase.shift();
  return phrase;
}

function claimFrom(doc: AnalysedText, sentence: number, phrase: Token[], actors: ActorMention[]): Claim | null {
  const first = phrase[0];
  const last = phrase[phrase.length - 1];
  if (!first || !last) return null;
  const text = doc.text.slice(first.start, last.end);
  const actor = actorWithin(actors, first.start, last.end);
  const content = phrase.filter((t) => t.pos !== 'ADJ' && t.pos !== 'DET');
  const unnamed = !actor && content.every((t) => UNNAMED.has(t.normal));
  const claimant = actor ? actor.actor.name : unnamed ? 'unnamed sources' : text;
  return { sentence, claimant, start: first.start, end: last.end, text };
}

/**
 * Finds reporting clauses: "X said/reported/claimed ..." and "according to X". The claimant is the
 * actor named in X when there is one (so "Army reports said" gives the army), the words of X when X
 * names someone the dictionary does not know, and "unnamed sources" for bare "reports said".
 */
export function findClaims(doc: AnalysedText, actors: ActorMention[]): Claim[] {
  const claims: Claim[] = [];
  for (const sentence of doc.sentences) {
    const { tokens } = sentence;
    const inSentence = actors.filter((a) => a.sentence === sentence.index);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      let claim: Claim | null = null;
      if (token.normal === 'according' && tokens[i + 1]?.normal === 'to') {
        claim = claimFrom(doc, sentence.index, phraseAfter(tokens, i + 2), inSentence);
      } else if (REPORTING_VERBS.has(token.normal) && token.pos === 'VERB') {
        claim = claimFrom(doc, sentence.index, subjectBefore(tokens, i), inSentence);
      }
      if (claim) {
        claims.push(claim);
        break;
      }
    }
  }
  return claims;
}
