/** Test helper: hand-made mention analyses, so resolution and relations are tested without the mention stage. */
import type { EntityType, Mention, Span } from '../../../core/src/model.js';
import type { TextAnalysis } from './text-analysis.js';

export type MentionSpec = [surface: string, type: EntityType, extra?: Partial<Mention>];

/** Sentences split at ". ", "! ", "? " and blank lines. */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // Sentence ends: terminal punctuation followed by space, or a newline.
  const ends = /(?<=[.!?])\s+(?=[“"A-Z0-9])|\n+/g;
  for (const m of text.matchAll(ends)) {
    if (m.index! > start) spans.push(trim(text, { start, end: m.index! }));
    start = m.index! + m[0].length;
  }
  if (start < text.length) spans.push(trim(text, { start, end: text.length }));
  return spans.filter((s) => s.end > s.start);
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * Mentions found by searching each spec's surface in order, left to right;
 * a spec that does not occur fails loudly so fixtures stay honest.
 */
export function analyse(text: string, specs: MentionSpec[]): TextAnalysis {
  const mentions: Mention[] = [];
  let from = 0;
  for (const [surface, type, extra] of specs) {
    const start = text.indexOf(surface, from);
    if (start < 0) throw new Error(`fixture: "${surface}" not found after ${from}`);
    mentions.push({ start, end: start + surface.length, text: surface, type, ...extra });
    from = start + surface.length;
  }
  return { sentences: splitSentences(text), mentions };
}

/** Shorthands for country mentions with their code and gazetteer name. */
export const country = (surface: string, iso2: string, canonical: string, via: Mention['via'] = 'name'): MentionSpec => [
  surface,
  'Country',
  { iso2, canonical, via },
];
