/** Items (predicates, mentions) grouped by the sentence they are in, each group in the items' order. */
export function bySentence<T extends { sentence: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.sentence);
    if (group) group.push(item);
    else groups.set(item.sentence, [item]);
  }
  return groups;
}
