/**
 * What the relation classifier sees of two mentions in one sentence: the words between them (as a bag, the
 * first and last, the bigrams and, when short, the whole gap), the words just outside them, their order and
 * distance, the mentions in between, and title words. Plain strings over a cheap word split of the sentence,
 * so training (on CoNLL04's sentences) and extraction (on articles) compute exactly the same features.
 */
import type { EntityType, Span } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';
import { isLeaderTitle, isTitleWord } from '../resolve/person-titles.js';

/** One side of a candidate pair: where it is and what it is. */
export interface PairMention extends Span {
  type: EntityType;
}

interface Word extends Span {
  text: string;
  lower: string;
}

/** Words, numbers and single punctuation marks, with their offsets. */
const WORD = /[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** A sentence's words, split once and shared by every pair in it. */
export function sentenceWords(text: string, sentence: Span): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(sentence.start, sentence.end);
  for (let m = WORD.exec(slice); m; m = WORD.exec(slice)) {
    const start = sentence.start + m.index;
    out.push({ start, end: start + m[0].length, text: m[0], lower: m[0].toLowerCase() });
  }
  return out;
}

/** Gaps longer than this are read only by their ends: the words in the middle rarely state the relation. */
const BAG_LIMIT = 12;

function distanceBucket(n: number): string {
  if (n <= 3) return String(n);
  if (n <= 5) return '4-5';
  if (n <= 8) return '6-8';
  if (n <= 12) return '9-12';
  return '13+';
}

function wordClass(lower: string): string | undefined {
  if (!isTitleWord(lower)) return undefined;
  return isLeaderTitle(lower) ? 'LEADER' : 'TITLE';
}

/**
 * Features of the pair (`head`, `tail`): head is the relation's source (the person who works for, the
 * organisation based in), tail its target; either may come first in the text. `others` are the sentence's
 * other mentions, for what stands between the two.
 */
export function pairFeatures(text: string, words: Word[], head: PairMention, tail: PairMention, others: PairMention[]): string[] {
  const headFirst = head.start < tail.start;
  const [first, second] = headFirst ? [head, tail] : [tail, head];
  const f: string[] = ['bias', `o=${headFirst ? 'ht' : 'th'}`];

  const before: Word[] = [];
  const between: Word[] = [];
  const after: Word[] = [];
  const inFirst: Word[] = [];
  const inSecond: Word[] = [];
  for (const w of words) {
    if (w.end <= first.start) before.push(w);
    else if (w.start >= first.start && w.end <= first.end) inFirst.push(w);
    else if (w.start >= first.end && w.end <= second.start) between.push(w);
    else if (w.start >= second.start && w.end <= second.end) inSecond.push(w);
    else if (w.start >= second.end) after.push(w);
  }
  const o = headFirst ? 'ht' : 'th';
  f.push(`d=${distanceBucket(between.length)}`, `od=${o}${distanceBucket(between.length)}`);

  const inside = others.filter((m) => m.start >= first.end && m.end <= second.start);
  f.push(`n=${Math.min(inside.length, 2)}`);
  for (const m of inside) f.push(`mb=${m.type}`);

  // The gap's words, skipping those of mentions inside it (a name between is a type, not a word).
  const gap = between.filter((w) => !inside.some((m) => w.start >= m.start && w.end <= m.end));
  if (gap.length > 0) {
    f.push(`f=${gap[0]!.lower}`, `l=${gap[gap.length - 1]!.lower}`, `ol=${o}${gap[gap.length - 1]!.lower}`);
    if (gap.length <= BAG_LIMIT) {
      for (const w of gap) f.push(`w=${w.lower}`);
      for (let i = 0; i + 1 < gap.length; i++) f.push(`b=${gap[i]!.lower} ${gap[i + 1]!.lower}`);
    }
    if (gap.length <= 4) f.push(`g=${o} ${gap.map((w) => w.lower).join(' ')}`);
    for (const w of gap) {
      const c = wordClass(w.lower);
      if (c) f.push(`c=${c}`, `oc=${o}${c}`);
    }
  } else f.push('g=adjacent', `g=${o} adjacent`);

  // The words just outside the pair ("<s>" and "</s>" at the sentence's edges).
  const l1 = before[before.length - 1]?.lower ?? '<s>';
  const l2 = before[before.length - 2]?.lower ?? '<s>';
  const r1 = after[0]?.lower ?? '</s>';
  const r2 = after[1]?.lower ?? '</s>';
  f.push(`L1=${l1}`, `L2=${l2} ${l1}`, `R1=${r1}`, `R2=${r1} ${r2}`);
  for (const w of before.slice(-3)) {
    const c = wordClass(w.lower);
    if (c) f.push(`cb=${c}`);
  }

  // An organisation's last word ("Corp", "University", "Times", "Party") says what kind of body it is; a
  // person's or a place's last word is a name, which would only be memorised.
  const org = head.type === 'Organization' ? head : tail.type === 'Organization' ? tail : undefined;
  const orgWords = org === first ? inFirst : org === second ? inSecond : [];
  if (orgWords.length > 0) f.push(`ow=${orgWords[orgWords.length - 1]!.lower}`);
  // "the Bulgarian Socialist Party" and Bulgaria, "Haitian Parliament" and Haiti: the body bears the country's name.
  const place = head.type === 'Country' ? head : tail.type === 'Country' ? tail : undefined;
  if (org && place) {
    const country = lookupCountry(text.slice(place.start, place.end))?.iso2;
    if (country && orgWords.some((w) => lookupCountry(w.text)?.iso2 === country)) f.push('namesake');
  }
  return f;
}
