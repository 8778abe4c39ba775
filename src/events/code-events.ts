import type { Article } from '../ingest/types.ts';
import type { ActorMention, InterCode, ResolvedActor } from '../mentions/types.ts';
import type { AnalysedText, Sentence } from '../text/types.ts';
import { assignRoles, type Roles } from './assign-roles.ts';
import type { Claim, Responsibility } from './attribution.ts';
import type { CodedEvent, Evidence } from './event-schema.ts';
import { contextsOf, type ContextLexicon } from './plover-contexts.ts';
import { intentions, isPloverOnly, ploverMains, ploverOfCrowdControl, ploverRoles } from './plover-frames.ts';
import { QUAD_OF } from './plover-quad.ts';
import { refineEventType, type Coding } from './refine-event-type.ts';
import { nonPoliticalContext, statementOnly, type NotCoded, type RelevanceLexicon } from './relevance.ts';
import { isBackground, marksNewEvent, opensNewEvent, type SegmentationLexicon } from './segment-events.ts';
import type { EventCasualties, EventDate, EventPlace } from '../resolve/types.ts';
import type { TriggerMatch } from './types.ts';

/** The word lists the event rules read (data/lexicons/relevance.yaml, event-segmentation.yaml, plover-contexts.yaml). */
export interface EventRuleLexicons {
  relevance: RelevanceLexicon;
  segmentation: SegmentationLexicon;
  contexts: ContextLexicon;
}

/** What the event coder needs from the earlier stages, as plain data and small look-ups. */
export interface EventInputs {
  article: Article;
  doc: AnalysedText;
  triggers: TriggerMatch[];
  actors: ActorMention[];
  claims: Claim[];
  /** Sentences that say who carried out an event ("X claimed responsibility", "X blamed Y for the strike"). */
  responsibilities: Responsibility[];
  /** The article's main country (from its places and actors), for actors named only by role. */
  country: string | null;
  placeFor(sentence: number, offset: number): EventPlace | null;
  dateFor(sentence: number): EventDate;
  casualtiesFor(sentences: number[]): EventCasualties;
  /** An actor known only by its role in the event, e.g. "Protesters (Yemen)". */
  roleActor(role: 'protesters' | 'rioters' | 'civilians' | 'unidentified' | 'police', country: string | null): ResolvedActor;
  /** Also code negated, hypothetical and future events, marked by `modality` (off: only facts). */
  includeFlagged?: boolean;
  lexicons: EventRuleLexicons;
}

/** One reported event before it becomes a CodedEvent: its main predicate and the sentences about it. */
interface Frame {
  main: TriggerMatch;
  sentences: number[];
  modifiers: TriggerMatch[];
}

/** Sentences after an event that still speak of it ("3 people were killed") are read into it. */
const FOLLOW_UP_WINDOW = 2;
/** A statement of responsibility is read into the event reported up to this many sentences before it. */
const RESPONSIBILITY_WINDOW = 3;
/** Words before a predicate that point back to an event already reported: "in the attack", "this strike". */
const BACK_REFERENCE = new Set(['the', 'this', 'that', 'these', 'its', 'same']);
/** A crowd's acts after a protest ("protesters threw stones", "police dispersed the protesters") are that protest's. */
const CROWD_EVENTS = new Set(['Protests', 'Riots']);

function strongest(triggers: TriggerMatch[]): TriggerMatch | undefined {
  return triggers.reduce<TriggerMatch | undefined>((best, t) => (!best || t.code.weight > best.code.weight ? t : best), undefined);
}

/**
 * ACLED codes remote weapons used in a fight that both sides take part in as a battle: "a clash involving
 * heavy artillery fire", "clashed with small and heavy weapons". So when a sentence reports a clash, the
 * clash is its event even if a weapon word weighs more.
 */
