/** Per-label precision, recall and F1 from (gold, predicted) pairs, and their support-weighted mean. */
export interface LabelScore {
  label: string;
  support: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassificationScores {
  /** Mean of the per-label F1 weighted by each label's gold support (scikit-learn's `average="weighted"`). */
  weightedF1: number;
  accuracy: number;
  labels: LabelScore[];
}

/**
 * Scores predictions against gold labels, as scikit-learn's `f1_score(average="weighted")` does: labels that are
 * only ever predicted have no support and so no weight; a label never predicted has precision 0.
 */
export function scoreClassification(pairs: readonly { gold: string; predicted: string }[]): ClassificationScores {
  const goldCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const correct = new Map<string, number>();
  for (const { gold, predicted } of pairs) {
    goldCount.set(gold, (goldCount.get(gold) ?? 0) + 1);
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (gold === predicted) correct.set(gold, (correct.get(gold) ?? 0) + 1);
  }
  const labels: LabelScore[] = [...goldCount.entries()].map(([label, support]) => {
    const tp = correct.get(label) ?? 0;
    const predicted = predictedCount.get(label) ?? 0;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, support, precision, recall, f1 };
  }).sort((a, b) => a.label.localeCompare(b.label));
  const total = pairs.length;
  const weightedF1 = total === 0 ? 0 : labels.reduce((sum, l) => sum + l.f1 * l.support, 0) / total;
  const accuracy = total === 0 ? 0 : [...correct.values()].reduce((a, b) => a + b, 0) / total;
  return { weightedF1, accuracy, labels };
}
