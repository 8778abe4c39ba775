/**
 * ACLED writes several names in one field joined by "; ": an event's associated actors, and the outlets of the
 * reports merged into a stored event (src/dedup). The names of such a field, in order, without blanks.
 */
export function splitJoinedNames(field: string | null): string[] {
  return field ? field.split(';').map((name) => name.trim()).filter(Boolean) : [];
}