function mainEvent(found: TriggerMatch[], segmentation: SegmentationLexicon, sentence?: Sentence): TriggerMatch | undefined {
  const all = found.filter((t) => t.code.role === 'event');
  // "Agreed a ceasefire after weeks of fighting": the fighting is background when the sentence reports another event.
  // A crowd's act is never background to its protest ("protests after demonstrators clashed with police").
  const foreground = sentence && all.length > 1
    ? all.filter((t) => (t.code.event_type !== null && CROWD_EVENTS.has(t.code.event_type)) || !isBackground(sentence, t, segmentation))
    : all;
  const events = foreground.length > 0 ? foreground : all;
  const best = strongest(events);
  if (best?.code.event_type !== 'Explosions/Remote violence' || best.code.weight >= SPECIFIC_WEAPON_WEIGHT) return best;
  return strongest(events.filter((t) => t.code.event_type === 'Battles' && t.code.sub_event_type === 'Armed clash')) ?? best;
}

const NO_CASUALTIES: EventCasualties = { fatalities: 0, injured: 0, basis: 'none', spans: [] };

/** Suicide bombs and chemical weapons name the event whatever else the sentence says. */
const SPECIFIC_WEAPON_WEIGHT = 90;

/** Kinds of event that a sentence without actors of its own may go on telling: an attack's next sentence is about the attack. */
function family(type: string | null): string | null {
  if (type === 'Battles' || type === 'Explosions/Remote violence' || type === 'Violence against civilians') return 'violence';
  return type !== null && CROWD_EVENTS.has(type) ? 'crowd' : type;
}

function buildFrames(
  triggers: TriggerMatch[], actors: ActorMention[], doc: AnalysedText, attributive: Set<number>,
  placeNamed: (sentence: number, offset: number) => string | null, segmentation: SegmentationLexicon,
): Frame[] {
  const bySentence = new Map<number, TriggerMatch[]>();
  for (const t of triggers) bySentence.set(t.sentence, [...(bySentence.get(t.sentence) ?? []), t]);
  const sentences = [...new Set([...bySentence.keys(), ...attributive])].sort((a, b) => a - b);
  const frames: Frame[] = [];
  for (const sentence of sentences) {
    const found = bySentence.get(sentence) ?? [];
    const previous = frames[frames.length - 1];
    const gap = previous ? sentence - previous.sentences[previous.sentences.length - 1]! : Infinity;
    // "The Taliban claimed responsibility": the sentence says who did the event before it, it is no event itself.
    if (previous && attributive.has(sentence) && gap <= RESPONSIBILITY_WINDOW) {
      previous.sentences.push(sentence);
      continue;
    }
    const modifiers = found.filter((t) => t.code.role === 'modifier');
    const sentenceOf = doc.sentences[sentence];
    const event = mainEvent(found, segmentation, sentenceOf);
    const outcome = strongest(found.filter((t) => t.code.role === 'outcome'));
    // A second attack in another town, a protest in a second city, "another man was shot dead": each is its own
    // event (segment-events.ts). A bare outcome ("3 were killed in X") opens one only when the words say so.
    // Asked only of a sentence close enough to go on the event before: the place look-ups it makes are not free.
    const separate = (): boolean => previous !== undefined && sentenceOf !== undefined
      && ((event !== undefined && opensNewEvent(sentenceOf, event, previous.main, placeNamed, segmentation))
        || (event === undefined && outcome !== undefined && marksNewEvent(sentenceOf, outcome, segmentation)));
    const near = gap <= FOLLOW_UP_WINDOW && !separate() ? previous : undefined;
    const hasOwnActors = actors.some((a) => a.sentence === sentence && !a.loaded);
    const refersBack = event !== undefined && BACK_REFERENCE.has(doc.sentences[sentence]?.tokens[event.firstToken - 1]?.normal ?? '');
    const crowdGoesOn = near !== undefined && event !== undefined && family(near.main.code.event_type) === 'crowd' && family(event.code.event_type) === 'crowd';
    const continues = near && (!event
      || refersBack
      || crowdGoesOn
      || (!hasOwnActors && family(event.code.event_type) === family(near.main.code.event_type))
      || (near.main.code.event_type === 'Protests' && event.code.weight < near.main.code.weight && modifiers.length > 0));
    if (continues) {
      near.sentences.push(sentence);
      // The crowd's own act ("some protesters threw stones") changes the protest; a riot named in passing
      // ("after the riots in the prisons") or inside a name ("riot police") does not.
      const crowdActs = crowdGoesOn && actors.some((a) => a.sentence === sentence && (a.actor.kind === 'protesters' || a.actor.kind === 'rioters'))
        && !actors.some((a) => a.start <= event.start && a.end >= event.end);
      near.modifiers.push(...modifiers, ...(event && (event.code.name === 'arrest' || crowdActs) ? [event] : []));
      continue;
    }
    const main = event ?? outcome;
    if (main) frames.push({ main, sentences: [sentence], modifiers });
  }
  return frames;
}

