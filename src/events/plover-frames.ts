import type { Sentence } from '../text/types.ts';
import type { Roles } from './assign-roles.ts';
import type { Coding } from './refine-event-type.ts';
import type { PloverEventType } from './event-schema.ts';
import type { EventCode, TriggerMatch } from './types.ts';
import { bySentence } from './by-sentence.ts';

/**
 * The PLOVER manual's rules for events that have no ACLED counterpart (talks, demands, threats, ...).
 * They are coded beside the ACLED events, never instead of them: an article's violence still comes out
 * as ACLED events, and a verbal act only adds a PLOVER-only event of its own.
 */

/** A code with no ACLED event type: the event exists only in PLOVER terms. */
export function isPloverOnly(code: EventCode): boolean {
  return code.event_type === null;
}

/** Cooperation announced for the future is an intention to cooperate: AGREE (manual, AGREE). */
const INTENDED_COOPERATION: ReadonlySet<PloverEventType> = new Set(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
/** Force announced or vowed but not used is a threat: "THREATEN could be ASSAULT + hypothetical" (manual, auxiliary modes). */
const THREAT_CONTENT: Readonly<Partial<Record<PloverEventType, string>>> = {
  ASSAULT: 'violence', COERCE: 'restrict', SANCTION: 'relations', MOBILIZE: 'violence',
};
/** A strike, boycott or blockade announced is a threat to restrict (THREATEN "restrict"); a march announced is not. */
const RESTRICTING_PROTEST = new Set(['strike', 'hunger', 'boycott', 'obstruct']);

/** The threat's content (THREATEN modes): an arrest threatened is "arrest", a curfew, ban or strike "restrict". */
function threatMode(code: EventCode): string | null {
  if (code.plover === 'COERCE' && code.mode === 'arrest') return 'arrest';
  if (code.plover === 'PROTEST') return code.mode && RESTRICTING_PROTEST.has(code.mode) ? 'restrict' : null;
  return THREAT_CONTENT[code.plover] ?? null;
}
/**
 * An announced act weighs less than any verbal act that frames it: in "called for talks" the event is
 * the call (REQUEST), in "refused to withdraw" the refusal, in "threatened to attack" the threat.
 */
const INTENTION_WEIGHT = 20;

function recoded(code: EventCode, plover: PloverEventType, mode: string | null): EventCode {
  return { ...code, name: `${code.name}_intended`, event_type: null, sub_event_type: null, plover, mode, weight: INTENTION_WEIGHT, role: 'event' };
}

/**
 * Future and hypothetical acts that PLOVER codes as events of their own (its "auxiliary modes" reduce to a
 * single category): future cooperation is AGREE, an announced retreat is CONCEDE, announced force is
 * THREATEN. They become asserted PLOVER-only predicates; negated acts never do.
 */
export function intentions(flagged: TriggerMatch[]): TriggerMatch[] {
  const found: TriggerMatch[] = [];
  for (const t of flagged) {
    if (t.modality === 'negated' || t.code.role !== 'event') continue;
    const category = t.code.plover;
    let code: EventCode | null = null;
    if (INTENDED_COOPERATION.has(category)) code = recoded(t.code, 'AGREE', null);
    else if (category === 'RETREAT') code = recoded(t.code, 'CONCEDE', null);
    else {
      const mode = threatMode(t.code);
      if (mode) code = recoded(t.code, 'THREATEN', mode);
    }
    if (code) found.push({ ...t, code, modality: 'asserted' });
  }
  return found;
}

/**
 * The act a sentence states first is its event: the main verb comes before what it frames ("demanded that
 * the US cancel ..." is the demand). An intention is the event only when nothing else is said; the weight
 * settles two codes of the same words.
 */
function outranks(a: TriggerMatch, b: TriggerMatch): boolean {
  const intendedA = a.code.weight === INTENTION_WEIGHT;
  const intendedB = b.code.weight === INTENTION_WEIGHT;
  if (intendedA !== intendedB) return intendedB;
  return a.start < b.start || (a.start === b.start && a.code.weight > b.code.weight);
}

/**
 * One PLOVER-only predicate per sentence: the first stated. A PLOVER-only word that is
 * also part of an ACLED predicate ("protested", "released") is read the ACLED way; and the topic of a
 * protest, typically a demand, is not coded apart from the protest (manual, PROTEST).
 */
export function ploverMains(ploverOnly: TriggerMatch[], acled: TriggerMatch[]): TriggerMatch[] {
  // Each PLOVER-only predicate is compared with the ACLED ones of its own sentence only.
  const acledIn = bySentence(acled);
  const best = new Map<number, TriggerMatch>();
  for (const t of ploverOnly) {
    const same = acledIn.get(t.sentence) ?? [];
    const overlaps = same.some((a) => a.start < t.end && t.start < a.end);
    const protestTopic = t.code.plover === 'REQUEST' && same.some((a) => a.code.plover === 'PROTEST' && a.code.role === 'event');
    // An intention is an event only where nothing else is reported: "protesters demanding the release of" is the protest.
    const beside = t.code.weight === INTENTION_WEIGHT && same.length > 0;
    // A name ("aid workers") is no act; an act the ACLED predicates of the sentence already code ("arrested and
    // remanded in custody") is not coded twice.
    const named = t.code.role !== 'event' || (t.code.mode !== null && same.some((a) => a.code.plover === t.code.plover && a.code.mode === t.code.mode));
    // "A MOBILIZE event in the context of an ASSAULT" is not coded apart (manual, MOBILIZE), nor forces readied for a protest.
    const readied = t.code.plover === 'MOBILIZE' && same.some((a) => a.code.role === 'event' && (a.code.plover === 'ASSAULT' || a.code.plover === 'PROTEST'));
    if (overlaps || protestTopic || beside || named || readied) continue;
    const current = best.get(t.sentence);
    if (!current || outranks(t, current)) best.set(t.sentence, t);
  }
  return [...best.values()].sort((a, b) => a.sentence - b.sentence || a.start - b.start);
}

/** Meetings, agreements and cooperation are reciprocal: every party is an actor (manual, compound and reciprocal actors). */
const RECIPROCAL: ReadonlySet<PloverEventType> = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Words that join a second party to a reciprocal act: "met with X", "agreed with X", "talks between A and B". */
const JOINING = new Set(['with', 'and']);

/**
 * PLOVER's actor rules on top of the ACLED roles: in a reciprocal event ("A met with B", "A and B agreed")
 * all parties are the actor (actor1 and its associate) and there is no recipient, except in a visit,
 * where the visitor is the actor and the host the recipient.
 */
export function ploverRoles(sentence: Sentence, main: TriggerMatch, roles: Roles): Roles {
  if (!RECIPROCAL.has(main.code.plover) || main.code.mode === 'visit' || !roles.actor2 || roles.assoc1) return roles;
  const other = roles.actor2;
  const before = sentence.tokens.filter((t) => t.end <= other.start).slice(-2).map((t) => t.normal);
  const joined = before.some((w) => JOINING.has(w)) || other.end <= main.start;
  return joined ? { ...roles, assoc1: other, actor2: roles.assoc2, assoc2: null } : roles;
}

/**
 * A protest the state forces are the subject of ("police broke up the demonstration") is, in PLOVER, what the
 * police did: force against the crowd is ASSAULT, an intervention short of it COERCE "restrict" (manual,
 * ASSAULT: "police pushed back protesters" is a restriction). ACLED still codes it as the crowd's protest.
 */
export function ploverOfCrowdControl(coding: Coding, stateActsOnCrowd: boolean): Coding {
  if (!stateActsOnCrowd || coding.event_type !== 'Protests') return coding;
  if (coding.sub_event_type === 'Excessive force against protesters') return { ...coding, plover: 'ASSAULT', mode: 'firearms' };
  if (coding.sub_event_type === 'Protest with intervention') return { ...coding, plover: 'COERCE', mode: 'restrict' };
  return coding;
}

/** The words of a raid: the ACLED attack entry reads them as an attack unless an arrest is near. */
const RAID = new Set(['raid', 'raids', 'raided', 'raiding']);

/**
 * A raid by state forces that harms no one is, in PLOVER, a search: COERCE "seize" ("execute search, confiscate
 * property, raid"), since ASSAULT is an act that can do substantial physical harm (manual, COERCE and ASSAULT).
 * ACLED keeps its own type for it.
 */
export function ploverOfRaid(coding: Coding, main: TriggerMatch, inter1: number, harmed: boolean): Coding {
  if (coding.plover !== 'ASSAULT' || inter1 !== 1 || harmed || !RAID.has(main.text.toLowerCase())) return coding;
  return { ...coding, plover: 'COERCE', mode: 'seize' };
}
