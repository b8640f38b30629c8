/** Reads CoNLL-2003 files (token POS chunk NER, IOB1 or IOB2) into documents with text and gold character spans. */
import { readFileSync } from 'node:fs';

export type ConllLabel = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllSpan {
  start: number;
  end: number;
  text: string;
  label: ConllLabel;
}

export interface ConllDocument {
  /** Tokens joined by single spaces, sentences by newlines. */
  text: string;
  /** Every token with its offsets and IOB2 tag ("B-PER", "I-PER", "O"). */
  tokens: Array<{ text: string; start: number; end: number; tag: string }>;
  /** Token index ranges [from, to) of each sentence. */
  sentences: Array<[number, number]>;
  spans: ConllSpan[];
}

/** Parses CoNLL text; `-DOCSTART-` lines separate documents, blank lines separate sentences. */
export function parseConll(content: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let rows: string[][][] = [];
  let sentence: string[][] = [];
  const endSentence = (): void => {
    if (sentence.length) rows.push(sentence);
    sentence = [];
  };
  const endDoc = (): void => {
    endSentence();
    if (rows.length) docs.push(buildDocument(rows));
    rows = [];
  };
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('-DOCSTART-')) endDoc();
    else if (line === '') endSentence();
    else sentence.push(line.split(/\s+/));
  }
  endDoc();
  return docs;
}

export function readConllFile(path: string): ConllDocument[] {
  return parseConll(readFileSync(path, 'utf8'));
}

function buildDocument(sentences: string[][][]): ConllDocument {
  const doc: ConllDocument = { text: '', tokens: [], sentences: [], spans: [] };
  const parts: string[] = [];
  let offset = 0;
  for (const [si, rows] of sentences.entries()) {
    if (si > 0) {
      parts.push('\n');
      offset += 1;
    }
    const first = doc.tokens.length;
    let prevTag = 'O';
    for (const [ti, row] of rows.entries()) {
      if (ti > 0) {
        parts.push(' ');
        offset += 1;
      }
      const word = row[0]!;
      const tag = toIob2(row[row.length - 1]!, prevTag);
      prevTag = tag;
      doc.tokens.push({ text: word, start: offset, end: offset + word.length, tag });
      parts.push(word);
      offset += word.length;
    }
    doc.sentences.push([first, doc.tokens.length]);
  }
  doc.text = parts.join('');
  doc.spans = spansFromTags(doc.tokens, doc.text);
  return doc;
}

/** IOB1 ("I-PER" may start an entity) to IOB2 ("B-PER" always starts one). */
function toIob2(tag: string, prev: string): string {
  if (!tag.startsWith('I-')) return tag;
  const type = tag.slice(2);
  return prev === `B-${type}` || prev === `I-${type}` ? tag : `B-${type}`;
}

/** Character spans of the entities in a tagged token sequence. */
export function spansFromTags(
  tokens: Array<{ start: number; end: number; tag: string }>,
  text: string,
): ConllSpan[] {
  const spans: ConllSpan[] = [];
  let open: ConllSpan | undefined;
  for (const tok of tokens) {
    const [bio, type] = tok.tag.split('-') as [string, ConllLabel | undefined];
    if (open && bio === 'I' && type === open.label) {
      open.end = tok.end;
      continue;
    }
    if (open) spans.push(open);
    open = bio === 'O' || !type ? undefined : { start: tok.start, end: tok.end, text: '', label: type };
  }
  if (open) spans.push(open);
  for (const s of spans) s.text = text.slice(s.start, s.end);
  return spans;
}