/** Modifiers reported around a protest change its sub-type: dispersed → intervention, stones → riot. */
function applyModifiers(coding: Coding, frame: Frame, stateForcesNamed: boolean): Coding {
  if (coding.event_type !== 'Protests') return coding;
  const names = new Set(frame.modifiers.map((m) => m.code.name));
  if (names.has('riot_act') || names.has('riot')) return { ...coding, event_type: 'Riots', sub_event_type: 'Violent demonstration', mode: 'riot' };
  // "Violently dispersed", "live ammunition" say the force was excessive whoever is named; protesters killed or
  // fired on say so only when state forces are named (not when gunmen fired on a march).
  if (names.has('excessive_force') || (names.has('force_on_protesters') && stateForcesNamed)) {
    return { ...coding, sub_event_type: 'Excessive force against protesters' };
  }
  // Arrests at a protest are an intervention whoever is named; other police actions only when state forces are.
  const policeActed = names.has('arrest') || (stateForcesNamed && names.has('protest_police_action'));
  if (names.has('protest_intervention') || policeActed) return { ...coding, sub_event_type: 'Protest with intervention' };
  return coding;
}

function firstActorIn(sentences: number[], actors: ActorMention[], predicate: (m: ActorMention) => boolean): ActorMention | null {
  return actors.find((a) => sentences.includes(a.sentence) && predicate(a)) ?? null;
}

/** State forces acting outside their own country are "external" in ACLED's interaction codes. */
function interOf(actor: ResolvedActor | null, eventCountry: string | null): InterCode {
  if (!actor) return 0;
  if (actor.inter === 1 && actor.country && eventCountry && actor.country !== eventCountry) return 8;
  return actor.inter;
}

function span(field: string, s: { start: number; end: number; text: string } | null | undefined): Evidence[] {
  return s ? [{ field, start: s.start, end: s.end, text: s.text }] : [];
}

/**
 * Confidence is a plain additive score, documented in the README: a stand-alone predicate, named
 * actors, a place found in the text and a date found in the text each add to it.
 */
function confidenceOf(frame: Frame, roles: Roles, place: EventPlace | null, date: EventDate): number {
  let score = frame.main.code.role === 'event' ? 0.45 : 0.3;
  if (roles.actor1 && !roles.actor1.generic) score += 0.15;
  else if (roles.actor1) score += 0.08;
  if (roles.actor2) score += 0.05;
  if (place?.span) score += place.geo_precision === 3 ? 0.05 : 0.15;
  if (date.span) score += 0.1;
  return Math.min(0.95, Math.round(score * 100) / 100);
}

/**
 * Accidents, natural disasters, the business of crime and statements about an event (claims, sanctions) are not
 * ACLED events (docs/relevance.md). A crowd's protest is one whatever it is about.
 */
function notCodedByAcled(frame: Frame, doc: AnalysedText, triggers: TriggerMatch[], relevance: RelevanceLexicon): NotCoded | null {
  if (frame.main.code.event_type === null || CROWD_EVENTS.has(frame.main.code.event_type)) return null;
  const sentences = frame.sentences.flatMap((i) => doc.sentences[i] ?? []);
  return nonPoliticalContext(sentences, frame.main.code.name, relevance) ?? statementOnly(sentences, triggers, relevance);
}

