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
  const input: TokenisedText = { text, tokens, sentences, compromiseTags: options.compromiseTags ?? compromiseTags(text, tokens) };
  return options.weights ? scoreStaticFeatures(input, casing, options.weights) : listStaticFeatures(input, casing);
}

/** What both feature paths start from: the text, its tokens and sentences, and compromise's tags per token. */
type TokenisedText = Pick<PreparedText, 'text' | 'tokens' | 'sentences' | 'compromiseTags'>;

/** Training: each token's static features as strings, for the perceptron to learn weights for. */
function listStaticFeatures(input: TokenisedText, casing: Map<string, string>): PreparedText {
  const { tokens, sentences, compromiseTags: ctags } = input;
  const words = tokens.map((t) => normalise(t.text));
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const modes: CaseMode[] = sentences.map(([from, to]) => caseMode(words.slice(from, to)));
  const docCase = documentCasing(words, sentences, modes);
  const staticFeatures: string[][] = new Array(tokens.length);
  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentences[s]!;
    const mode = modes[s]!;
    const gaz = markGazetteer(words.slice(from, to));
    for (let i = from; i < to; i++) {
      const l = lower[i]!;
      const p1 = i > from ? lower[i - 1]! : '<s>';
      const n1 = i + 1 < to ? lower[i + 1]! : '</s>';
      const cr = casing.get(l) ?? '-';
      // The order matters: inference (scoreStaticFeatures) adds the same weights in the same order.
      const out = [
        ...wordFeatures(words[i]!, l, shapes[i]!, cr),
        ...tagFeatures('c=', ctags[i]!),
        ...tagFeatures('pc=', i > from ? ctags[i - 1]! : ''),
        ...tagFeatures('nc=', i + 1 < to ? ctags[i + 1]! : ''),
        'ms=' + mode + shapes[i]!,
        'pw=' + p1,
        'nw=' + n1,
        'pw2=' + (i > from + 1 ? lower[i - 2]! : '<s>'),
        'nw2=' + (i + 2 < to ? lower[i + 2]! : '</s>'),
        'pwl=' + p1 + '|' + l,
        'lnw=' + l + '|' + n1,
        'dc=' + mode + (docCase.get(l) ?? '-'),
        'cr=' + mode + cr,
        'g=' + (gaz[i - from] ?? '-'),
      ];
      if (i === from) out.push('first' + mode);
      staticFeatures[i] = out;
    }
  }
  return { ...input, staticFeatures, lowerWords: lower, modes, docCase };
}

/**
 * What inference needs of one distinct token text, worked out once and kept across texts: its forms, the summed
 * weights of its word-alone features, and the weight rows it selects as a neighbour or under each sentence casing.
 */
interface WordEntry {
  word: string;
  lower: string;
  /** Summed weights of `wordFeatures`. */
  alone: Float64Array;
  /** Rows of "pw=", "nw=", "pw2=", "nw2=" with this word as the value (-1: none). */
  asPrev: number;
  asNext: number;
  asPrev2: number;
  asNext2: number;
  /** This word as the first of a "pwl=" or "lnw=" pair: second word → row (undefined: no pair starts so). */
  pwlFirst: Map<string, number> | undefined;
  lnwFirst: Map<string, number> | undefined;
  /** Rows of "ms=" + casing + shape and "cr=" + casing + its training casing, per CASE_MODES entry. */
  shapeRows: Int32Array;
  casingRows: Int32Array;
}

const CASE_MODES: CaseMode[] = ['n', 'caps', 'title'];

