/** What the mention stage hands to resolution and relation: sentences and mentions of one text. */
import type { Mention, Span } from '../../../core/src/model.js';

export interface TextAnalysis {
  /** Sentence spans, sorted, into the same text as the mentions. */
  sentences: Span[];
  /** Sorted, non-overlapping mention spans. */
  mentions: Mention[];
}

/** For each mention, the index of the sentence that holds it (-1 when none does). */
export function sentenceIndexOf(sentences: Span[], spans: Span[]): number[] {
  const out: number[] = [];
  for (const span of spans) {
    // Binary search: the last sentence starting at or before the span.
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= span.start) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    out.push(found >= 0 && span.start < sentences[found]!.end ? found : -1);
  }
  return out;
}