/** Turns the mentions of one article into coded events, one per reported event. */
export function codeEvents(inputs: EventInputs): CodedEvent[] {
  const { article, doc, actors } = inputs;
  // A weapon that is a word of an actor's name reports no event: in "a regime sniper shot a civilian" the sniper is who shot.
  const inName = (t: TriggerMatch): boolean => t.code.instrument && actors.some((a) => a.sentence === t.sentence && a.start <= t.start && t.end <= a.end);
  const asserted = inputs.triggers.filter((t) => t.modality === 'asserted' && !inName(t));
  // "..., residents said" or "the OSCE observed ...": a source named after what it reports, or one that only
  // watched, takes no part in it.
  const sources = new Set(actors.filter((a) => inputs.claims.some((c) => c.sentence === a.sentence && a.start >= c.start && a.end <= c.end
    && (c.observer || inputs.triggers.some((t) => t.sentence === c.sentence && t.end <= c.start)))));
  // "The GNA accused Haftar's forces of firing the rockets": the accuser reports; the accused acted.
  const accusers = new Set(actors.filter((a) => inputs.responsibilities.some((r) => r.kind === 'accused' && r.sentence === a.sentence && a.end <= r.start)));
  // The place a sentence itself names for the event at `offset`, if it names one.
  const placeNamed = (index: number, offset: number): string | null => {
    const sentence = doc.sentences[index];
    const place = inputs.placeFor(index, offset);
    return place?.span && sentence && place.span.start >= sentence.start && place.span.end <= sentence.end ? place.location : null;
  };
  // Negated, hypothetical and future predicates are coded apart, one event each, marked with their
  // modality; they are never read into an asserted event.
  const flagged = inputs.includeFlagged ? inputs.triggers.filter((t) => t.modality !== 'asserted') : [];
  // ACLED events are framed as before; PLOVER-only predicates (talks, demands, threats, ...) and the
  // intentions PLOVER codes as events ("will meet" is AGREE) add one PLOVER-only event per sentence.
  const acled = asserted.filter((t) => !isPloverOnly(t.code));
  const ploverOnly = [...asserted.filter((t) => isPloverOnly(t.code)), ...intentions(inputs.triggers.filter((t) => t.modality !== 'asserted' && !inName(t)))];
  const attributive = new Set(inputs.responsibilities.map((r) => r.sentence));
  const acledFrames = buildFrames(acled, actors.filter((a) => !sources.has(a)), doc, attributive, placeNamed, inputs.lexicons.segmentation);
  // "The GNA accused Haftar's forces of firing the rockets", after the rockets: who did the event before it, not an accusation apart.
  const readInto = new Set(acledFrames.flatMap((f) => f.sentences.slice(1)).filter((i) => attributive.has(i)));
  const frames = [
    ...[...acledFrames,
      ...ploverMains(ploverOnly.filter((t) => !readInto.has(t.sentence)), acled).map((main): Frame => ({ main, sentences: [main.sentence], modifiers: [] }))]
      .sort((a, b) => a.main.sentence - b.main.sentence || a.main.start - b.main.start),
    ...[...new Set(flagged.map((t) => t.sentence))].flatMap((sentence): Frame[] => {
      const main = mainEvent(flagged.filter((t) => t.sentence === sentence), inputs.lexicons.segmentation);
      return main ? [{ main, sentences: [sentence], modifiers: [] }] : [];
    }),
  ];
  const events: CodedEvent[] = [];
  for (const frame of frames) {
    const sentence = doc.sentences[frame.main.sentence];
    if (!sentence) continue;
    const notCoded = frame.main.modality === 'asserted' ? notCodedByAcled(frame, doc, inputs.triggers, inputs.lexicons.relevance) : null;
    // Not an ACLED event. A statement whose own act is a verbal one in PLOVER ("threatened to attack": THREATEN)
    // is still that PLOVER event, with no ACLED type; accidents, disasters, crime and claims are no event at all.
    if (notCoded && !(notCoded.reason === 'statement' && QUAD_OF[frame.main.code.plover].startsWith('Verbal'))) continue;
    const main = notCoded ? { ...frame.main, code: { ...frame.main.code, event_type: null, sub_event_type: null } } : frame.main;
    const participants = actors.filter((a) => !sources.has(a) && !(a.sentence === main.sentence && accusers.has(a)));
    let roles = assignRoles(sentence, main, participants);
    const ploverOnlyEvent = isPloverOnly(main.code);
    if (ploverOnlyEvent) roles = ploverRoles(sentence, main, roles);
    // "A and B clashed": a clash has two sides, both named before the verb.
    if (main.code.sub_event_type === 'Armed clash' && !roles.actor2 && roles.assoc1) roles = { ...roles, actor2: roles.assoc1, assoc1: null };
    // Who the report says did it: a claim of responsibility first, then an accusation; only when the
    // event's own sentence names no perpetrator.
    const responsible = ['claimed', 'accused'].map((kind) => inputs.responsibilities.find((r) => r.kind === kind
      && frame.sentences.includes(r.sentence) && r.actor && r.actor.actor.id !== roles.actor2?.actor.id)?.actor).find(Boolean) ?? null;
    if (!roles.actor1 || (roles.actor1.generic && roles.actor1.actor.inter === 3 && responsible)) {
      const fallback = responsible
        ?? firstActorIn(frame.sentences.slice(1), participants, (a) => !a.loaded && a.actor.id !== roles.actor2?.actor.id);
      roles = { ...roles, actor1: fallback };
    }
    const place = inputs.placeFor(main.sentence, main.start);
    const country = place?.country ?? inputs.country;
    let actor1: ResolvedActor | null = roles.actor1?.actor ?? null;
    let actor2: ResolvedActor | null = roles.actor2?.actor ?? null;
    let assoc1: ResolvedActor | null = roles.assoc1?.actor ?? null;
    const stateForcesNamed = firstActorIn(frame.sentences, actors, (a) => a.actor.inter === 1) !== null;
    const preliminary = applyModifiers(refineEventType(main.code, interOf(actor1, country), interOf(actor2, country)), frame, stateForcesNamed);

    // "Police dispersed the protesters": in PLOVER the police act on the crowd (read before ACLED puts the crowd first).
    const stateActsOnCrowd = actor1?.inter === 1 || actor2?.inter === 1;
    // ACLED names the crowd by its role and keeps the group it came from as the associated actor.
    if (preliminary.event_type === 'Protests' || preliminary.event_type === 'Riots') {
      const crowd = inputs.roleActor(preliminary.event_type === 'Protests' ? 'protesters' : 'rioters', country);
      // ... unless it is only the crowd itself under another name ("protesters" of a protest that turned into a riot).
      const crowdName = actor1?.kind === 'protesters' || actor1?.kind === 'rioters';
      if (actor1 && actor1.inter !== 1 && !crowdName && actor1.id !== crowd.id && preliminary.sub_event_type !== 'Mob violence') assoc1 ??= actor1;
      // The crowd is actor1 of its own protest; state forces named first ("Police dispersed protesters") face it.
      if (actor1?.inter === 1 && preliminary.sub_event_type !== 'Peaceful protest' && (!actor2 || actor2.id === crowd.id)) actor2 = actor1;
      actor1 = crowd;
      if (preliminary.sub_event_type !== 'Peaceful protest' && !actor2) {
        actor2 = firstActorIn(frame.sentences, participants, (a) => a.actor.inter === 1)?.actor ?? null;
      }
      // Someone intervened: when the report does not say who, it was the police.
      if ((preliminary.sub_event_type === 'Protest with intervention' || preliminary.sub_event_type === 'Excessive force against protesters') && !actor2) {
        actor2 = inputs.roleActor('police', country);
      }
      if (preliminary.sub_event_type === 'Mob violence' && !actor2) actor2 = inputs.roleActor('civilians', country);
      // A peaceful protest has no second side: what it protests against ("against the military government") is its
      // cause, not an actor of the event.
      if (preliminary.sub_event_type === 'Peaceful protest' && actor2?.inter !== 6) actor2 = null;
    }
    const violent = preliminary.event_type === 'Violence against civilians' || preliminary.event_type === 'Explosions/Remote violence'
      || preliminary.event_type === 'Battles';
    // Civilians do not attack: named first ("a man was found dead"), they are the ones attacked.
    if (violent && actor1?.inter === 7 && (!actor2 || actor2.inter === 7)) {
      actor2 = actor1;
      actor1 = null;
    }
    // An attack whose perpetrator the report does not name is coded, as ACLED does, to an unidentified armed group.
    if (violent) actor1 ??= inputs.roleActor('unidentified', country);
    if (preliminary.event_type === 'Violence against civilians') actor2 ??= inputs.roleActor('civilians', country);
    const inter1 = interOf(actor1, country);
    const inter2 = interOf(actor2, country);
    const refined = ploverOfCrowdControl(applyModifiers(refineEventType(main.code, inter1, inter2), frame, stateForcesNamed), stateActsOnCrowd);
    const coding = notCoded ? { ...refined, event_type: null, sub_event_type: null } : refined;
    const date = inputs.dateFor(main.sentence);
    // A verbal act's casualties are those of the act it speaks of, coded as that act's own event.
    const casualties = ploverOnlyEvent ? NO_CASUALTIES : inputs.casualtiesFor(frame.sentences);
    const claim = inputs.claims.find((c) => frame.sentences.includes(c.sentence)) ?? null;
    const evidence: Evidence[] = [
      ...span('event_type', main),
      ...span('actor1', roles.actor1),
      ...span('assoc_actor_1', roles.assoc1),
      ...span('actor2', actor2 ? roles.actor2 : null),
      ...span('location', place?.span),
      ...span('event_date', date.span),
      ...casualties.spans.flatMap((s) => span('fatalities', s)),
      ...span('claimant', claim),
    ];
    events.push({
      event_id: `${article.id}:${main.sentence}:${main.start}`,
      modality: main.modality,
      article_id: article.id,
      event_date: date.date,
      time_precision: date.precision,
      event_type: coding.event_type,
      sub_event_type: coding.sub_event_type,
      plover_event: coding.plover,
      mode: coding.mode,
      context: contextsOf(frame.sentences.flatMap((i) => doc.sentences[i] ?? []), inputs.lexicons.contexts),
      actor1: actor1?.name ?? null,
      actor1_id: actor1?.id ?? null,
      assoc_actor_1: assoc1?.name ?? null,
      inter1,
      actor2: actor2?.name ?? null,
      actor2_id: actor2?.id ?? null,
      assoc_actor_2: roles.assoc2?.actor.name ?? null,
      inter2,
      interaction: inter1 && inter2 ? Math.min(inter1, inter2) * 10 + Math.max(inter1, inter2) : inter1 * 10 + inter2,
      country,
      admin1: place?.admin1 ?? null,
      admin2: place?.admin2 ?? null,
      location: place?.location ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      geo_precision: place?.geo_precision ?? null,
      location_reason: place?.reason ?? null,
      source: article.source,
      claimant: claim?.claimant ?? null,
      fatalities: casualties.fatalities,
      fatalities_basis: casualties.basis,
      injured: casualties.injured,
      confidence: confidenceOf(frame, roles, place, date),
      evidence,
      sentence: { start: sentence.start, end: sentence.end, text: sentence.text },
      neighbourhood: place?.neighbourhood ?? null,
      quad: QUAD_OF[coding.plover],
    });
  }
  return events;
}
