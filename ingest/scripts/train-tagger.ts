/**
 * Trains the mention tagger: `npm run train -- [SOURCE...] [--out file] [--epochs n]`.
 * With no SOURCE, the sources the shipped model was trained on (see ingest/models/README.md): CoNLL-2003 train,
 * CoNLL04 train and GUM's openly licensed genres (gum-training-data.ts). Silver labels (`silver:LABELS=CORPUS`, made by silver-labels.py) are accepted as a further
 * source; `--silver-docs N` keeps N of their documents.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { seededRandom } from '../../core/src/seeded-random.js';
import { casingTable, prepareText, type PreparedText } from '../src/nlp/features.js';
import { AveragedPerceptron } from '../src/nlp/perceptron.js';
import { decode, serialiseModel, TAGS } from '../src/nlp/tagger.js';
import { DEFAULT_MODEL_PATH } from '../src/nlp/model-path.js';
import { readTrainingSource, type TrainingDocument } from './training-data.js';

const SEED = 20030;

const SHARED = '../shared';
/** A checkout of https://github.com/amir-zeldes/gum (commit 72ce5ac, V11.1.0) beside the project, or GUM_DIR. */
const GUM = process.env.GUM_DIR ?? '../gum';
const DEFAULT_SOURCES = [`${SHARED}/eval/conll2003-train.txt`, `${SHARED}/eval/conll04-train.json`, `gum:${GUM}`];


const SMALL_WORDS = new Set('a an the and or but of in on at to for by with from as vs'.split(' '));

/** Headline casing: Reuters writes headlines in ALL CAPS, most sites in Title Case; the training text has few. */
function recase(word: string, index: number, style: 'title' | 'caps'): string {
  if (style === 'caps') return word.toUpperCase();
  if (index > 0 && SMALL_WORDS.has(word)) return word;
  return /^\p{Ll}/u.test(word) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** The document as the tagger sees it, plus re-cased copies of some of its sentences appended as headlines. */
function augment(doc: TrainingDocument, casing: Map<string, string>, random: () => number): { prepared: PreparedText; gold: number[] } {
  const tokens = doc.tokens.map((t) => ({ ...t }));
  const sentences = doc.sentences.map(([a, b]) => [a, b] as [number, number]);
  let text = doc.text;
  for (const [from, to] of doc.sentences) {
    const r = random();
    const style = r < 0.15 ? 'title' : r < 0.2 ? 'caps' : undefined;
    if (!style || to - from < 4) continue;
    const first = tokens.length;
    text += '\n';
    for (let i = from; i < to; i++) {
      if (i > from) text += ' ';
      const word = recase(doc.tokens[i]!.text, i - from, style);
      tokens.push({ text: word, start: text.length, end: text.length + word.length, tag: doc.tokens[i]!.tag });
      text += word;
    }
    sentences.push([first, tokens.length]);
  }
  const prepared = prepareText(text, casing, { given: { tokens, sentences } });
  return { prepared, gold: tokens.map((t) => TAGS.indexOf(t.tag as (typeof TAGS)[number])) };
}

function main(): void {
  const { values, positionals } = parseArgs({
    options: { out: { type: 'string' }, epochs: { type: 'string' }, 'silver-docs': { type: 'string' } },
    allowPositionals: true,
  });
  const sources = positionals.length > 0 ? positionals : DEFAULT_SOURCES;
  const out = resolve(values.out ?? DEFAULT_MODEL_PATH);
  const epochs = Number(values.epochs ?? 10);
  const random = seededRandom(SEED);

  const t0 = Date.now();
  const docs = sources.flatMap((source) => {
    let read = readTrainingSource(source);
    // Silver labels are noisier than gold: a share of them, spread evenly over the corpus, keeps gold in charge.
    const cap = Number(values['silver-docs'] ?? Infinity);
    if (source.startsWith('silver:') && read.length > cap) {
      const step = read.length / cap;
      read = Array.from({ length: cap }, (_, k) => read[Math.floor(k * step)]!);
    }
    console.log(`${source}: ${read.length} documents`);
    return read;
  });
  const casing = casingTable(docs.map((d) => ({ words: d.tokens.map((t) => t.text), sentences: d.sentences })));
  const examples = docs.map((d) => augment(d, casing, random));
  for (const ex of examples) if (ex.gold.some((g) => g < 0)) throw new Error(`train-tagger: unknown tag in ${sources.join(', ')}`);
  const tokenCount = examples.reduce((n, e) => n + e.gold.length, 0);
  console.log(`${docs.length} documents, ${tokenCount} tokens (with re-cased copies), features in ${Date.now() - t0} ms`);

  const model = new AveragedPerceptron([...TAGS]);
  const score = model.score.bind(model);
  const order = examples.map((_, i) => i);
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // Fisher-Yates with the seeded generator: same order on every run.
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    for (const idx of order) {
      const { prepared, gold } = examples[idx]!;
      const rate = docs[idx]!.rate ?? 1;
      decode(prepared, score, (i, features, guess) => {
        if (guess !== gold[i]) errors++;
        model.update(gold[i]!, guess, features, rate);
      });
    }
    console.log(`epoch ${epoch}: token error rate ${(errors / tokenCount).toFixed(4)} (${Date.now() - t0} ms)`);
  }
  model.average();
  const buffer = serialiseModel(model.weights, casing, { trainedOn: sources.map((s) => s.split('/').pop()), documents: docs.length, epochs, seed: SEED });
  writeFileSync(out, buffer);
  console.log(`wrote ${out}: ${(buffer.length / 1024 / 1024).toFixed(2)} MB, ${model.weights.size} features before pruning`);
}

main();
