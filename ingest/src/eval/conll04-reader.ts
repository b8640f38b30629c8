/**
 * CoNLL04-style relation files (Roth & Yih 2004; `../shared/eval/conll04-*.json`): sentences as tokens, gold
 * entity spans over the tokens and gold relations between them. Read into prose with character offsets, as
 * extraction sees an article, for both the relation evaluation and the relation classifier's training.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../../core/src/errors.js';

const Sentence = z.object({
  tokens: z.array(z.string()),
  entities: z.array(z.object({ type: z.string(), start: z.number().int(), end: z.number().int() })),
  relations: z.array(z.object({ type: z.string(), head: z.number().int(), tail: z.number().int() })),
});
const RelationFile = z.array(Sentence);
export type Conll04Sentence = z.infer<typeof Sentence>;

/** One sentence as prose: its gold entities as character spans (same order as the file's), and its relations. */
export interface ProseSentence {
  text: string;
  entities: Array<{ type: string; start: number; end: number }>;
  relations: Array<{ type: string; head: number; tail: number }>;
}

/** Tokens joined as prose ("Kevin O'Brien, a spokesman"), with each token's offsets. */
export function detokenize(tokens: string[]): { text: string; spans: Array<[number, number]> } {
  let text = '';
  const spans: Array<[number, number]> = [];
  tokens.forEach((token, i) => {
    const glue = i === 0 || /^(?:[,.;:!?%)\]]|'s|'|n't)$/.test(token) || /^'[A-Z]/.test(token) || /^[([$]$/.test(tokens[i - 1]!);
    if (!glue) text += ' ';
    spans.push([text.length, text.length + token.length]);
    text += token;
  });
  return { text, spans };
}

export function toProse(sentence: Conll04Sentence): ProseSentence {
  const { text, spans } = detokenize(sentence.tokens);
  return {
    text,
    entities: sentence.entities.map((e) => ({ type: e.type, start: spans[e.start]![0], end: spans[e.end - 1]![1] })),
    relations: sentence.relations,
  };
}

export function readConll04(path: string): Conll04Sentence[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new InputError(`eval: cannot read ${path} as JSON`, { cause, details: { path } });
  }
  const parsed = RelationFile.safeParse(json);
  if (!parsed.success) throw new InputError(`eval: ${path} is not a CoNLL04-style relation file`, { details: { path } });
  return parsed.data;
}
