/**
 * Scores the relation rules alone against CoNLL04-style JSON (sentences as
 * tokens, gold entity spans, gold relations): the gold entities are given to
 * stage 4, so only the rules are measured. Work_For (person -> organisation)
 * is met by our LEADS, WORKS_FOR or MEMBER_OF to an organisation; OrgBased_In
 * (organisation -> a country; city targets are left out) by BASED_IN or
 * PART_OF. Other CoNLL04 types have no counterpart.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../../../core/src/errors.js';
import type { EntityType, ExtractedEntity, Mention, RelationType } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';
import { relateEntities } from '../stages/04-relate-entities.js';
import { scoreCounts, type Score } from './score.js';

const Sentence = z.object({
  tokens: z.array(z.string()),
  entities: z.array(z.object({ type: z.string(), start: z.number().int(), end: z.number().int() })),
  relations: z.array(z.object({ type: z.string(), head: z.number().int(), tail: z.number().int() })),
});
const RelationFile = z.array(Sentence);

/** Gold type -> the relation types of ours that state it. */
const COUNTERPARTS: Record<string, RelationType[]> = {
  Work_For: ['LEADS', 'WORKS_FOR', 'MEMBER_OF'],
  OrgBased_In: ['BASED_IN', 'PART_OF'],
};
/** The gold type's target kind: a person leading a country is CoNLL04's Live_In, not Work_For. */
const TARGET: Record<string, EntityType> = { Work_For: 'Organization', OrgBased_In: 'Country' };

export type RelationScore = Score;

export interface RelationReport {
  file: string;
  sentences: number;
  scores: Record<string, RelationScore>;
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

const TYPES: Record<string, EntityType | undefined> = { Peop: 'Person', Org: 'Organization' };


export function evaluateRelationSentences(file: string, sentences: z.infer<typeof RelationFile>): RelationReport {
  const counts = Object.fromEntries(Object.keys(COUNTERPARTS).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (const s of sentences) {
    const { text, spans } = detokenize(s.tokens);
    const mentions: Mention[] = [];
    const entities: Array<ExtractedEntity | undefined> = s.entities.map((e, i) => {
      const [start, end] = [spans[e.start]![0], spans[e.end - 1]![1]];
      const surface = text.slice(start, end);
      const country = e.type === 'Loc' ? lookupCountry(surface) : undefined;
      const type = TYPES[e.type] ?? (country ? 'Country' : undefined);
      if (!type) return undefined;
      const mention: Mention = { start, end, text: surface, type };
      if (country) Object.assign(mention, { iso2: country.iso2, via: country.via, canonical: country.canonical });
      mentions.push(mention);
      return { id: `e${i}`, type, name: surface, aliases: [], mentions: [{ start, end, text: surface }] };
    });
    const known = entities.filter((e): e is ExtractedEntity => e !== undefined);
    mentions.sort((a, b) => a.start - b.start);
    const { relations } = relateEntities(text, { sentences: [{ start: 0, end: text.length }], mentions }, known);
    for (const [goldType, ours] of Object.entries(COUNTERPARTS)) {
      const gold = new Set(s.relations.filter((r) => r.type === goldType && entities[r.head] && entities[r.tail]).map((r) => `e${r.head}|e${r.tail}`));
      const typeOf = new Map(known.map((e) => [e.id, e.type]));
      const predicted = new Set(
        relations.filter((r) => ours.includes(r.type) && typeOf.get(r.target) === TARGET[goldType]).map((r) => `${r.source}|${r.target}`),
      );
      const c = counts[goldType]!;
      for (const p of predicted) gold.has(p) ? c.tp++ : c.fp++;
      for (const g of gold) if (!predicted.has(g)) c.fn++;
    }
  }
  const scores = Object.fromEntries(Object.entries(counts).map(([t, c]) => [t, scoreCounts(c.tp, c.fp, c.fn)]));
  return { file, sentences: sentences.length, scores };
}

export function evaluateRelationFile(path: string): RelationReport {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new InputError(`eval: cannot read ${path} as JSON`, { cause, details: { path } });
  }
  const parsed = RelationFile.safeParse(json);
  if (!parsed.success) throw new InputError(`eval: ${path} is not a CoNLL04-style relation file`, { details: { path } });
  return evaluateRelationSentences(path, parsed.data);
}

export function formatRelationReport(r: RelationReport): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [`Relations ${r.file} (${r.sentences} sentences, gold entities given)`, 'gold type      P      R      F1    (tp/fp/fn)  ours'];
  for (const [type, s] of Object.entries(r.scores)) {
    lines.push(`${type.padEnd(13)} ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  (${s.tp}/${s.fp}/${s.fn})  ${COUNTERPARTS[type]!.join('|')}`);
  }
  return lines.join('\n');
}
