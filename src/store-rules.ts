import { EventSchema } from './events/event-schema.ts';
import type { ActorDictionary, ActorEntry } from './mentions/actor-dictionary.ts';
import { defaultActorDictionary } from './coding-resources.ts';
import { DATE_WINDOW_DAYS, NEARBY_KM, findDisagreements, firstMatch, mergeReports } from './dedup/dedup.ts';
import type { ActorDirectory, StoreRules } from './store/types.ts';

/**
 * sitrep's rules for its stores, given to a store when it is opened: the dedup rule of src/dedup/dedup.ts,
 * the actor dictionary's names and countries, and the coded event's schema. The store holds none of these
 * itself, so src/store imports nothing from the stages that code events.
 */
export function storeRules(dictionary: () => ActorDictionary = defaultActorDictionary): StoreRules {
  return {
    merge: { dateWindowDays: DATE_WINDOW_DAYS, nearbyKm: NEARBY_KM, firstMatch, mergeReports, findDisagreements },
    actors: actorDirectory(dictionary),
    eventSchema: EventSchema,
  };
}

/**
 * The names and countries of the dictionary's named actors, indexed when first asked (a store that never
 * filters by actor nor writes an event does not load the dictionary).
 */
export function actorDirectory(dictionary: () => ActorDictionary): ActorDirectory {
  let index: { byName: Map<string, string[]>; byId: Map<string, ActorEntry> } | null = null;
  const indexed = (): NonNullable<typeof index> => {
    if (index) return index;
    const byName = new Map<string, string[]>();
    const byId = new Map<string, ActorEntry>();
    for (const from of dictionary().phrases.values()) {
      for (const phrase of [...from.single, ...[...from.bySecond.values()].flat()]) {
        if (phrase.target.type !== 'named' || byId.has(phrase.target.entry.id)) continue;
        const entry = phrase.target.entry;
        byId.set(entry.id, entry);
        for (const { name } of entry.names) {
          const key = name.toLowerCase();
          byName.set(key, [...(byName.get(key) ?? []), entry.id]);
        }
      }
    }
    return (index = { byName, byId });
  };
  return {
    idsNamed: (name) => indexed().byName.get(name) ?? [],
    countryOf: (id) => indexed().byId.get(id)?.country,
  };
}
