import type { Article } from '../../ingest/types.ts';
import type { ActorMention, ResolvedActor } from '../../mentions/types.ts';
import type { AnalysedText } from '../../text/types.ts';
import type { Claim, Responsibility } from '../attribution.ts';
import type { EventCasualties, EventDate, EventPlace } from '../../resolve/types.ts';
import type { TriggerMatch } from '../types.ts';
import type { ContextLexicon } from '../plover-contexts.ts';
import type { RelevanceLexicon } from '../relevance.ts';
import type { SegmentationLexicon } from '../segment-events.ts';

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

/**
 * What the rules read about the whole article: the coder's inputs and who in it only reports. Each rule asks for
 * the few fields it reads (`Pick<RuleContext, ...>`), so a test hands it just those.
 */
export interface RuleContext extends EventInputs {
  /** Actors that report or watch an event ("..., residents said"), never take part in it (participants.ts). */
  sources: ReadonlySet<ActorMention>;
  /** Actors that accuse another of an event ("the GNA accused ..."): in their own sentence they report it. */
  accusers: ReadonlySet<ActorMention>;
}
