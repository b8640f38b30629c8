/**
 * Words that refer back to a person named earlier, as slots the relation rules can read: a sentence that
 * opens with "He" or "She" ("Kim Jong-un … He met Moon") and "the chancellor" after "German Chancellor
 * Olaf Scholz". Only where the reference is plain, since a wrong relation is worse than a missing one: the
 * pronoun's sentence must follow one that names exactly one person, and a title must have had exactly one
 * holder named so far in the article. The rules read these slots; the learned classifier does not: it
 * learned from names, and beside "He said" it finds employers where there are none.
 */
import type { Span } from '../../../core/src/model.js';
import { LEADER_TITLES, STAFF_TITLES } from '../resolve/person-titles.js';
import type { SentenceSlots, Slot } from './sentence-slots.js';

/** "He met", "She said": the pronoun opens the sentence and a lower-case word follows. */
const OPENING_PRONOUN = /^(?:[“"‘']\s*)?(He|She)\s+(?=\p{Ll})/u;

const TITLES = [...new Set([...LEADER_TITLES, ...STAFF_TITLES])]
  .filter((t) => t.length > 3 && !/^(?:head|chief|chair|boss|leader|spokesman|spokeswoman|official|aide)$/.test(t))
  .sort((a, b) => b.length - a.length)
  .map((t) => t.replace(/[-\s]+/g, String.raw`[-\s]+`));
const TITLE = `(?:${TITLES.join('|')})`;
/** The same titles with each word's first letter in either case ("the Chancellor", "the prime minister"). */
const TITLE_EITHER_CASE = `(?:${TITLES.map((t) => t.replace(/(^|\\s\]\+)([a-z])/g, (_, lead: string, c: string) => `${lead}[${c}${c.toUpperCase()}]`)).join('|')})`;
/** A title right before a person's name: "German Chancellor Olaf Scholz", "Foreign Minister Pia Lund". */
const TITLE_BEFORE_NAME = new RegExp(String.raw`\b(${TITLE})\s+$`, 'iu');
/**
 * "the chancellor" with no name after it, and no "of X" that would make it another body's ("the chairman of
 * Southampton"). Case-sensitive, so that the name after it is told by its capital.
 */
const THE_TITLE = new RegExp(String.raw`\b[Tt]he\s+(${TITLE_EITHER_CASE})\b(?!\s+\p{Lu})(?!\s+(?:of|at|for|to|in)\b)`, 'gu');

const titleKey = (title: string) => title.toLowerCase().replace(/[-\s]+/g, ' ');

/**
 * Each sentence's slots with the referring words added where they are plain. `sentences` are all the
 * article's sentences (in order); `slotted` those that name at least one actor, as sentenceSlots builds them.
 */
export function withReferringSlots(text: string, sentences: Span[], slotted: SentenceSlots[]): SentenceSlots[] {
  const bySentenceStart = new Map(slotted.map((s) => [s.sentence.start, s]));
  const holders = new Map<string, Set<string>>();
  const out: SentenceSlots[] = [];
  let previousPeople = new Set<string>();
  for (const sentence of sentences) {
    const own = bySentenceStart.get(sentence.start);
    const slots = [...(own?.slots ?? [])];
    const added: Slot[] = [];
    const body = text.slice(sentence.start, sentence.end);

    const pronoun = OPENING_PRONOUN.exec(body);
    if (pronoun && previousPeople.size === 1) {
      const start = sentence.start + pronoun.index + pronoun[0].indexOf(pronoun[1]!);
      added.push({ start, end: start + pronoun[1]!.length, id: [...previousPeople][0]!, type: 'Person', refers: true });
    }
    for (const m of body.matchAll(THE_TITLE)) {
      const holder = holders.get(titleKey(m[1]!));
      if (holder?.size !== 1) continue;
      const start = sentence.start + m.index;
      added.push({ start, end: start + m[0].length, id: [...holder][0]!, type: 'Person', refers: true });
    }

    // Titles named before a person in this sentence count for the sentences after it.
    for (const slot of slots) {
      if (slot.type !== 'Person') continue;
      const title = TITLE_BEFORE_NAME.exec(text.slice(Math.max(sentence.start, slot.start - 40), slot.start));
      if (!title) continue;
      const set = holders.get(titleKey(title[1]!)) ?? new Set<string>();
      set.add(slot.id);
      holders.set(titleKey(title[1]!), set);
    }
    const all = added.length > 0 ? [...slots, ...added].sort((a, b) => a.start - b.start) : slots;
    previousPeople = new Set(all.filter((s) => s.type === 'Person').map((s) => s.id));
    if (all.length >= 2) out.push({ sentence, slots: all });
  }
  return out;
}
