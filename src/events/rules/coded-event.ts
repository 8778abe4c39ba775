import { interactionCode, type CodedEvent } from '../event-schema.ts';
import { contextsOf } from '../plover-contexts.ts';
import { isPloverOnly, ploverOfRaid } from '../plover-frames.ts';
import { QUAD_OF } from '../plover-quad.ts';
import type { EventCasualties } from '../../resolve/types.ts';
import type { RuleContext } from './context.ts';
import { sentencesOf, type EventDraft } from './draft.ts';
import { confidenceOf, evidenceOf } from './evidence.ts';

const NO_CASUALTIES: EventCasualties = { fatalities: 0, injured: 0, basis: 'none', spans: [] };

/** The finished draft as a coded event, with its date, casualties, claimant, context, evidence and confidence. */
export function codedEvent(draft: EventDraft, context: Pick<RuleContext, 'article' | 'doc' | 'claims' | 'dateFor' | 'casualtiesFor' | 'lexicons'>): CodedEvent {
  const { article } = context;
  const { frame, main, sentence, roles, place, actor1, actor2, assoc1, inter1, inter2 } = draft;
  const date = context.dateFor(main.sentence);
  // A verbal act's casualties are those of the act it speaks of, coded as that act's own event.
  const casualties = isPloverOnly(main.code) ? NO_CASUALTIES : context.casualtiesFor(frame.sentences);
  const coding = ploverOfRaid(draft.coding, main, inter1, casualties.fatalities > 0 || casualties.injured > 0);
  const claim = context.claims.find((c) => frame.sentences.includes(c.sentence)) ?? null;
  return {
    event_id: `${article.id}:${main.sentence}:${main.start}`,
    modality: main.modality,
    article_id: article.id,
    event_date: date.date,
    time_precision: date.precision,
    event_type: coding.event_type,
    sub_event_type: coding.sub_event_type,
    plover_event: coding.plover,
    mode: coding.mode,
    context: contextsOf(sentencesOf(frame, context.doc), context.lexicons.contexts),
    actor1: actor1?.name ?? null,
    actor1_id: actor1?.id ?? null,
    assoc_actor_1: assoc1?.name ?? null,
    inter1,
    actor2: actor2?.name ?? null,
    actor2_id: actor2?.id ?? null,
    assoc_actor_2: roles.assoc2?.actor.name ?? null,
    inter2,
    interaction: interactionCode(inter1, inter2),
    country: draft.country,
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
    confidence: confidenceOf(draft, date),
    evidence: evidenceOf(draft, date, casualties, claim),
    sentence: { start: sentence.start, end: sentence.end, text: sentence.text },
    neighbourhood: place?.neighbourhood ?? null,
    quad: QUAD_OF[coding.plover],
  };
}
