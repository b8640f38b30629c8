/** Word features for the mention tagger: forms, shapes, affixes, neighbours, gazetteer and compromise tags, casing context. */
import { compromiseTags } from './compromise-tags.js';
import { markGazetteer } from './countries.js';
import { splitSentences } from './sentences.js';
import { tokenize, type Token } from './tokenize.js';
import { lexiconTag } from './word-classes.js';

/** How a sentence is cased: headlines in ALL CAPS or Title Case make capitals meaningless. */
export type CaseMode = 'n' | 'caps' | 'title';

/** A trained weight table as prepareText needs it to sum static features up front (inference). */
export interface FastWeights {
  classes: number;
  /** All weights, one row of `classes` per feature. */
  buffer: Float32Array;
  /** Index of a feature's row in `buffer`. */
  rowOf: (feature: string) => number | undefined;
  /** The same weights split by feature prefix ("pw=" → "the" → weights). */
  table: Map<string, Map<string, number>>;
  /** Weight sums per word and per compromise tag set (of the token, the one before, the one after), reused across texts. */
  cache: Record<'word' | 'here' | 'before' | 'after', Map<string, Float64Array>>;
}

/** A text, tokenised and annotated once, ready for tagging. */
export interface PreparedText {
  text: string;
  tokens: Token[];
  sentences: Array<[number, number]>;
  /** Training only: per token, the static (tag-independent) features. */
  staticFeatures: string[][];
  /** Inference only: the summed weights of each token's static features, one row of `classes` per token. */
  staticScores?: Float64Array;
  /** Per token, the lower-cased word (the tag-dependent features use it). */
  lowerWords: string[];
  /** Per sentence: how it is cased. */
  modes: CaseMode[];
  /** Per lower-cased word: how it is cased mid-sentence elsewhere in this text. */
  docCase: Map<string, string>;
  /** Per token, compromise's kept tags (see compromise-tags): the span repairs after tagging read them too. */
  compromiseTags: string[];
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


/** Tokenises and computes every feature that does not depend on the tags predicted so far. */
export function prepareText(
  text: string,
  casing: Map<string, string>,
  options: {
    given?: { tokens: Token[]; sentences: Array<[number, number]> };
    weights?: FastWeights;
    /** compromise's tags per token, when already computed (benchmarks). */
    compromiseTags?: string[];
  } = {},
): PreparedText {
  const given = options.given;
  const tokens = given?.tokens ?? tokenize(text);
  const sentences = given?.sentences ?? splitSentences(text, tokens);
  const words = tokens.map((t) => normalise(t.text));
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const ctags = options.compromiseTags ?? compromiseTags(text, tokens);
  const modes: CaseMode[] = sentences.map(([from, to]) => caseMode(words.slice(from, to)));
  const docCase = documentCasing(words, sentences, modes);
  const n = tokens.length;
  const fast = options.weights;
  const k = fast?.classes ?? 0;
  const staticFeatures: string[][] = new Array(n);
  const staticScores = fast ? new Float64Array(n * k) : undefined;
  const lowerSlot = fast ? new Array<string>(n) : undefined;

  let out: string[] = [];
  let at = 0; // offset of the current token's row in staticScores
  // Each context feature is a (prefix, value) pair: training joins them into one string, inference looks the
  // value up in the prefix's own table, which spares building and hashing a new string per feature.
  // A slot is a feature prefix and, at inference, its own value → row table, resolved once per text or sentence.
  type Slot = { name: string; map: Map<string, number> | undefined };
  const slot = (name: string): Slot => ({ name, map: fast?.table.get(name) });
  const emit: (s: Slot, value: string) => void = fast
    ? (s, value) => {
        const row = s.map?.get(value);
        if (row !== undefined) for (let c = 0; c < k; c++) staticScores![at + c]! += fast.buffer[row + c]!;
      }
    : (s, value) => {
        out.push(s.name + value);
      };
  const PW = slot('pw=');
  const NW = slot('nw=');
  const PW2 = slot('pw2=');
  const NW2 = slot('nw2=');
  const PWL = slot('pwl=');
  const LNW = slot('lnw=');
  const G = slot('g=');
  const FIRST = slot('first');
  const addCached = (cache: Map<string, Float64Array>, key: string, make: () => string[]): void => {
    let v = cache.get(key);
    if (!v) {
      v = new Float64Array(k);
      for (const f of make()) {
        const row = fast!.rowOf(f);
        if (row !== undefined) for (let c = 0; c < k; c++) v[c]! += fast!.buffer[row + c]!;
      }
      if (cache.size > 100_000) cache.clear();
      cache.set(key, v);
    }
    for (let c = 0; c < k; c++) staticScores![at + c]! += v[c]!;
  };

  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentences[s]!;
    const mode = modes[s]!;
    // Features conjoined with the sentence's casing: one prefix per casing (see tagger's loadModel).
    const MS = slot('ms=' + mode);
    const DC = slot('dc=' + mode);
    const CR = slot('cr=' + mode);
    const gaz = markGazetteer(words.slice(from, to));
    for (let i = from; i < to; i++) {
      const g = i - from;
      const w = words[i]!;
      const l = lower[i]!;
      const shape = shapes[i]!;
      const p1 = i > from ? lower[i - 1]! : '<s>';
      const n1 = i + 1 < to ? lower[i + 1]! : '</s>';
      const cr = casing.get(l) ?? '-';
      const here = ctags[i]!;
      const before = i > from ? ctags[i - 1]! : '';
      const after = i + 1 < to ? ctags[i + 1]! : '';
      at = i * k;
      out = [];
      if (fast) {
        addCached(fast.cache.word, w, () => wordFeatures(w, l, shape, cr));
        if (here) addCached(fast.cache.here, here, () => tagFeatures('c=', here));
        if (before) addCached(fast.cache.before, before, () => tagFeatures('pc=', before));
        if (after) addCached(fast.cache.after, after, () => tagFeatures('nc=', after));
        lowerSlot![i] = l;
      } else {
        out.push(...wordFeatures(w, l, shape, cr), ...tagFeatures('c=', here), ...tagFeatures('pc=', before), ...tagFeatures('nc=', after));
      }
      emit(MS, shape);
      emit(PW, p1);
      emit(NW, n1);
      emit(PW2, i > from + 1 ? lower[i - 2]! : '<s>');
      emit(NW2, i + 2 < to ? lower[i + 2]! : '</s>');
      emit(PWL, p1 + '|' + l);
      emit(LNW, l + '|' + n1);
      emit(DC, docCase.get(l) ?? '-');
      emit(CR, cr);
      emit(G, gaz[g] ?? '-');
      if (i === from) emit(FIRST, mode);
      if (!fast) staticFeatures[i] = out;
    }
  }
  return { text, tokens, sentences, staticFeatures, staticScores, lowerWords: lowerSlot ?? lower, modes, docCase, compromiseTags: ctags };
}

/** Features of the word alone; slot 2 must stay the lower-cased word ("l="). */
function wordFeatures(w: string, l: string, shape: string, cr: string): string[] {
  return [
    'b',
    'w=' + w,
    'l=' + l,
    's=' + shape,
    'p3=' + l.slice(0, 3),
    's2=' + l.slice(-2),
    's3=' + l.slice(-3),
    's4=' + l.slice(-4),
    'crs=' + cr + shape,
    'lx=' + (lexiconTag(l) ?? '-'),
  ];
}

function tagFeatures(prefix: string, tags: string): string[] {
  return tags ? tags.split(' ').map((t) => prefix + t) : [];
}

/**
 * The features that depend on the two previous predicted tags, as (prefix, value) pairs like the static ones:
 * "t=" + previous tag, "t2=" + both previous tags, "tw=" + previous tag + "|" + word.
 */
export function dynamicFeatures(prev: string, prev2: string, lowerWord: string): string[] {
  return ['t=' + prev, 't2=' + prev2 + '|' + prev, 'tw=' + prev + '|' + lowerWord];
}
