/** Splits a token stream into sentences: at line breaks (headlines, paragraphs) and at sentence-final punctuation. */
import type { Token } from './tokenize.js';

/** Words that, capitalised after "U.S." and the like, almost always open a new sentence. */
const SENTENCE_STARTERS = new Set(
  'the a an it he she they we i this that these those there but and in on at for if when while after before as his her their its our'.split(' '),
);
const CLOSERS = /^[)\]}"'”’»]+$/;

/** Token index ranges [from, to) of the sentences; every token is in exactly one. */
export function splitSentences(text: string, tokens: Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    let boundary = text.slice(tok.end, next.start).includes('\n');
    if (!boundary && /^[.!?]+$|^\.\.\.$/.test(tok.text)) {
      let j = i + 1;
      // Closing quotes and brackets are glued to the stop; a quote after a space opens the next sentence.
      while (j < tokens.length && CLOSERS.test(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++;
      const after = tokens[j];
      if (!after || /^[A-Z0-9"“'‘(\[]/.test(after.text)) {
        i = j - 1;
        boundary = true;
      }
    } else if (!boundary && /^([A-Za-z]\.){2,}$/.test(tok.text)) {
      boundary = SENTENCE_STARTERS.has(next.text.toLowerCase()) && /^[A-Z]/.test(next.text);
    }
    if (boundary) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}
