import type { Article } from './ingest/types.ts';
import type { AnalysedText } from './text/types.ts';
import type { ActorMention, CasualtyMention, DateMention } from './mentions/types.ts';
import type { FoundPlace } from './mentions/find-places.ts';
import type { Geolocation } from './resolve/geolocate.ts';
import type { Attribution } from './events/attribution.ts';
import type { TriggerMatch } from './events/types.ts';
import type { CodedEvent } from './events/event-schema.ts';
import type { CodingResources } from './coding-resources.ts';

/** How an article is to be coded. */
export interface CodingOptions {
  /** Also code negated, hypothetical and future events, marked by `modality` (off: only facts). */
  includeFlagged: boolean;
}

/**
 * One article as it goes through the steps: each step reads the fields it requires and adds its own. The first two
 * fields are given; every other is added by exactly one step (see `STEPS` in pipeline.ts).
 */
export interface CodingDoc {
  article: Article;
  options: CodingOptions;
  /** Sentences and tokens with their offsets. */
  analysis: AnalysedText;
  dates: DateMention[];
  /** The date actor names are read on: the article's, or when undated the first date its text names. */
  referenceDate: string | null;
  /** Actors as the dictionary finds them; `actors` once resolved. */
  actorMentions: ActorMention[];
  placeMentions: FoundPlace[];
  /** The article's country and each place mention resolved, with where each event happened. */
  geo: Geolocation;
  /** Actor mentions with the country of role actors and the referent of loaded words settled. */
  actors: ActorMention[];
  casualties: CasualtyMention[];
  attribution: Attribution;
  triggers: TriggerMatch[];
  events: CodedEvent[];
}

export type DocField = keyof CodingDoc;

/** The fields a document has before any step runs. */
export const GIVEN_FIELDS: readonly DocField[] = ['article', 'options'];

/** A step as the pipeline runs it: what it reads and adds, checked when the pipeline is assembled. */
export interface Step {
  name: string;
  requires: readonly DocField[];
  adds: readonly DocField[];
  run(doc: Partial<CodingDoc>, resources: CodingResources): Partial<CodingDoc>;
}

/**
 * Declares a step. Its `run` sees only the fields it requires and must return the fields it adds, so TypeScript
 * holds each step to its declaration; `checkSteps` then holds the pipeline's order to the steps' declarations.
 */
export function step<R extends DocField, A extends DocField>(definition: {
  name: string;
  requires: readonly R[];
  adds: readonly A[];
  run(doc: Pick<CodingDoc, R>, resources: CodingResources): Pick<CodingDoc, A>;
}): Step {
  return definition as Step;
}

/**
 * Throws unless every field a step requires is given or added by an earlier step, and no field is added twice
 * (as Fastify checks a plugin's dependencies when it is registered, not when a request first needs them).
 */
export function checkSteps(steps: readonly Step[], given: readonly DocField[] = GIVEN_FIELDS): void {
  const available = new Map<DocField, string>(given.map((field) => [field, 'the caller']));
  for (const s of steps) {
    for (const field of s.requires) {
      if (!available.has(field)) throw new Error(`step "${s.name}" requires "${field}", which no earlier step adds`);
    }
    for (const field of s.adds) {
      const by = available.get(field);
      if (by !== undefined) throw new Error(`step "${s.name}" adds "${field}", which ${by === 'the caller' ? 'the caller gives' : `step "${by}" already adds`}`);
      available.set(field, s.name);
    }
  }
}

/** The steps, in their order, that `fields` need: those that add them, and those that add what these require. */
export function stepsFor(steps: readonly Step[], fields: readonly DocField[]): Step[] {
  const wanted = new Set(fields);
  const needed: Step[] = [];
  for (const s of [...steps].reverse()) {
    if (!s.adds.some((field) => wanted.has(field))) continue;
    needed.unshift(s);
    for (const field of s.adds) wanted.delete(field);
    for (const field of s.requires) wanted.add(field);
  }
  for (const field of GIVEN_FIELDS) wanted.delete(field);
  if (wanted.size > 0) throw new Error(`no step adds ${[...wanted].map((f) => `"${f}"`).join(', ')}`);
  return needed;
}

/** Runs the steps in order over one document; each step's fields are added to it. */
export function runSteps(steps: readonly Step[], doc: Pick<CodingDoc, 'article' | 'options'>, resources: CodingResources): Partial<CodingDoc> {
  const current: Partial<CodingDoc> = { ...doc };
  for (const s of steps) Object.assign(current, s.run(current, resources));
  return current;
}
