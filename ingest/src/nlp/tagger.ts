/** The BIO sequence tagger: greedy left-to-right decoding, and the stored model's format (gzipped weight table). */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dynamicFeatures, type FastWeights, type PreparedText } from './features.js';

/** Sentence casings, longest first so that "caps" is not read as "c" + "aps". */
const CASE_MODES = ['title', 'caps', 'n'];

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export type Tag = (typeof TAGS)[number];

export type Scorer = (features: string[], scores: Float64Array) => Float64Array;
/** Adds the weights of `dynamicFeatures(prev, prev2, lower)` to `scores` without building their strings. */
export type DynamicScorer = (prev: string, prev2: string, lower: string, scores: Float64Array) => void;

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
  fastDynamic?: DynamicScorer,
): Tag[] {
  const out: Tag[] = new Array(prepared.tokens.length);
  const scores = new Float64Array(TAGS.length);
  for (const [from, to] of prepared.sentences) {
    let prev = '<s>';
    let prev2 = '<s>';
    for (let i = from; i < to; i++) {
      const pre = prepared.staticScores;
      let features: string[] = [];
      if (pre && fastDynamic) {
        const row = i * TAGS.length;
        for (let c = 0; c < TAGS.length; c++) scores[c] = pre[row + c]!;
        fastDynamic(prev, prev2, prepared.lowerWords[i]!, scores);
      } else {
        features = prepared.staticFeatures[i]!.concat(dynamicFeatures(prev, prev2, prepared.lowerWords[i]!));
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

/**
 * Serialises the model, gzipped: a 4-byte header length, a JSON header (meta, the casing table, the feature
 * names) and then one row of float32 weights per feature, rounded to 1/100 (features with no weight ≥ `minWeight` dropped).
 * Loading it is a JSON parse and a typed-array view: no number parsing.
 */
export function serialiseModel(
  weights: Map<string, ArrayLike<number>>,
  casing: Map<string, string>,
  meta: Record<string, unknown>,
  minWeight = 0.01,
): Buffer {
  const k = TAGS.length;
  const names: string[] = [];
  const rows: number[] = [];
  for (const f of [...weights.keys()].sort()) {
    const w = weights.get(f)!;
    let keep = false;
    for (let c = 0; c < k; c++) if (Math.abs(w[c]!) >= minWeight) keep = true;
    if (!keep) continue;
    names.push(f);
    for (let c = 0; c < k; c++) rows.push(Math.abs(w[c]!) >= minWeight ? Math.round(w[c]! * 100) / 100 : 0);
  }
  const casingEntries = [...casing].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const header = Buffer.from(
    JSON.stringify({
      ...meta,
      tags: TAGS,
      casingWords: casingEntries.map((e) => e[0]).join('\n'),
      casingBuckets: casingEntries.map((e) => e[1]).join(''),
      features: names.join('\n'),
    }),
    'utf8',
  );
  const size = Buffer.alloc(4);
  size.writeUInt32LE(header.length);
  // Pad so that the float32 rows start on a 4-byte boundary.
  const pad = Buffer.alloc((4 - ((4 + header.length) % 4)) % 4);
  return gzipSync(Buffer.concat([size, header, pad, Buffer.from(new Float32Array(rows).buffer)]), { level: 9 });
}

export interface LoadedModel {
  meta: Record<string, unknown>;
  /** How words are cased mid-sentence in the training text (see `casingTable`). */
  casing: Map<string, string>;
  /** For prepareText: sums static features once per token. */
  weights: FastWeights;
  score: Scorer;
  /** The tag-dependent features' weights, looked up without building strings (see `dynamicFeatures`). */
  dynamic: DynamicScorer;
  features: number;
}

/** Features conjoined with the sentence casing ("ms=capsXx") are filed under one prefix per casing ("ms=caps" → "Xx"). */
function splitFeature(f: string): [string, string] {
  const eq = f.indexOf('=');
  if (eq < 0) return f.startsWith('first') ? ['first', f.slice(5)] : [f, ''];
  let prefix = f.slice(0, eq + 1);
  let value = f.slice(eq + 1);
  if (prefix === 'ms=' || prefix === 'dc=' || prefix === 'cr=') {
    const mode = CASE_MODES.find((m) => value.startsWith(m)) ?? '';
    prefix += mode;
    value = value.slice(mode.length);
  }
  return [prefix, value];
}

/** Reads a model written by `serialiseModel`. */
export function loadModel(path: string): LoadedModel {
  const bytes = gunzipSync(readFileSync(path));
  const headerLength = bytes.readUInt32LE(0);
  const header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as Record<string, unknown> & {
    casingWords: string;
    casingBuckets: string;
    features: string;
  };
  const offset = 4 + headerLength + ((4 - ((4 + headerLength) % 4)) % 4);
  // Copy into an aligned buffer of our own (the gunzip result may not start on a 4-byte boundary).
  const buffer = new Float32Array(bytes.buffer.slice(bytes.byteOffset + offset, bytes.byteOffset + bytes.length));
  const k = TAGS.length;

  const casing = new Map<string, string>();
  const words = header.casingWords ? header.casingWords.split('\n') : [];
  words.forEach((w, i) => casing.set(w, header.casingBuckets[i]!));

  // Context features are looked up by prefix, then value (see prepareText): value → first index of its row.
  const table = new Map<string, Map<string, number>>();
  const names = header.features ? header.features.split('\n') : [];
  names.forEach((f, i) => {
    const [prefix, value] = splitFeature(f);
    let m = table.get(prefix);
    if (!m) table.set(prefix, (m = new Map()));
    m.set(value, i * k);
  });
  const rowOf = (f: string): number | undefined => {
    const [prefix, value] = splitFeature(f);
    return table.get(prefix)?.get(value);
  };
  const score: Scorer = (features, scores) => {
    scores.fill(0);
    for (const f of features) {
      const row = rowOf(f);
      if (row === undefined) continue;
      for (let c = 0; c < k; c++) scores[c]! += buffer[row + c]!;
    }
    return scores;
  };
  // "t2=" values are fixed pairs of tags; "tw=" values ("B-PER|kim") are filed by their tag.
  const labels = ['<s>', ...TAGS];
  const t1 = table.get('t=');
  const t2 = new Map<string, number | undefined>();
  const tw = new Map<string, Map<string, number>>();
  for (const a of labels) {
    for (const b of labels) t2.set(a + '\u0001' + b, table.get('t2=')?.get(`${a}|${b}`));
    tw.set(a, new Map());
  }
  for (const [value, row] of table.get('tw=') ?? []) {
    const bar = value.indexOf('|');
    tw.get(value.slice(0, bar))?.set(value.slice(bar + 1), row);
  }
  const pairKeys = new Map(labels.map((a) => [a, new Map(labels.map((b) => [b, a + '\u0001' + b]))]));
  const addRow = (row: number | undefined, scores: Float64Array): void => {
    if (row !== undefined) for (let c = 0; c < k; c++) scores[c]! += buffer[row + c]!;
  };
  const dynamic: DynamicScorer = (prev, prev2, lower, scores) => {
    addRow(t1?.get(prev), scores);
    addRow(t2.get(pairKeys.get(prev2)!.get(prev)!), scores);
    addRow(tw.get(prev)?.get(lower), scores);
  };
  const { casingWords: _w, casingBuckets: _b, features: _f, ...meta } = header;
  const fast: FastWeights = { classes: k, buffer, rowOf, table };
  return { meta, casing, score, dynamic, weights: fast, features: names.length };
}