/** Everything scoreStaticFeatures looks up per model: built on its first text, from the model's feature table. */
interface ModelIndex {
  words: Map<string, WordEntry>;
  /** "pwl=" and "lnw=" values split at their "|": first word → second word → row, so no pair string is built. */
  pwl: Map<string, Map<string, number>>;
  lnw: Map<string, Map<string, number>>;
  /** Pair values whose words hold a "|" themselves: looked up whole. */
  pairsWithBars: boolean;
  /** Rows of the sentence-edge neighbours ("pw=<s>", "nw=</s>", ...; -1: none). */
  edges: { prev: number; prev2: number; next: number; next2: number };
  /** "pwl=<s>|…": the pairs of a sentence's first word. */
  pwlStart: Map<string, number> | undefined;
  /** Per CASE_MODES entry: the "dc=" + mode values, and the row of "first" + mode. */
  docCaseRows: Array<Map<string, number>>;
  firstRows: Int32Array;
  /** Summed weights per compromise tag set, of the token ("c="), the one before ("pc=") and after ("nc="). */
  tagSets: Record<'c=' | 'pc=' | 'nc=', Map<string, Float64Array>>;
}

const indexes = new WeakMap<FastWeights, ModelIndex>();

function modelIndex(fast: FastWeights): ModelIndex {
  let index = indexes.get(fast);
  if (index) return index;
  const nest = (prefix: string): [Map<string, Map<string, number>>, boolean] => {
    const out = new Map<string, Map<string, number>>();
    let bars = false;
    for (const [value, row] of fast.table.get(prefix) ?? []) {
      const bar = value.indexOf('|');
      if (bar !== value.lastIndexOf('|')) {
        bars = true;
        continue;
      }
      const first = value.slice(0, bar);
      let m = out.get(first);
      if (!m) out.set(first, (m = new Map()));
      m.set(value.slice(bar + 1), row);
    }
    return [out, bars];
  };
  const [pwl, barsBefore] = nest('pwl=');
  const [lnw, barsAfter] = nest('lnw=');
  const row = (prefix: string, value: string): number => rowIn(fast, prefix, value);
  index = {
    words: new Map(),
    pwl,
    lnw,
    pairsWithBars: barsBefore || barsAfter,
    edges: { prev: row('pw=', '<s>'), prev2: row('pw2=', '<s>'), next: row('nw=', '</s>'), next2: row('nw2=', '</s>') },
    pwlStart: pwl.get('<s>'),
    docCaseRows: CASE_MODES.map((mode) => fast.table.get('dc=' + mode) ?? new Map<string, number>()),
    firstRows: Int32Array.from(CASE_MODES, (mode) => row('first', mode)),
    tagSets: { 'c=': new Map(), 'pc=': new Map(), 'nc=': new Map() },
  };
  indexes.set(fast, index);
  return index;
}

function wordEntry(fast: FastWeights, index: ModelIndex, raw: string, casing: Map<string, string>): WordEntry {
  let entry = index.words.get(raw);
  if (entry) return entry;
  const word = normalise(raw);
  const lower = word.toLowerCase();
  const shape = wordShape(word);
  const cr = casing.get(lower) ?? '-';
  const row = (prefix: string, value: string): number => rowIn(fast, prefix, value);
  const alone = new Float64Array(fast.classes);
  for (const f of wordFeatures(word, lower, shape, cr)) addRow(fast, fast.rowOf(f) ?? -1, alone, 0);
  entry = {
    word,
    lower,
    alone,
    asPrev: row('pw=', lower),
    asNext: row('nw=', lower),
    asPrev2: row('pw2=', lower),
    asNext2: row('nw2=', lower),
    pwlFirst: index.pwl.get(lower),
    lnwFirst: index.lnw.get(lower),
    shapeRows: Int32Array.from(CASE_MODES, (mode) => row('ms=' + mode, shape)),
    casingRows: Int32Array.from(CASE_MODES, (mode) => row('cr=' + mode, cr)),
  };
  // Bounded: a long run over many texts meets ever more rare words.
  if (index.words.size > 200_000) index.words.clear();
  index.words.set(raw, entry);
  return entry;
}

/** The row of feature prefix + value in the weights, -1 when the model has none. */
function rowIn(fast: FastWeights, prefix: string, value: string): number {
  return fast.table.get(prefix)?.get(value) ?? -1;
}

function addRow(fast: FastWeights, row: number, into: Float64Array, at: number): void {
  if (row < 0) return;
  for (let c = 0; c < fast.classes; c++) into[at + c]! += fast.buffer[row + c]!;
}

