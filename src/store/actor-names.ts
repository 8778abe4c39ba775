import { loadActorDictionary, type ActorEntry } from '../mentions/actor-dictionary.ts';

/**
 * What the store knows of an actor beyond the event: the names a dictionary actor has borne and its country.
 * A dictionary actor's name changes over time ("Jabhat Fatah al-Sham" became "HTS: Hayat Tahrir al Sham"),
 * while the store keeps one row per actor id, named as its last stored event named it; the actor filter
 * must still find the actor by the name an older or newer event shows.
 */

let byName: Map<string, string[]> | null = null;
let byId: Map<string, ActorEntry> | null = null;

function index(): { byName: Map<string, string[]>; byId: Map<string, ActorEntry> } {
  if (byName && byId) return { byName, byId };
  const names = new Map<string, string[]>();
  const ids = new Map<string, ActorEntry>();
  for (const from of loadActorDictionary().phrases.values()) {
    for (const phrase of [...from.single, ...[...from.bySecond.values()].flat()]) {
      if (phrase.target.type !== 'named' || ids.has(phrase.target.entry.id)) continue;
      const entry = phrase.target.entry;
      ids.set(entry.id, entry);
      for (const { name } of entry.names) {
        const key = name.toLowerCase();
        names.set(key, [...(names.get(key) ?? []), entry.id]);
      }
    }
  }
  byName = names;
  byId = ids;
  return { byName, byId };
}

/**
 * The actor ids a filter value may mean: the value itself (an id), the id of an actor stored by that name
 * only ("name:" + the lower-case name) and every dictionary actor that has borne that name.
 */
export function actorIdsFor(value: string): string[] {
  const key = value.trim().toLowerCase();
  return [...new Set([value, `name:${key}`, ...(index().byName.get(key) ?? [])])];
}

/**
 * The country of an actor: its dictionary entry's (null for international actors), the country a role
 * actor's id carries ("police:Nigeria"), else the country of the event it was reported in.
 */
export function actorCountry(id: string, eventCountry: string | null): string | null {
  const entry = index().byId.get(id);
  if (entry) return entry.country;
  const role = /^[a-z_]+:(.+)$/.exec(id);
  if (role && !id.startsWith('name:') && !id.startsWith('unlisted:')) return role[1]!;
  return eventCountry;
}
