import type { AnalysedText } from '../text/types.ts';
import type { ActorMention, ResolvedActor } from '../mentions/types.ts';
import { roleName, type ActorDictionary } from '../mentions/actor-dictionary.ts';

/** Armed groups that a loaded word can stand for: rebels, militias (ACLED types 2-4). */
function isArmedGroup(mention: ActorMention): boolean {
  return !mention.loaded && !mention.generic && mention.actor.inter >= 2 && mention.actor.inter <= 4;
}

/**
 * What a loaded word ("the terrorists", "militants") stands for: the armed group named nearest before
 * it in the article, else the first one named after it, else an unidentified armed group of the
 * article's country. The word itself is never a name.
 */
function referent(index: number, mentions: ActorMention[], country: string | null, dictionary: ActorDictionary): ResolvedActor {
  for (let i = index - 1; i >= 0; i--) if (isArmedGroup(mentions[i]!)) return mentions[i]!.actor;
  const after = mentions.slice(index + 1).find(isArmedGroup);
  return after?.actor ?? roleActor('unidentified', country, dictionary);
}

/**
 * Settles what the text alone could not:
 * - actors named by role without a country ("police") take the article's: "Police Forces of Syria";
 * - loaded words become the actor the article refers to (see `referent`), keeping `loaded: true`.
 */
export function resolveActors(mentions: ActorMention[], doc: AnalysedText, country: string | null, dictionary: ActorDictionary): ActorMention[] {
  const roles = dictionary.roles;
  return mentions.map((mention, index) => {
    if (mention.loaded) return { ...mention, actor: referent(index, mentions, country, dictionary) };
    if (!mention.generic || mention.actor.country) return mention;
    const own = possessorCountry(mention, index, mentions, doc, dictionary) ?? country;
    if (!own) return mention;
    const role = roles.get(mention.actor.id.split(':')[0]!);
    if (!role) return mention;
    return { ...mention, actor: { ...mention.actor, id: `${role.role}:${own}`, name: roleName(role, own), country: own } };
  });
}

const POSSESSIVES = new Set(['its', 'their']);

/** "Russia's Defence Ministry said its forces ...": "its forces" are those of the actor named just before in the sentence. */
function possessorCountry(mention: ActorMention, index: number, mentions: ActorMention[], doc: AnalysedText, dictionary: ActorDictionary): string | null {
  const before = doc.text.slice(Math.max(0, mention.start - 6), mention.start).trim().toLowerCase().split(/\s+/).at(-1) ?? '';
  if (!POSSESSIVES.has(before)) return null;
  for (let i = index - 1; i >= 0; i--) {
    const other = mentions[i]!;
    if (other.sentence !== mention.sentence) break;
    if (other.actor.country) return other.actor.country;
  }
  // "Russia's Defence Ministry said its forces": a country named before, as a speaker's, not as an actor.
  const sentence = doc.sentences[mention.sentence];
  const countries = dictionary.countries;
  let found: string | null = null;
  for (const token of sentence?.tokens ?? []) {
    if (token.start >= mention.start) break;
    const entry = countries.get(token.normal)?.find((c) => c.words.length === 1 && !c.acronym);
    if (entry) found = entry.country;
  }
  return found;
}

/** An actor known only by its role in the event, e.g. "Protesters (Yemen)". */
export function roleActor(role: 'protesters' | 'rioters' | 'civilians' | 'unidentified' | 'police', country: string | null, dictionary: ActorDictionary): ResolvedActor {
  const entry = dictionary.roles.get(role);
  if (!entry) throw new Error(`data/actors/generic.yaml: roles.${role} is missing`);
  return { id: `${role}:${country ?? ''}`, name: roleName(entry, country), kind: entry.kind, inter: entry.inter, country };
}
