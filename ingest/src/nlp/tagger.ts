/** The BIO sequence tagger: greedy left-to-right decoding, and the stored model's format (gzipped weight table). */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dynamicFeatures, type FastWeights, type PreparedText } from './features.js';

/** Sentence casings, longest first so that "caps" is not read as "c" + "aps". */
const CASE_MODES = ['title', 'caps', 'n'];

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

export type Scorer = (features: string[], scores: Float64Array) => Float64Array;

/** "I-X" may only follow "B-X" or "I-X". */
function allowed(prev: string, tag: string): boolean {
  return !tag.startsWith('I-') || prev.slice(2) === tag.slice(2);
}

/**
 * Tags every token, left to right, each decision seeing the two before it.
 * `learn`, when given, is called with each token's features and guess so that training can update the weights.
 */
export function decode(
  prepared: PreparedText,
  score: Scorer,
  learn?: (i: number, features: string[], guess: number) => void,
): Tag[] {
  const out: Tag[] = new Array(prepared.tokens.length);
  const scores = new Float64Array(TAGS.length);
  for (const [from, to] of prepared.sentences) {
    let prev = '<s>';
    let prev2 = '<s>';
    for (let i = from; i < to; i++) {
      const dynamic = dynamicFeatures(prev, prev2, prepared.lowerWords[i]!);
      const pre = prepared.staticScores;
      let features = dynamic;
      if (pre) {
        score(dynamic, scores);
        const row = i * TAGS.length;
        for (let c = 0; c < TAGS.length; c++) scores[c]! += pre[row + c]!;
      } else {
        features = prepared.staticFeatures[i]!.concat(dynamic);
        score(features, scores);
      }
      let best = 0;
      for (let c = 1; c < TAGS.length; c++) {
        if (allowed(prev, TAGS[c]!) && scores[c]! > scores[best]!) best = c;
      }
      learn?.(i, features, best);
      out[i] = TAGS[best]!;
      prev2 = prev;
      prev = TAGS[best]!;
    }
  }
  return out;
}

/** Serialises weights (rounded, near-zero ones dropped) to a gzipped tab-separated table. */
export function serialiseModel(
  weights: Map<string, ArrayLike<number>>,
  casing: Map<string, string>,
  meta: Record<string, unknown>,
  minWeight = 0.01,
): Buffer {
  const lines = [JSON.stringify({ ...meta, tags: TAGS, casing: casing.size })];
  for (const [word, bucket] of [...casing].sort((a, b) => (a[0] < b[0] ? -1 : 1))) lines.push(`${word}\t${bucket}`);
  const keys = [...weights.keys()].sort();
  for (const f of keys) {
    const w = weights.get(f)!;
    const cells: string[] = [];
    for (let c = 0; c < w.length; c++) {
      if (Math.abs(w[c]!) >= minWeight) cells.push(`${c}:${Math.round(w[c]! * 100) / 100}`);
    }
    if (cells.length) lines.push(`${f}\t${cells.join(' ')}`);
  }
  return gzipSync(lines.join('\n'), { level: 9 });
}

export interface LoadedModel {
  /** For prepareText: sums static features once per token. */
  weights: FastWeights;
  meta: Record<string, unknown>;
  /** How words are cased mid-sentence in the training text (see `casingTable`). */
  casing: Map<string, string>;
  score: Scorer;
  features: number;
}

/** Reads a model written by `serialiseModel`. */
export function loadModel(path: string): LoadedModel {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const lines = text.split('\n');
  const meta = JSON.parse(lines[0]!) as Record<string, unknown>;
  const casingLines = Number(meta['casing'] ?? 0);
  const casing = new Map<string, string>();
  for (let n = 1; n <= casingLines; n++) {
    const line = lines[n]!;
    const tab = line.lastIndexOf('\t');
    casing.set(line.slice(0, tab), line.slice(tab + 1));
  }
  const weights = new Map<string, Float32Array>();
  for (let n = casingLines + 1; n < lines.length; n++) {
    const line = lines[n]!;
    const tab = line.lastIndexOf('\t');
    const w = new Float32Array(TAGS.length);
    for (const cell of line.slice(tab + 1).split(' ')) {
      const colon = cell.indexOf(':');
      w[+cell.slice(0, colon)] = +cell.slice(colon + 1);
    }
    weights.set(line.slice(0, tab), w);
  }
  const score: Scorer = (features, scores) => {
    scores.fill(0);
    for (const f of features) {
      const w = weights.get(f);
      if (!w) continue;
      for (let c = 0; c < w.length; c++) scores[c]! += w[c]!;
    }
    return scores;
  };
  // Context features are looked up by prefix, then value (see prepareText); features conjoined with the
  // sentence casing ("ms=capsXx") get one prefix per casing ("ms=caps" → "Xx").
  const table = new Map<string, Map<string, Float32Array>>();
  for (const [f, w] of weights) {
    const eq = f.indexOf('=');
    let prefix = eq < 0 ? (f.startsWith('first') ? 'first' : f) : f.slice(0, eq + 1);
    let value = eq < 0 ? f.slice(prefix.length) : f.slice(eq + 1);
    if (prefix === 'ms=' || prefix === 'dc=' || prefix === 'cr=') {
      const mode = CASE_MODES.find((m) => value.startsWith(m)) ?? '';
      prefix += mode;
      value = value.slice(mode.length);
    }
    let m = table.get(prefix);
    if (!m) table.set(prefix, (m = new Map()));
    m.set(value, w);
  }
  const cache = { word: new Map(), here: new Map(), before: new Map(), after: new Map() };
  const fast: FastWeights = { classes: TAGS.length, lookup: (f) => weights.get(f), table, cache };
  return { meta, casing, score, weights: fast, features: weights.size };
}