function addVector(vector: Float64Array, into: Float64Array, at: number): void {
  for (let c = 0; c < vector.length; c++) into[at + c]! += vector[c]!;
}

/**
 * Inference: the summed weights of each token's static features, the same features as listStaticFeatures in the
 * same order, found without building a string per feature: per distinct word once, then by integer row.
 */
function scoreStaticFeatures(input: TokenisedText, casing: Map<string, string>, fast: FastWeights): PreparedText {
  const { tokens, sentences, compromiseTags: ctags } = input;
  const index = modelIndex(fast);
  const n = tokens.length;
  const k = fast.classes;
  const entries = tokens.map((t) => wordEntry(fast, index, t.text, casing));
  const words = entries.map((e) => e.word);
  const lower = entries.map((e) => e.lower);
  const modes: CaseMode[] = sentences.map(([from, to]) => caseMode(words.slice(from, to)));
  const docCase = documentCasing(words, sentences, modes);
  const scores = new Float64Array(n * k);
  const tagVector = (prefix: keyof ModelIndex['tagSets'], tags: string): Float64Array => {
    let v = index.tagSets[prefix].get(tags);
    if (!v) {
      v = new Float64Array(k);
      for (const f of tagFeatures(prefix, tags)) addRow(fast, fast.rowOf(f) ?? -1, v, 0);
      index.tagSets[prefix].set(tags, v);
    }
    return v;
  };
  const table = (prefix: string): Map<string, number> => fast.table.get(prefix) ?? new Map();
  const { edges } = index;
  // `seconds`: the pairs starting with `a`, found once per word (WordEntry), not looked up per token.
  const pairRow = (seconds: Map<string, number> | undefined, prefix: string, a: string, b: string): number => {
    const row = seconds?.get(b);
    if (row !== undefined) return row;
    return index.pairsWithBars && (a.includes('|') || b.includes('|')) ? (table(prefix).get(a + '|' + b) ?? -1) : -1;
  };
  const gazetteer = table('g=');

  for (let s = 0; s < sentences.length; s++) {
    const [from, to] = sentences[s]!;
    const mode = modes[s]!;
    const m = CASE_MODES.indexOf(mode);
    const docCaseRows = index.docCaseRows[m]!;
    const gaz = markGazetteer(words.slice(from, to));
    for (let i = from; i < to; i++) {
      const at = i * k;
      const e = entries[i]!;
      const p1 = i > from ? lower[i - 1]! : '<s>';
      const n1 = i + 1 < to ? lower[i + 1]! : '</s>';
      addVector(e.alone, scores, at);
      if (ctags[i]) addVector(tagVector('c=', ctags[i]!), scores, at);
      if (i > from && ctags[i - 1]) addVector(tagVector('pc=', ctags[i - 1]!), scores, at);
      if (i + 1 < to && ctags[i + 1]) addVector(tagVector('nc=', ctags[i + 1]!), scores, at);
      addRow(fast, e.shapeRows[m]!, scores, at);
      addRow(fast, i > from ? entries[i - 1]!.asPrev : edges.prev, scores, at);
      addRow(fast, i + 1 < to ? entries[i + 1]!.asNext : edges.next, scores, at);
      addRow(fast, i > from + 1 ? entries[i - 2]!.asPrev2 : edges.prev2, scores, at);
      addRow(fast, i + 2 < to ? entries[i + 2]!.asNext2 : edges.next2, scores, at);
      addRow(fast, pairRow(i > from ? entries[i - 1]!.pwlFirst : index.pwlStart, 'pwl=', p1, e.lower), scores, at);
      addRow(fast, pairRow(e.lnwFirst, 'lnw=', e.lower, n1), scores, at);
      addRow(fast, docCaseRows.get(docCase.get(e.lower) ?? '-') ?? -1, scores, at);
      addRow(fast, e.casingRows[m]!, scores, at);
      addRow(fast, gazetteer.get(gaz[i - from] ?? '-') ?? -1, scores, at);
      if (i === from) addRow(fast, index.firstRows[m]!, scores, at);
    }
  }
  return { ...input, staticFeatures: [], staticScores: scores, lowerWords: lower, modes, docCase };
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
