/**
 * Trains the relation classifier (ingest/src/relate/relation-model.ts): `npm run train-relations [-- --out file]`.
 * Reads CoNLL04 train only (`../shared/eval/conll04-train.json`); its dev set is never read here. Every pair
 * of a person and an organisation in a sentence is a Work_For example, every pair of an organisation and a
 * place an OrgBased_In one (cities too: "a Boston-based bank" reads like "a Swiss-based bank"). Each kind's
 * threshold comes from five-fold cross-validation on the training sentences: the lowest probability at
 * which the held-out folds' precision stays at TARGET_PRECISION. Seeded, so every run writes the same file.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../core/src/seeded-random.js';
import { readConll04, toProse, type ProseSentence } from '../src/eval/conll04-reader.js';
import { pairFeatures, sentenceWords, type PairMention } from '../src/relate/pair-features.js';
import {
  DEFAULT_RELATION_MODEL_PATH,
  probability,
  RELATION_KINDS,
  serialiseRelationModel,
  type KindWeights,
  type RelationKind,
  type RelationModel,
} from '../src/relate/relation-model.js';

const TRAIN = '../shared/eval/conll04-train.json';
const SEED = 2004;
const EPOCHS = 10;
const LEARNING_RATE = 0.2;
const L2 = 1e-3;
/**
 * Features seen in fewer training pairs are dropped. One keeps them all: held-out folds of whole documents
 * gained recall at the same precision from them (Work_For 0.60 against 0.47 at precision 0.90 with two).
 */
const MIN_COUNT = 1;
const FOLDS = 5;
/**
 * Precision first: a wrong relation on the graph is worse than a missing one. CoNLL04's sentences were chosen
 * for holding relations (41% of its person-organisation pairs work for each other), news holds far fewer, so
 * the held-out precision asked for here is above what an analyst should see. BASED_IN asks for more: at 0.9,
 * read over the BBC corpus, about a third of its finds were wrong ("China remains the main concern for BMW").
 */
const TARGET_PRECISION: Record<RelationKind, number> = { WORKS_FOR: 0.9, BASED_IN: 0.95 };

/** The CoNLL04 type each kind learns from, and how CoNLL04's entity types read as ours. */
const GOLD: Record<RelationKind, string> = { WORKS_FOR: 'Work_For', BASED_IN: 'OrgBased_In' };
const OUR_TYPE: Record<string, PairMention['type'] | undefined> = { Peop: 'Person', Org: 'Organization', Loc: 'Country' };

interface Example {
  features: string[];
  label: 0 | 1;
  sentence: number;
}

/** Every candidate pair of one kind in the sentences, labelled by the gold relations. */
export function examplesOf(kind: RelationKind, sentences: ProseSentence[]): Example[] {
  const { head: headType, tail: tailType } = RELATION_KINDS[kind];
  const out: Example[] = [];
  sentences.forEach((s, index) => {
    const mentions = s.entities.map((e) => ({ start: e.start, end: e.end, type: OUR_TYPE[e.type] }));
    const known = mentions.filter((m): m is PairMention => m.type !== undefined);
    const words = sentenceWords(s.text, { start: 0, end: s.text.length });
    const gold = new Set(s.relations.filter((r) => r.type === GOLD[kind]).map((r) => `${r.head}|${r.tail}`));
    mentions.forEach((head, h) => {
      if (head.type !== headType) return;
      mentions.forEach((tail, t) => {
        if (t === h || tail.type !== tailType) return;
        const others = known.filter((m) => m !== head && m !== tail);
        const features = pairFeatures(s.text, words, head as PairMention, tail as PairMention, others);
        out.push({ features, label: gold.has(`${h}|${t}`) ? 1 : 0, sentence: index });
      });
    });
  });
  return out;
}

/** Logistic regression by AdaGrad with L2, examples in a seeded order. */
function fit(examples: Example[], random: () => number): Record<string, number> {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of new Set(e.features)) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = (f: string) => (counts.get(f) ?? 0) >= MIN_COUNT;
  const data = examples.map((e) => ({ features: e.features.filter(kept), label: e.label }));
  const weights = new Map<string, number>();
  const squared = new Map<string, number>();
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { features, label } = data[i]!;
      let z = 0;
      for (const f of features) z += weights.get(f) ?? 0;
      const gradient = 1 / (1 + Math.exp(-z)) - label;
      for (const f of features) {
        const w = weights.get(f) ?? 0;
        const g = gradient + L2 * w;
        const s = (squared.get(f) ?? 0) + g * g;
        squared.set(f, s);
        weights.set(f, w - (LEARNING_RATE * g) / Math.sqrt(s + 1e-8));
      }
    }
  }
  // Sorted and rounded: the same file on every run, and a smaller one.
  return Object.fromEntries(
    [...weights].filter(([, w]) => Math.abs(w) >= 1e-3).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([f, w]) => [f, Math.round(w * 1e4) / 1e4]),
  );
}

/** The lowest threshold whose held-out precision (over all folds together) reaches the target. */
function crossValidatedThreshold(examples: Example[], target: number): { threshold: number; precision: number; recall: number } {
  const scored: Array<{ p: number; label: number }> = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    // Whole documents (eight sentences each in the file) to a fold: a name met in a neighbouring sentence is no test.
    const held = (e: Example) => Math.floor(e.sentence / 8) % FOLDS === fold;
    const weights = fit(examples.filter((e) => !held(e)), seededRandom(SEED + fold));
    for (const e of examples.filter(held)) scored.push({ p: probability(weights, e.features), label: e.label });
  }
  const positives = scored.filter((s) => s.label === 1).length;
  let best = { threshold: 0.5, precision: 0, recall: 0 };
  for (let t = 0.95; t >= 0.05 - 1e-9; t -= 0.01) {
    const kept = scored.filter((s) => s.p >= t);
    const tp = kept.filter((s) => s.label === 1).length;
    const precision = kept.length === 0 ? 1 : tp / kept.length;
    if (precision >= target) best = { threshold: Math.round(t * 100) / 100, precision, recall: tp / positives };
  }
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
  const out = resolve(values.out ?? DEFAULT_RELATION_MODEL_PATH);
  const sentences = readConll04(TRAIN).map(toProse);
  const kinds = {} as Record<RelationKind, KindWeights>;
  for (const kind of Object.keys(RELATION_KINDS) as RelationKind[]) {
    const examples = examplesOf(kind, sentences);
    const cv = crossValidatedThreshold(examples, TARGET_PRECISION[kind]);
    const weights = fit(examples, seededRandom(SEED));
    kinds[kind] = { threshold: cv.threshold, weights };
    const positives = examples.filter((e) => e.label === 1).length;
    console.log(
      `${kind}: ${examples.length} pairs (${positives} related), ${Object.keys(weights).length} features; ` +
        `threshold ${cv.threshold} (cross-validated P ${cv.precision.toFixed(3)} R ${cv.recall.toFixed(3)})`,
    );
  }
  const model: RelationModel = { meta: { source: 'conll04-train.json', seed: SEED, epochs: EPOCHS, targetPrecision: TARGET_PRECISION }, kinds };
  writeFileSync(out, serialiseRelationModel(model));
  console.log(`wrote ${out}`);
}

await main();
