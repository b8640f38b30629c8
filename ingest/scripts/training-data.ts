/**
 * The tagger's training sources, each read into CoNLL-style documents (tokens with IOB2 tags, sentences):
 * - CoNLL-2003 files (gold, Reuters 1996);
 * - CoNLL04 relation sentences (`conll04-train.json`: gold Peop/Org/Loc/Other token spans, newswire of other years);
 * - silver labels (`silver-labels.py` output: character spans from a teacher model) over a JSONL corpus whose
 *   text is read from the corpus itself, tokenised and split by our own tokenizer, as at run time.
 */
import { readFileSync } from 'node:fs';
import { readConllFile, type ConllDocument, type ConllLabel } from '../src/eval/conll-reader.js';
import { readGum } from './gum-training-data.js';
import { splitSentences } from '../src/nlp/sentences.js';
import { tokenize } from '../src/nlp/tokenize.js';

export type TrainingDocument = Pick<ConllDocument, 'text' | 'tokens' | 'sentences'> & {
  /** How far a mistake on this document moves the weights (1 when absent): less for labels of other conventions. */
  rate?: number;
};

const CONLL04_LABELS: Record<string, ConllLabel> = { Peop: 'PER', Org: 'ORG', Loc: 'LOC', Other: 'MISC' };

interface Conll04Sentence {
  tokens: string[];
  entities: Array<{ type: string; start: number; end: number }>;
}

/** CoNLL04 sentences, a few to a document so that document-level features see more than one line. */
export function readConll04(path: string, sentencesPerDocument = 8): TrainingDocument[] {
  const sentences = JSON.parse(readFileSync(path, 'utf8')) as Conll04Sentence[];
  const docs: TrainingDocument[] = [];
  for (let s = 0; s < sentences.length; s += sentencesPerDocument) {
    const doc: TrainingDocument = { text: '', tokens: [], sentences: [] };
    for (const sentence of sentences.slice(s, s + sentencesPerDocument)) {
      const tags = sentence.tokens.map(() => 'O');
      for (const e of sentence.entities) {
        const label = CONLL04_LABELS[e.type];
        if (!label) continue;
        for (let i = e.start; i < e.end; i++) tags[i] = (i === e.start ? 'B-' : 'I-') + label;
      }
      if (doc.text) doc.text += '\n';
      const first = doc.tokens.length;
      sentence.tokens.forEach((raw, i) => {
        // The corpus joins some multi-word tokens with underscores.
        const text = raw.replace(/_/g, ' ').trim() || raw;
        if (i > 0) doc.text += ' ';
        doc.tokens.push({ text, start: doc.text.length, end: doc.text.length + text.length, tag: tags[i]! });
        doc.text += text;
      });
      doc.sentences.push([first, doc.tokens.length]);
    }
    docs.push(doc);
  }
  return docs;
}

interface SilverLine {
  id: string;
  chars: number;
  spans: Array<{ start: number; end: number; label: ConllLabel }>;
}

/** The text `silver-labels.py` labelled for a corpus record: the title, a blank line, the body. */
export function corpusText(record: { title?: string; body?: string; text?: string }): string {
  const body = record.body ?? record.text ?? '';
  return record.title ? `${record.title}\n\n${body}` : body;
}

/** Silver-labelled corpus documents, tokenised by our tokenizer; a token takes the label of the span it starts in. */
export function readSilver(labelsPath: string, corpusPath: string): TrainingDocument[] {
  const texts = new Map<string, string>();
  for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const record = JSON.parse(line) as { id: string; title?: string; body?: string; text?: string };
    texts.set(record.id, corpusText(record));
  }
  const docs: TrainingDocument[] = [];
  for (const line of readFileSync(labelsPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const silver = JSON.parse(line) as SilverLine;
    const text = texts.get(silver.id);
    if (text === undefined) throw new Error(`silver labels name ${silver.id}, which ${corpusPath} does not hold`);
    const tokens = tokenize(text).map((t) => ({ ...t, tag: 'O' }));
    let t = 0;
    for (const span of silver.spans) {
      while (t < tokens.length && tokens[t]!.end <= span.start) t++;
      for (let i = t; i < tokens.length && tokens[i]!.start < span.end; i++) {
        tokens[i]!.tag = (i === t ? 'B-' : 'I-') + span.label;
      }
    }
    docs.push({ text, tokens, sentences: splitSentences(text, tokens) });
  }
  return docs;
}

/**
 * Reads one training source by its name: `*.json` CoNLL04, `silver:LABELS.jsonl=CORPUS.jsonl`, `gum:GUM-CHECKOUT`
 * (gum-training-data.ts), else CoNLL-2003.
 */
export function readTrainingSource(source: string): TrainingDocument[] {
  if (source.startsWith('gum:')) return readGum(source.slice('gum:'.length));
  if (source.startsWith('silver:')) {
    const [labels, corpus] = source.slice('silver:'.length).split('=');
    if (!labels || !corpus) throw new Error(`train: write silver sources as silver:LABELS.jsonl=CORPUS.jsonl, not ${source}`);
    return readSilver(labels, corpus);
  }
  if (source.endsWith('.json')) return readConll04(source);
  return readConllFile(source);
}
