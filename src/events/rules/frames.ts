import type { ActorMention } from '../../mentions/types.ts';
import type { AnalysedText, Sentence } from '../../text/types.ts';
import { intentions, isPloverOnly, ploverMains } from '../plover-frames.ts';
import { isBackground, marksNewEvent, opensNewEvent, type SegmentationLexicon } from '../segment-events.ts';
import type { TriggerMatch } from '../types.ts';
import type { RuleContext } from './context.ts';
import type { Frame } from './draft.ts';
import { bySentence as groupBySentence } from '../by-sentence.ts';

/** Sentences after an event that still speak of it ("3 people were killed") are read into it. */
const FOLLOW_UP_WINDOW = 2;
/** A statement of responsibility is read into the event reported up to this many sentences before it. */
const RESPONSIBILITY_WINDOW = 3;
/** Words before a predicate that point back to an event already reported: "in the attack", "this strike". */
const BACK_REFERENCE = new Set(['the', 'this', 'that', 'these', 'its', 'same']);
/** A crowd's acts after a protest ("protesters threw stones", "police dispersed the protesters") are that protest's. */
export const CROWD_EVENTS: ReadonlySet<string> = new Set(['Protests', 'Riots']);
/** Suicide bombs and chemical weapons name the event whatever else the sentence says. */
const SPECIFIC_WEAPON_WEIGHT = 90;

function strongest(triggers: TriggerMatch[]): TriggerMatch | undefined {
  return triggers.reduce<TriggerMatch | undefined>((best, t) => (!best || t.code.weight > best.code.weight ? t : best), undefined);
}

/**
 * The event a sentence reports: its strongest event predicate. ACLED codes remote weapons used in a fight that
 * both sides take part in as a battle: "a clash involving heavy artillery fire", "clashed with small and heavy
 * weapons". So when a sentence reports a clash, the clash is its event even if a weapon word weighs more. One
 * side's move (`armed_assault`: an offensive, an assault) does not say the other fought back: rockets fired in an
 * offensive are a shelling, so the weapon keeps the event.
 */
export function mainEvent(found: TriggerMatch[], segmentation: SegmentationLexicon, sentence?: Sentence): TriggerMatch | undefined {
  const all = found.filter((t) => t.code.role === 'event');
  // "Agreed a ceasefire after weeks of fighting": the fighting is background when the sentence reports another event.
  // A crowd's act is never background to its protest ("protests after demonstrators clashed with police").
  const foreground = sentence && all.length > 1
    ? all.filter((t) => (t.code.event_type !== null && CROWD_EVENTS.has(t.code.event_type)) || !isBackground(sentence, t, segmentation))
    : all;
  const events = foreground.length > 0 ? foreground : all;
  const best = strongest(events);
  if (best?.code.event_type !== 'Explosions/Remote violence' || best.code.weight >= SPECIFIC_WEAPON_WEIGHT) return best;
  return strongest(events.filter((t) => t.code.event_type === 'Battles' && t.code.sub_event_type === 'Armed clash' && t.code.name !== 'armed_assault')) ?? best;
}

/** Kinds of event that a sentence without actors of its own may go on telling: an attack's next sentence is about the attack. */
function family(type: string | null): string | null {
  if (type === 'Battles' || type === 'Explosions/Remote violence' || type === 'Violence against civilians') return 'violence';
  return type !== null && CROWD_EVENTS.has(type) ? 'crowd' : type;
}

/**
 * Groups an article's ACLED predicates into reported events, sentence by sentence: a sentence either goes on
 * telling the event before it (a follow-up, a claim of responsibility, the crowd's next act) or opens its own.
 */
export function buildFrames(
  triggers: TriggerMatch[], actors: ActorMention[], doc: AnalysedText, attributive: ReadonlySet<number>,
  placeNamed: (sentence: number, offset: number) => string | null, segmentation: SegmentationLexicon,
): Frame[] {
  const bySentence = groupBySentence(triggers);
  const sentences = [...bySentence.keys()];
  for (const sentence of attributive) if (!bySentence.has(sentence)) sentences.push(sentence);
  sentences.sort((a, b) => a - b);
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

/**
 * Every event an article reports, in the order of its words: the ACLED events framed from the asserted predicates,
 * one PLOVER-only event per sentence for talks, demands, threats and the intentions PLOVER codes as events
 * ("will meet" is AGREE), and, when asked for, one flagged event per sentence for negated, hypothetical and
 * future predicates (marked with their modality and never read into an asserted event).
 */
export function frameEvents(
  context: Pick<RuleContext, 'doc' | 'triggers' | 'actors' | 'responsibilities' | 'placeFor' | 'includeFlagged' | 'sources' | 'lexicons'>,
): Frame[] {
  const { doc, triggers, actors } = context;
  // A weapon that is a word of an actor's name reports no event: in "a regime sniper shot a civilian" the sniper is who shot.
  const inName = (t: TriggerMatch): boolean => t.code.instrument && actors.some((a) => a.sentence === t.sentence && a.start <= t.start && t.end <= a.end);
  const asserted = triggers.filter((t) => t.modality === 'asserted' && !inName(t));
  // The place a sentence itself names for the event at `offset`, if it names one.
  const placeNamed = (index: number, offset: number): string | null => {
    const sentence = doc.sentences[index];
    const place = context.placeFor(index, offset);
    return place?.span && sentence && place.span.start >= sentence.start && place.span.end <= sentence.end ? place.location : null;
  };
  const flagged = context.includeFlagged ? triggers.filter((t) => t.modality !== 'asserted') : [];
  const acled = asserted.filter((t) => !isPloverOnly(t.code));
  const ploverOnly = [...asserted.filter((t) => isPloverOnly(t.code)), ...intentions(triggers.filter((t) => t.modality !== 'asserted' && !inName(t)))];
  const attributive = new Set(context.responsibilities.map((r) => r.sentence));
  const acledFrames = buildFrames(acled, actors.filter((a) => !context.sources.has(a)), doc, attributive, placeNamed, context.lexicons.segmentation);
  // "The GNA accused Haftar's forces of firing the rockets", after the rockets: who did the event before it, not an accusation apart.
  const readInto = new Set<number>();
  for (const { sentences } of acledFrames) {
    for (const sentence of sentences) if (sentence !== sentences[0] && attributive.has(sentence)) readInto.add(sentence);
  }
  return [
    ...[...acledFrames,
      ...ploverMains(ploverOnly.filter((t) => !readInto.has(t.sentence)), acled).map((main): Frame => ({ main, sentences: [main.sentence], modifiers: [] }))]
      .sort((a, b) => a.main.sentence - b.main.sentence || a.main.start - b.main.start),
    ...[...new Set(flagged.map((t) => t.sentence))].flatMap((sentence): Frame[] => {
      const main = mainEvent(flagged.filter((t) => t.sentence === sentence), context.lexicons.segmentation);
      return main ? [{ main, sentences: [sentence], modifiers: [] }] : [];
    }),
  ];
}
