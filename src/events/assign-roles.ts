import type { ActorMention } from '../mentions/types.ts';
import type { Sentence } from '../text/types.ts';
import type { TriggerMatch } from './types.ts';

export interface Roles {
  actor1: ActorMention | null;
  assoc1: ActorMention | null;
  actor2: ActorMention | null;
  assoc2: ActorMention | null;
}

function distinct(mentions: ActorMention[]): ActorMention[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    if (seen.has(m.actor.id)) return false;
    seen.add(m.actor.id);
    return true;
  });
}

function tokenIndexAt(sentence: Sentence, offset: number): number {
  return sentence.tokens.findIndex((t) => t.start >= offset);
}

/** "between A and B", "A and B clashed": both sides named together. */
function betweenPair(sentence: Sentence, mentions: ActorMention[]): [ActorMention, ActorMention] | null {
  for (const first of mentions) {
    let at = tokenIndexAt(sentence, first.start);
    if (sentence.tokens[at - 1]?.pos === 'DET') at--; // "between the Syrian soldiers and ..."
    const before = sentence.tokens[at - 1]?.normal;
    if (before !== 'between') continue;
    const second = mentions.find((m) => m.start > first.end && m.actor.id !== first.actor.id);
    if (second) return [first, second];
  }
  return null;
}

/** The agent of a passive predicate: "killed by X", "detonated in X's attacks". */
function passiveAgent(sentence: Sentence, trigger: TriggerMatch, after: ActorMention[]): ActorMention | null {
  for (const mention of after) {
    const at = tokenIndexAt(sentence, mention.start);
    const window = sentence.tokens.slice(trigger.lastToken + 1, at).map((t) => t.normal);
    if (window.includes('by') || window.includes('in') || window.includes('from')) return mention;
  }
  return null;
}

/** Words between an attack noun and its agent: "air strikes by the coalition", "an attack carried out by IS". */
const NOMINAL_AGENT_PATH = new Set(['by', 'the', 'a', 'carried', 'out', 'launched', 'conducted', 'staged', 'claimed', 'mounted']);

/** "Air strikes by the Saudi-led coalition hit a market": the actor after "by" did it, though named after the predicate. */
function nominalAgent(sentence: Sentence, trigger: TriggerMatch, after: ActorMention[]): ActorMention | null {
  const first = after[0];
  if (!first) return null;
  const path = sentence.tokens.filter((t) => t.start >= trigger.end && t.end <= first.start).map((t) => t.normal);
  return path.length > 0 && path.length <= 4 && path.includes('by') && path.every((w) => NOMINAL_AGENT_PATH.has(w)) ? first : null;
}

/** Words that join two actors into one side: "X and Y", "X, backed by Y", "X along with their allies Y". */
const SAME_SIDE = new Set(['and', ',', 'along', 'with', 'together', 'backed', 'supported', 'by', 'allied', 'their', 'its', 'the', 'affiliated', 'allies', 'including', '(', ')']);

function sameSide(sentence: Sentence, first: ActorMention, second: ActorMention): boolean {
  const between = sentence.tokens.filter((t) => t.start >= first.end && t.end <= second.start);
  return between.length > 0 && between.length <= 6 && between.every((t) => SAME_SIDE.has(t.normal));
}

/**
 * Who did what to whom, read from the predicate's sentence. In the active voice the first actor
 * before the predicate is actor1 and the first one after it actor2; in the passive voice the subject
 * is the one acted upon and the agent comes after "by" (or "in X's attacks"). A second, different actor
 * on the same side becomes the associated actor.
 */
export function assignRoles(sentence: Sentence, trigger: TriggerMatch, mentions: ActorMention[]): Roles {
  const inSentence = mentions.filter((m) => m.sentence === sentence.index).sort((a, b) => a.start - b.start);
  const pair = betweenPair(sentence, inSentence);
  if (pair) return { actor1: pair[0], assoc1: null, actor2: pair[1], assoc2: null };

  const before = distinct(inSentence.filter((m) => m.end <= trigger.start));
  const after = distinct(inSentence.filter((m) => m.start >= trigger.end));
  if (trigger.passive) {
    const agent = passiveAgent(sentence, trigger, after);
    const patient = before[0] ?? null;
    return {
      actor1: agent,
      assoc1: null,
      actor2: patient && patient.actor.id !== agent?.actor.id ? patient : null,
      assoc2: null,
    };
  }
  // "Turkish drones struck ...": the weapon that names the event also names who used it.
  const wielder = inSentence.find((m) => m.start <= trigger.start && m.end > trigger.start);
  if (wielder && !trigger.passive) {
    const target = after.find((m) => m.actor.id !== wielder.actor.id) ?? null;
    return { actor1: wielder, assoc1: null, actor2: target, assoc2: null };
  }
  const agent = nominalAgent(sentence, trigger, after);
  if (agent) {
    const target = before[0] ?? after.find((m) => m.actor.id !== agent.actor.id) ?? null;
    return { actor1: agent, assoc1: null, actor2: target && target.actor.id !== agent.actor.id ? target : null, assoc2: null };
  }
  const actor1 = before[0] ?? null;
  const others = after.filter((m) => m.actor.id !== actor1?.actor.id);
  // A second actor before the predicate is actor1's ally only when joined to it ("X and Y attacked");
  // otherwise it is what an earlier verb acted on ("X stormed Y's lines and captured ...").
  const second = before[1] ?? null;
  const allied = actor1 && second && sameSide(sentence, actor1, second) ? second : null;
  const target = second && !allied ? second : null;
  return {
    actor1,
    assoc1: allied,
    actor2: others[0] ?? target,
    assoc2: others[0] ? others[1] ?? null : null,
  };
}
