/** The entity mentions of each sentence, in order: what the relation rules read between and around. */
import type { EntityType, ExtractedEntity, Span } from '../../../core/src/model.js';
import { sentenceIndexOf } from '../resolve/text-analysis.js';

export interface Slot extends Span {
  id: string;
  type: EntityType;
}

export interface SentenceSlots {
  sentence: Span;
  slots: Slot[];
}

/** Sentences that name at least `min` entity mentions, each with its slots sorted by position. */
export function sentenceSlots(sentences: Span[], entities: ExtractedEntity[], min = 1): SentenceSlots[] {
  const all: Slot[] = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, id: e.id, type: e.type })));
  all.sort((a, b) => a.start - b.start);
  const index = sentenceIndexOf(sentences, all);
  const bySentence = new Map<number, Slot[]>();
  all.forEach((slot, i) => {
    const s = index[i]!;
    if (s < 0) return;
    const list = bySentence.get(s) ?? [];
    list.push(slot);
    bySentence.set(s, list);
  });
  return [...bySentence.entries()]
    .filter(([, slots]) => slots.length >= min)
    .sort(([a], [b]) => a - b)
    .map(([s, slots]) => ({ sentence: sentences[s]!, slots }));
}
