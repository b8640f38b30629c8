/** The entity mentions of each sentence, in order: what the relation rules read between and around. */
import type { EntityType, ExtractedEntity, Mention, Span } from '../../../core/src/model.js';
import { sentenceIndexOf } from '../resolve/text-analysis.js';

export interface Slot extends Span {
  id: string;
  type: EntityType;
  /** For countries, how the text named it (a demonym reads as nationality). */
  via?: Mention['via'];
  /** A pronoun or a bare title standing in for the person named earlier (referring-slots.ts). */
  refers?: true;
}

export interface SentenceSlots {
  sentence: Span;
  slots: Slot[];
}

/** Sentences that name at least `min` entity mentions, each with its slots sorted by position. */
export function sentenceSlots(sentences: Span[], entities: ExtractedEntity[], min = 1, mentions: Mention[] = []): SentenceSlots[] {
  const via = new Map(mentions.filter((m) => m.via).map((m) => [m.start, m.via]));
  const all: Slot[] = entities.flatMap((e) =>
    e.mentions.map((m) => {
      const slot: Slot = { start: m.start, end: m.end, id: e.id, type: e.type };
      const how = via.get(m.start);
      if (how) slot.via = how;
      return slot;
    }),
  );
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
