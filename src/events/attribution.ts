import { z } from 'zod';
import { dataFile, readDataFile } from '../read-data-file.ts';
import type { ActorMention } from '../mentions/types.ts';
import type { AnalysedText, Sentence, Token } from '../text/types.ts';
import { normalsAt } from '../text/normals-at.ts';

/** Who, inside the text, says that something happened ("Army reports later said ..."). */
export interface Claim {
  sentence: number;
  /** The claimant's normalised name when it is a known actor, else the words of the text, else "unnamed sources". */
  claimant: string;
  start: number;
  end: number;
  text: string;
  /** The claimant observed what it reports ("the OSCE SMM observed"): a witness, never a participant. */
  observer: boolean;
}

/**
 * A sentence that says who carried out an event rather than reporting one: "The Taliban claimed
 * responsibility", "Houthi officials blamed the Saudi-led coalition for the strike", "The LNA denied any
 * involvement". `actor` is the one said to have done it (none for a denial).
 */
export interface Responsibility {
  sentence: number;
  kind: 'claimed' | 'accused' | 'denied';
  actor: ActorMention | null;
  /** The words that say so ("claimed responsibility", "blamed"). */
  start: number;
  end: number;
  text: string;
}

export interface Attribution {
  claims: Claim[];
  responsibilities: Responsibility[];
}

const AttributionLexiconSchema = z.object({
  reporting_verbs: z.array(z.string().min(1)).min(1),
  observation_verbs: z.array(z.string().min(1)),
  unnamed: z.array(z.string().min(1)),
  group_anaphora: z.array(z.string().min(1)),
  responsibility: z.array(z.string().min(1)),
  accusation: z.array(z.string().min(1)),
  denial: z.array(z.string().min(1)),
});

export interface AttributionLexicon {
  reportingVerbs: Set<string>;
  observationVerbs: Set<string>;
  unnamed: Set<string>;
  groupAnaphora: Set<string>;
  /** Phrases as lower-cased word sequences, indexed by their first word. */
  responsibility: Map<string, string[][]>;
  accusation: Map<string, string[][]>;
  denial: Map<string, string[][]>;
  /** The first words of all three, to pass over the many sentences that say nothing of who is responsible. */
  responsibilityWords: Set<string>;
}

const LEXICON_FILE = dataFile('lexicons/attribution.yaml');

/** Loads and validates the attribution lexicon; an error names the file and the field. */
export function loadAttributionLexicon(file: URL = LEXICON_FILE): AttributionLexicon {
  const data = readDataFile(file, AttributionLexiconSchema);
  const words = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
  const phrases = (list: string[]) => {
    const byFirst = new Map<string, string[][]>();
    for (const phrase of list) {
      const words = phrase.toLowerCase().split(/\s+/).filter(Boolean);
      byFirst.set(words[0]!, [...(byFirst.get(words[0]!) ?? []), words]);
    }
    return byFirst;
  };
  const responsibility = phrases(data.responsibility);
  const accusation = phrases(data.accusation);
  const denial = phrases(data.denial);
  return {
    reportingVerbs: words(data.reporting_verbs),
    observationVerbs: words(data.observation_verbs),
    unnamed: words(data.unnamed),
    groupAnaphora: words(data.group_anaphora),
    responsibility,
    accusation,
    denial,
    responsibilityWords: new Set([...responsibility.keys(), ...accusation.keys(), ...denial.keys()]),
  };
}

/** "No group has claimed", "nobody claimed responsibility": a claim denied before it is made is no claim. */
const NO_SUBJECT = new Set(['no', 'nobody', 'none', 'not', "n't", 'never', 'neither']);

function negatedBefore(tokens: Token[], index: number): boolean {
  for (let i = index - 1; i >= Math.max(0, index - 4); i--) {
    const token = tokens[i]!;
    if (token.pos === 'PUNCT' || token.pos === 'VERB') return false;
    if (NO_SUBJECT.has(token.normal)) return true;
  }
  return false;
}

const NOUN_TAGS = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PART']);
const MAX_NP = 8;

function overlaps(a: { start: number; end: number }, start: number, end: number): boolean {
  return a.start < end && a.end > start;
}

/**
 * The noun phrase that ends right before token `index` (the subject of a reporting verb), with "of" or "for"
 * inside it ("the Ministry of Defence", "the Syrian Observatory for Human Rights").
 */
