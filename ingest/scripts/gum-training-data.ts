/**
 * GUM (Georgetown University Multilayer corpus, https://github.com/amir-zeldes/gum) as tagger training text: modern
 * English of genres unlike 1996 Reuters wire. Read from a checkout's `dep/GUM_<genre>_<name>.conllu` files, whose
 * MISC column marks every mention of every entity (CorefUD `Entity=` brackets).
 *
 * Only genres whose texts are openly licensed for reuse (GUM's LICENSE.txt): Wikinews news (CC BY 2.5), academic
 * papers (CC BY 4.0) and Wikivoyage travel guides (CC BY-SA 3.0); the annotations are CC BY 4.0. Biographies,
 * interviews and court transcripts are never read: they make up the GUM dev set (`../shared/eval/gum-dev/`) that
 * the tagger is tuned and reported on.
 *
 * A mention becomes a name the way the GUM dev scorer reads names (every word capitalised, "the", "of", "and"…
 * allowed inside), with CoNLL-2003's conventions: no leading "the", title or possessive, and at least one proper
 * noun. person → PER, organization → ORG, place → LOC, any other named thing (an event, a work, a language) → MISC;
 * a demonym outside a name ("Australian children") → MISC, as CoNLL marks them. Nested names
 * keep the outermost.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConllLabel } from '../src/eval/conll-reader.js';
import { lookupCountry } from '../src/nlp/countries.js';
import { isTitleWord } from '../src/resolve/person-titles.js';
import type { TrainingDocument } from './training-data.js';

/**
 * How far GUM moves the weights beside CoNLL (1): GUM marks places, groups and clubs by other conventions than
 * CoNLL-2003 (a club named by its city is a place), and the pipeline around the tagger is built on CoNLL's.
 * `GUM_RATE=…` overrides it for experiments; the shipped model is trained at 0.5 (ingest/models/README.md).
 */
export const GUM_RATE = Number(process.env.GUM_RATE ?? 0.5);

/** The genres read, by their openly licensed texts. */
export const GUM_TRAINING_GENRES = ['news', 'voyage'];

const LABELS: Record<string, ConllLabel> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const CONNECTORS = new Set(['the', 'of', 'and', 'de', 'van', 'al', 'bin', '&', 'for', 'on']);
const PROPER = new Set(['NNP', 'NNPS']);

interface Word {
  form: string;
  xpos: string;
}

interface Mention {
  from: number;
  to: number;
  type: string;
}

/** Entity brackets of one MISC column: "(12-person-...", "(12-person-...)" and "12)". */
const BRACKET = /\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g;

/** The GUM documents of the training genres under `dir` (a checkout of the GUM repository). */
export function readGum(dir: string): TrainingDocument[] {
  const files = readdirSync(join(dir, 'dep'))
    .filter((f) => GUM_TRAINING_GENRES.some((g) => f.startsWith(`GUM_${g}_`)) && f.endsWith('.conllu'))
    .sort();
  if (files.length === 0) throw new Error(`train: no GUM ${GUM_TRAINING_GENRES.join('/')} files in ${join(dir, 'dep')}`);
  return files.map((f) => readGumDocument(readFileSync(join(dir, 'dep', f), 'utf8')));
}

export function readGumDocument(conllu: string): TrainingDocument {
  const words: Word[] = [];
  const sentences: Array<[number, number]> = [];
  const mentions: Mention[] = [];
  const open = new Map<number, Array<{ from: number; type: string }>>();
  let sentenceStart = 0;
  for (const line of conllu.split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (words.length > sentenceStart) sentences.push([sentenceStart, words.length]);
      sentenceStart = words.length;
      continue;
    }
    const cols = line.split('\t');
    // Multi-word token lines and empty nodes carry no word of their own.
    if (cols[0]!.includes('-') || cols[0]!.includes('.')) continue;
    const at = words.length;
    words.push({ form: cols[1]!, xpos: cols[4]! });
    const entity = /(?:^|\|)Entity=([^|]*)/.exec(cols[9] ?? '')?.[1];
    if (!entity) continue;
    for (const m of entity.matchAll(BRACKET)) {
      if (m[1]) {
        const id = Number(m[1]);
        if (m[3]) mentions.push({ from: at, to: at + 1, type: m[2]! });
        else open.set(id, [...(open.get(id) ?? []), { from: at, type: m[2]! }]);
      } else {
        const id = Number(m[4]);
        const started = open.get(id)?.pop();
        if (started) mentions.push({ from: started.from, to: at + 1, type: started.type });
      }
    }
  }
  if (words.length > sentenceStart) sentences.push([sentenceStart, words.length]);
  return { ...toDocument(words, sentences, mentions), rate: GUM_RATE };
}

/** The name inside a mention, by CoNLL-2003's conventions, or undefined when the mention is no name. */
function namedPart(words: Word[], mention: Mention, sentenceStarts: Set<number>): { from: number; to: number } | undefined {
  let { from, to } = mention;
  if (words[from]?.form.toLowerCase() === 'the') from++;
  if (to > from && /^['’]s?$/.test(words[to - 1]!.form)) to--;
  while (to - from > 1 && isTitleWord(words[from]!.form)) from++;
  if (to <= from) return undefined;
  for (let i = from; i < to; i++) {
    const w = words[i]!.form;
    const inner = i > from && i < to - 1;
    if (inner && CONNECTORS.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w) && !/^\d/.test(w)) return undefined;
  }
  // A capitalised common noun opening a sentence ("Scientists") is no name: a proper noun must end it.
  if (!PROPER.has(words[to - 1]!.xpos) && !(to - from > 1 && /^\d/.test(words[to - 1]!.form))) return undefined;
  if (to - from === 1 && sentenceStarts.has(from) && !PROPER.has(words[from]!.xpos)) return undefined;
  return { from, to };
}

function toDocument(words: Word[], sentences: Array<[number, number]>, mentions: Mention[]): TrainingDocument {
  const tags = words.map(() => 'O');
  const sentenceStarts = new Set(sentences.map(([from]) => from));
  // Outermost first: a name inside a name ("Australia" in "Food Standards Australia New Zealand") stays inside.
  const ordered = [...mentions].sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  for (const mention of ordered) {
    const named = namedPart(words, mention, sentenceStarts);
    if (!named) continue;
    let free = true;
    for (let i = named.from; i < named.to; i++) if (tags[i] !== 'O') free = false;
    if (!free) continue;
    const label = LABELS[mention.type] ?? 'MISC';
    for (let i = named.from; i < named.to; i++) tags[i] = (i === named.from ? 'B-' : 'I-') + label;
  }
  // Demonyms outside names, as CoNLL-2003 marks them ("Australian children"); other capitalised adjectives are
  // heading words ("New Institutional Economics" in a title-cased line).
  words.forEach((w, i) => {
    if (tags[i] === 'O' && w.xpos === 'JJ' && lookupCountry(w.form)?.via === 'demonym') tags[i] = 'B-MISC';
  });
  const doc: TrainingDocument = { text: '', tokens: [], sentences };
  words.forEach((w, i) => {
    const start = doc.text.length === 0 ? 0 : doc.text.length + 1;
    doc.text += (doc.text.length === 0 ? '' : ' ') + w.form;
    doc.tokens.push({ text: w.form, start, end: start + w.form.length, tag: tags[i]! });
  });
  return doc;
}
