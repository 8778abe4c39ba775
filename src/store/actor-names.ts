import type { ActorDirectory } from './types.ts';

/**
 * What the store knows of an actor beyond the event: the names a dictionary actor has borne and its country.
 * A dictionary actor's name changes over time ("Jabhat Fatah al-Sham" became "HTS: Hayat Tahrir al Sham"),
 * while the store keeps one row per actor id, named as its last stored event named it; the actor filter
 * must still find the actor by the name an older or newer event shows.
 */

/**
 * The actor ids a filter value may mean: the value itself (an id), the id of an actor stored by that name
 * only ("name:" + the lower-case name) and every dictionary actor that has borne that name.
 */
export function actorIdsFor(value: string, actors: ActorDirectory): string[] {
  const key = value.trim().toLowerCase();
  return [...new Set([value, `name:${key}`, ...actors.idsNamed(key)])];
}

/**
 * The country of an actor: its dictionary entry's (null for international actors), the country a role
 * actor's id carries ("police:Nigeria"), else the country of the event it was reported in.
 */
export function actorCountry(id: string, eventCountry: string | null, actors: ActorDirectory): string | null {
  const known = actors.countryOf(id);
  if (known !== undefined) return known;
  const role = /^[a-z_]+:(.+)$/.exec(id);
  if (role && !id.startsWith('name:') && !id.startsWith('unlisted:')) return role[1]!;
  return eventCountry;
}