function subjectBefore(tokens: Token[], index: number): Token[] {
  let i = index - 1;
  while (i >= 0 && tokens[i]?.pos === 'ADV') i--; // "Army reports later said"
  const phrase: Token[] = [];
  for (; i >= 0 && phrase.length < MAX_NP; i--) {
    const token = tokens[i];
    if (!token) break;
    const joinsNames = (token.normal === 'of' || token.normal === 'for') && phrase.length > 0 && NOUN_TAGS.has(tokens[i - 1]?.pos ?? '') && tokens[i - 1]?.pos !== 'DET';
    if (!NOUN_TAGS.has(token.pos) && !joinsNames) break;
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

/** "the group": the armed group named last before `offset`. */
function groupReferent(actors: ActorMention[], offset: number): ActorMention | undefined {
  return actors.filter((a) => a.end <= offset && !a.generic && !a.loaded && (a.actor.inter === 2 || a.actor.inter === 3 || a.actor.inter === 4)).at(-1);
}

function claimFrom(
  doc: AnalysedText, sentence: number, phrase: Token[], actors: ActorMention[], lexicon: AttributionLexicon, observer = false,
): Claim | null {
  const first = phrase[0];
  const last = phrase[phrase.length - 1];
  if (!first || !last) return null;
  const text = doc.text.slice(first.start, last.end);
  const content = phrase.filter((t) => t.pos !== 'ADJ' && t.pos !== 'DET');
  const named = actors.find((a) => a.sentence === sentence && overlaps(a, first.start, last.end));
  const anaphoric = content.length === 1 && lexicon.groupAnaphora.has(content[0]!.normal) ? groupReferent(actors, first.start) : undefined;
  const actor = named ?? anaphoric;
  // Civilians who speak ("residents said") are a source, not the actor their role is named after.
  const speaksAsRole = actor?.generic && actor.actor.inter === 7;
  const unnamed = !actor && content.every((t) => lexicon.unnamed.has(t.normal));
  const claimant = actor && !speaksAsRole ? actor.actor.name : unnamed ? 'unnamed sources' : text;
  return { sentence, claimant, start: first.start, end: last.end, text, observer };
}

/** The first place among `tokens` where one of `phrases` (indexed by first word) starts. */
function firstPhrase(tokens: Token[], phrases: Map<string, string[][]>): { at: number; length: number } | null {
  for (let i = 0; i < tokens.length; i++) {
    const starting = phrases.get(tokens[i]!.normal);
    if (!starting) continue;
    for (const phrase of starting) if (normalsAt(tokens, i, phrase)) return { at: i, length: phrase.length };
  }
  return null;
}

function responsibility(
  doc: AnalysedText, sentence: Sentence, kind: Responsibility['kind'], found: { at: number; length: number }, actor: ActorMention | null,
): Responsibility {
  const start = sentence.tokens[found.at]!.start;
  const end = sentence.tokens[found.at + found.length - 1]!.end;
  return { sentence: sentence.index, kind, actor, start, end, text: doc.text.slice(start, end) };
}

function responsibilityIn(doc: AnalysedText, sentence: Sentence, actors: ActorMention[], lexicon: AttributionLexicon): Responsibility | null {
  const { tokens } = sentence;
  if (!tokens.some((t) => lexicon.responsibilityWords.has(t.normal))) return null;
  const claimed = firstPhrase(tokens, lexicon.responsibility);
  // "No group has claimed responsibility" names nobody.
  if (claimed && negatedBefore(tokens, claimed.at)) return null;
  if (claimed) {
    const start = tokens[claimed.at]!.start;
    const claimant = actors.filter((a) => a.sentence === sentence.index && a.end <= start).at(-1) ?? null;
    return responsibility(doc, sentence, 'claimed', claimed, claimant);
  }
  const accused = firstPhrase(tokens, lexicon.accusation);
  if (accused) {
    const end = tokens[accused.at + accused.length - 1]!.end;
    const actor = actors.find((a) => a.sentence === sentence.index && a.start >= end) ?? null;
    if (actor) return responsibility(doc, sentence, 'accused', accused, actor);
  }
  const denied = firstPhrase(tokens, lexicon.denial);
  return denied ? responsibility(doc, sentence, 'denied', denied, null) : null;
}

/**
 * Finds reporting clauses ("X said/reported/claimed ...", "according to X") and statements of
 * responsibility. The claimant is the actor named in X when there is one (so "Army reports said" gives
 * the army, "the group said" the armed group named last), the words of X when X names someone the
 * dictionary does not know or speaks only as a civilian, and "unnamed sources" for bare "reports said".
 */
export function findAttribution(doc: AnalysedText, actors: ActorMention[], lexicon: AttributionLexicon): Attribution {
  const claims: Claim[] = [];
  const responsibilities: Responsibility[] = [];
  for (const sentence of doc.sentences) {
    const { tokens } = sentence;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token) continue;
      let claim: Claim | null = null;
      if (token.normal === 'according' && tokens[i + 1]?.normal === 'to') {
        claim = claimFrom(doc, sentence.index, phraseAfter(tokens, i + 2), actors, lexicon);
      } else if (token.pos === 'VERB') {
        // Only verbs report or observe: the tag is asked before the word lists.
        if (lexicon.reportingVerbs.has(token.normal) && !negatedBefore(tokens, i)) {
          claim = claimFrom(doc, sentence.index, subjectBefore(tokens, i), actors, lexicon);
        } else if (lexicon.observationVerbs.has(token.normal)) {
          claim = claimFrom(doc, sentence.index, subjectBefore(tokens, i), actors, lexicon, true);
        }
      }
      if (claim) {
        claims.push(claim);
        break;
      }
    }
    const responsibility = responsibilityIn(doc, sentence, actors, lexicon);
    if (responsibility) responsibilities.push(responsibility);
  }
  return { claims, responsibilities };
}
