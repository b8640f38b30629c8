/**
 * Splits a text into plain and marked segments from mention spans, or, when
 * a sentence comes without spans, by finding the actors' names in it.
 */
import type { MarkedSpan } from '../api-types.js';

export interface Segment {
  text: string;
  mark?: MarkedSpan;
}

/** Segments in order; overlapping spans keep the earlier (then longer) one. */
export function segmentText(text: string, spans: MarkedSpan[]): Segment[] {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= text.length && s.end > s.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const segments: Segment[] = [];
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    if (span.start > at) segments.push({ text: text.slice(at, span.start) });
    segments.push({ text: text.slice(span.start, span.end), mark: span });
    at = span.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at) });
  return segments;
}

/** Spans where any of the given names occurs as a whole word (case-insensitive). */
export function findNames(text: string, names: Array<{ entityId: string; type?: string; names: string[] }>): MarkedSpan[] {
  const spans: MarkedSpan[] = [];
  const lower = text.toLowerCase();
  for (const entity of names) {
    for (const name of entity.names) {
      const needle = name.toLowerCase().trim();
      if (needle.length < 2) continue;
      let from = 0;
      for (;;) {
        const start = lower.indexOf(needle, from);
        if (start < 0) break;
        const end = start + needle.length;
        const before = start === 0 ? ' ' : lower[start - 1]!;
        const after = end >= lower.length ? ' ' : lower[end]!;
        if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) {
          spans.push({ start, end, entityId: entity.entityId, type: entity.type });
        }
        from = end;
      }
    }
  }
  return spans;
}
