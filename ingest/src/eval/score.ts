/** Precision, recall and F1 from counts: the one scoring rule every evaluation uses. */

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * @param perfectWhenNothingExpected an answer key that expects nothing of a
 *   type, and gets nothing, scores 1 (gold files); corpora score 0 there.
 */
export function scoreCounts(tp: number, fp: number, fn: number, perfectWhenNothingExpected = false): Score {
  const empty = perfectWhenNothingExpected ? 1 : 0;
  const precision = tp + fp === 0 ? (fn === 0 ? empty : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? empty : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}
