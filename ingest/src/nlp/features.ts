/** Word features for the mention tagger: forms, shapes, affixes, neighbours, gazetteer and compromise tags, casing context. */
import nlp from 'compromise';
import { compromiseTags } from './compromise-tags.js';
import { markGazetteer } from './countries.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokenize.js';

/** How a sentence is cased: headlines in ALL CAPS or Title Case make capitals meaningless. */
export type CaseMode = 'n' | 'caps' | 'title';

/** A text, tokenised and annotated once, ready for tagging. */
export interface PreparedText {
  text: string;
  tokens: Token[];
  sentences: Array<[number, number]>;
  /** Per token: the static (tag-independent) features. */
  staticFeatures: string[][];
  /** Per sentence: how it is cased. */
  modes: CaseMode[];
  /** Per lower-cased word: how it is cased mid-sentence elsewhere in this text. */
  docCase: Map<string, string>;
}

/** "Kim" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d", "Yo-jong" → "Xx-x". */
export function wordShape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const c = ch >= 'A' && ch <= 'Z' ? 'X' : ch >= 'a' && ch <= 'z' ? 'x' : ch >= '0' && ch <= '9' ? 'd' : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : ch;
    if (c !== last) out += c;
    last = c;
  }
  return out;
}

function normalise(word: string): string {
  return word.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"').replace(/\d/g, '0');
}

const LETTER = /\p{L}/u;
const UPPER_START = /^\p{Lu}/u;

/** ALL CAPS when most words with letters are upper case; Title Case when most start upper case. */
function caseMode(words: string[]): CaseMode {
  let alpha = 0;
  let caps = 0;
  let title = 0;
  for (const w of words) {
    if (!LETTER.test(w)) continue;
    alpha++;
    if (w.length > 1 && w === w.toUpperCase()) caps++;
    if (UPPER_START.test(w)) title++;
  }
  if (alpha >= 2 && caps / alpha >= 0.7) return 'caps';
  if (alpha >= 3 && title / alpha >= 0.75) return 'title';
  return 'n';
}

/**
 * How each lower-cased word is written elsewhere in the document, mid-sentence in normally cased text:
 * "cap" (only capitalised), "low" (only lower case), "both" or absent. It tells a headline's names from its words.
 */
function documentCasing(words: string[], sentences: Array<[number, number]>, modes: CaseMode[]): Map<string, string> {
  const seen = new Map<string, number>(); // bit 1: capitalised, bit 2: lower case
  sentences.forEach(([from, to], s) => {
    if (modes[s] !== 'n') return;
    for (let i = from + 1; i < to; i++) {
      const w = words[i]!;
      if (!LETTER.test(w[0] ?? '')) continue;
      const key = w.toLowerCase();
      seen.set(key, (seen.get(key) ?? 0) | (UPPER_START.test(w) ? 1 : 2));
    }
  });
  const out = new Map<string, string>();
  for (const [k, v] of seen) out.set(k, v === 1 ? 'cap' : v === 2 ? 'low' : 'both');
  return out;
}

/**
 * How each lower-cased word is written mid-sentence in normally cased training text:
 * "L" almost always lower case, "l" mostly, "c" mostly capitalised, "C" almost always. Words seen once are left out.
 */
export function casingTable(documents: Array<{ words: string[]; sentences: Array<[number, number]> }>): Map<string, string> {
  const counts = new Map<string, [number, number]>();
  for (const { words, sentences } of documents) {
    for (const [from, to] of sentences) {
      if (caseMode(words.slice(from, to)) !== 'n') continue;
      for (let i = from + 1; i < to; i++) {
        const w = words[i]!;
        if (!LETTER.test(w[0] ?? '')) continue;
        const c = counts.get(w.toLowerCase()) ?? [0, 0];
        c[UPPER_START.test(w) ? 1 : 0]++;
        counts.set(w.toLowerCase(), c);
      }
    }
  }
  const out = new Map<string, string>();
  for (const [word, [low, cap]] of counts) {
    if (low + cap < 2) continue;
    const r = cap / (low + cap);
    out.set(word, r < 0.1 ? 'L' : r < 0.5 ? 'l' : r < 0.9 ? 'c' : 'C');
  }
  return out;
}

/** compromise's own lexicon: the tag it gives a word before any context, a case-blind hint. */
const LEXICON = (nlp.model() as unknown as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
function lexiconTag(lower: string): string {
  const t = LEXICON[lower];
  return t === undefined ? '-' : Array.isArray(t) ? t[0] ?? '-' : t;
}

/** Tokenises and computes every feature that does not depend on the tags predicted so far. */
export function prepareText(
  text: string,
  casing: Map<string, string>,
  given?: { tokens: Token[]; sentences: Array<[number, number]> },
): PreparedText {
  const tokens = given?.tokens ?? tokenize(text);
  const sentences = given?.sentences ?? splitSentences(text, tokens);
  const words = tokens.map((t) => normalise(t.text));
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const ctags = compromiseTags(text, tokens);
  const modes: CaseMode[] = sentences.map(([from, to]) => caseMode(words.slice(from, to)));
  const docCase = documentCasing(words, sentences, modes);
  const staticFeatures: string[][] = new Array(tokens.length);

  sentences.forEach(([from, to], s) => {
    const mode = modes[s]!;
    const gaz = markGazetteer(words.slice(from, to));
    for (let i = from; i < to; i++) {
      const k = i - from;
      const w = words[i]!;
      const l = lower[i]!;
      const p1 = i > from ? lower[i - 1]! : '<s>';
      const p2 = i > from + 1 ? lower[i - 2]! : '<s>';
      const n1 = i + 1 < to ? lower[i + 1]! : '</s>';
      const n2 = i + 2 < to ? lower[i + 2]! : '</s>';
      const dc = docCase.get(l) ?? '-';
      const cr = casing.get(l) ?? '-';
      const f = [
        'b',
        'w=' + w,
        'l=' + l,
        's=' + shapes[i],
        'ms=' + mode + shapes[i],
        'p3=' + l.slice(0, 3),
        's2=' + l.slice(-2),
        's3=' + l.slice(-3),
        's4=' + l.slice(-4),
        'pw=' + p1,
        'pw2=' + p2,
        'nw=' + n1,
        'nw2=' + n2,
        'pwl=' + p1 + '|' + l,
        'lnw=' + l + '|' + n1,
        'ps=' + (i > from ? shapes[i - 1] : '<s>'),
        'ns=' + (i + 1 < to ? shapes[i + 1] : '</s>'),
        'dc=' + mode + dc,
        'cr=' + mode + cr,
        'crs=' + cr + shapes[i],
        'lx=' + lexiconTag(l),
        'g=' + (gaz[k] ?? '-'),
        'pg=' + (k > 0 ? gaz[k - 1] ?? '-' : '<s>'),
        'ng=' + (gaz[k + 1] ?? '-'),
      ];
      if (i === from) f.push('first' + mode);
      for (const t of ctags[i]!) f.push('c=' + t);
      if (i > from) for (const t of ctags[i - 1]!) f.push('pc=' + t);
      if (i + 1 < to) for (const t of ctags[i + 1]!) f.push('nc=' + t);
      staticFeatures[i] = f;
    }
  });
  return { text, tokens, sentences, staticFeatures, modes, docCase };
}

/** The features that depend on the two previous predicted tags. */
export function dynamicFeatures(prev: string, prev2: string, lowerWord: string): string[] {
  return ['t=' + prev, 't2=' + prev2 + '|' + prev, 'tw=' + prev + '|' + lowerWord];
}
