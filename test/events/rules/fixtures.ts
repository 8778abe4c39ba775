// Small hand-built pieces for the event rules' tests: a text cut into sentences, predicates and actors found at
// words of our own choosing, and a draft at the point of the step under test. No lexicon, dictionary or gazetteer.
import { analyseText } from '../../../src/text/analyse-text.ts';
import type { ActorKind, ActorMention, InterCode, ResolvedActor } from '../../../src/mentions/types.ts';
import type { AnalysedText } from '../../../src/text/types.ts';
import type { EventRuleLexicons, RuleContext } from '../../../src/events/rules/context.ts';
import { loadRelevanceLexicon } from '../../../src/events/relevance.ts';
import { loadSegmentationLexicon } from '../../../src/events/segment-events.ts';
import { loadContextLexicon } from '../../../src/events/plover-contexts.ts';
import { startDraft, type EventDraft, type Frame } from '../../../src/events/rules/draft.ts';
import type { EventCode, Modality, TriggerMatch } from '../../../src/events/types.ts';

export function docOf(text: string): AnalysedText {
  return analyseText(text);
}

/** The token range of the first occurrence of `words` in sentence `index`, after token `from`. */
function wordsAt(doc: AnalysedText, index: number, words: string, from = 0): { first: number; last: number; start: number; end: number; text: string } {
  const sentence = doc.sentences[index];
  if (!sentence) throw new Error(`no sentence ${index}`);
  const wanted = words.toLowerCase().split(/\s+/);
  for (let i = from; i + wanted.length <= sentence.tokens.length; i++) {
    if (wanted.every((w, k) => sentence.tokens[i + k]!.normal === w)) {
      const first = sentence.tokens[i]!;
      const last = sentence.tokens[i + wanted.length - 1]!;
      return { first: i, last: i + wanted.length - 1, start: first.start, end: last.end, text: doc.text.slice(first.start, last.end) };
    }
  }
  throw new Error(`"${words}" is not in sentence ${index}: ${sentence.text}`);
}

export function eventCode(fields: Partial<EventCode> & Pick<EventCode, 'name'>): EventCode {
  return { event_type: null, sub_event_type: null, plover: 'ASSAULT', mode: null, weight: 50, role: 'event', instrument: false, ...fields };
}

/** Codes a predicate as the lexicon would, for the tests' own purposes. */
export const CODES = {
  attack: eventCode({ name: 'attack', event_type: 'Violence against civilians', sub_event_type: 'Attack', weight: 50 }),
  clash: eventCode({ name: 'armed_clash', event_type: 'Battles', sub_event_type: 'Armed clash', weight: 60 }),
  shelling: eventCode({ name: 'shelling', event_type: 'Explosions/Remote violence', sub_event_type: 'Shelling/artillery/missile attack', weight: 70 }),
  suicideBomb: eventCode({ name: 'suicide_bomb', event_type: 'Explosions/Remote violence', sub_event_type: 'Suicide bomb', weight: 95 }),
  killed: eventCode({ name: 'killing', event_type: 'Violence against civilians', sub_event_type: 'Attack', weight: 30, role: 'outcome' }),
  protest: eventCode({ name: 'protest', event_type: 'Protests', sub_event_type: 'Peaceful protest', plover: 'PROTEST', mode: 'demo', weight: 40 }),
  stones: eventCode({ name: 'riot_act', event_type: 'Riots', sub_event_type: 'Violent demonstration', plover: 'PROTEST', mode: 'riot', weight: 30, role: 'modifier' }),
  dispersed: eventCode({ name: 'protest_intervention', event_type: 'Protests', sub_event_type: 'Protest with intervention', plover: 'PROTEST', weight: 20, role: 'modifier' }),
  threat: eventCode({ name: 'threaten', plover: 'THREATEN', weight: 30 }),
  talks: eventCode({ name: 'meet', plover: 'CONSULT', weight: 30 }),
  sniper: eventCode({ name: 'sniper', event_type: 'Violence against civilians', sub_event_type: 'Attack', weight: 55, instrument: true }),
};

export function trigger(
  doc: AnalysedText, sentence: number, words: string, code: EventCode,
  options: { modality?: Modality; passive?: boolean; from?: number } = {},
): TriggerMatch {
  const at = wordsAt(doc, sentence, words, options.from);
  return {
    sentence, firstToken: at.first, lastToken: at.last, start: at.start, end: at.end, text: at.text, code,
    modality: options.modality ?? 'asserted', passive: options.passive ?? false,
  };
}

const INTER: Record<ActorKind, InterCode> = {
  state: 1, rebel: 2, political_militia: 3, identity_militia: 4, rioters: 5, protesters: 6, civilians: 7, external: 8,
};

export function resolved(id: string, kind: ActorKind, country: string | null = 'Freedonia'): ResolvedActor {
  return { id, name: `${id} (${country ?? 'international'})`, kind, inter: INTER[kind], country };
}

export function actor(
  doc: AnalysedText, sentence: number, words: string, who: ResolvedActor,
  options: { generic?: boolean; loaded?: boolean } = {},
): ActorMention {
  const at = wordsAt(doc, sentence, words);
  return { kind: 'actor', sentence, start: at.start, end: at.end, text: at.text, actor: who, generic: options.generic ?? false, loaded: options.loaded ?? false };
}

/** As the resolve stage names an actor known only by its role, with the country in its name. */
export function roleActor(role: 'protesters' | 'rioters' | 'civilians' | 'unidentified' | 'police', country: string | null): ResolvedActor {
  const kinds = { protesters: 'protesters', rioters: 'rioters', civilians: 'civilians', unidentified: 'political_militia', police: 'state' } as const;
  return resolved(`${role}-role`, kinds[role], country);
}

/** A draft of `main`'s event, as the rules before the one under test would have left it. */
export function draft(doc: AnalysedText, main: TriggerMatch, fields: Omit<Partial<EventDraft>, 'frame'> & { frame?: Partial<Frame> } = {}): EventDraft {
  const { frame, ...rest } = fields;
  const start = startDraft({ main, sentences: [main.sentence], modifiers: [], ...frame }, main, doc.sentences[main.sentence]!, null);
  return { ...start, ...rest };
}

/** The shipped word lists of the event rules. */
export const LEXICONS: EventRuleLexicons = {
  relevance: loadRelevanceLexicon(), segmentation: loadSegmentationLexicon(), contexts: loadContextLexicon(),
};

/** An article's context with nothing in it but `fields`. */
export function context(doc: AnalysedText, fields: Partial<RuleContext> = {}): RuleContext {
  return {
    article: { id: 'rules-test', origin: 'test', title: null, text: doc.text, url: null, source: 'Test Wire', published: '2022-03-01', byline: null },
    doc, triggers: [], actors: [], claims: [], responsibilities: [], country: 'Freedonia',
    placeFor: () => null,
    dateFor: () => ({ date: '2022-03-01', precision: 1, span: null }),
    casualtiesFor: () => ({ fatalities: 0, injured: 0, basis: 'none', spans: [] }),
    roleActor,
    sources: new Set(), accusers: new Set(),
    lexicons: LEXICONS,
    ...fields,
  };
}
