/**
 * Scores typed relations against CoNLL04-style sentences in two ways. With the gold entities given to
 * stage 4, only the relation finding (rules and learned classifier) is measured; end to end, the project's
 * own extraction finds the entities too, and a relation counts when each of its actors has a mention
 * overlapping the gold entity's span. Work_For (person -> organisation) is met by our LEADS, WORKS_FOR or
 * MEMBER_OF to an organisation; OrgBased_In (organisation -> a country; city targets are left out, cities
 * are not actors here) by BASED_IN or PART_OF. Other CoNLL04 types have no counterpart.
 */
import type { EntityType, ExtractedEntity, Mention, Relation, RelationType, Span } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';
import { extractArticle } from '../pipeline.js';
import { relateEntities } from '../stages/04-relate-entities.js';
import { readConll04, toProse, type Conll04Sentence, type ProseSentence } from './conll04-reader.js';
import { scoreCounts, type Score } from './score.js';

export { detokenize } from './conll04-reader.js';

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
  /** Gold entities given: the relation finding alone. */
  scores: Record<string, RelationScore>;
  /** The project's own entities, end to end (absent when not asked for). */
  endToEnd?: Record<string, RelationScore>;
}

const TYPES: Record<string, EntityType | undefined> = { Peop: 'Person', Org: 'Organization' };


type Counts = Record<string, { tp: number; fp: number; fn: number }>;

const emptyCounts = (): Counts => Object.fromEntries(Object.keys(COUNTERPARTS).map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
const scoresOf = (counts: Counts) => Object.fromEntries(Object.entries(counts).map(([t, c]) => [t, scoreCounts(c.tp, c.fp, c.fn)]));

/** The gold entity as one of ours (undefined for types we do not keep: Other, and places that are not countries). */
function ourEntity(s: ProseSentence, index: number): ExtractedEntity & { mention: Mention } | undefined {
  const e = s.entities[index]!;
  const surface = s.text.slice(e.start, e.end);
  const country = e.type === 'Loc' ? lookupCountry(surface) : undefined;
  const type = TYPES[e.type] ?? (country ? 'Country' : undefined);
  if (!type) return undefined;
  const mention: Mention = { start: e.start, end: e.end, text: surface, type };
  if (country) Object.assign(mention, { iso2: country.iso2, via: country.via, canonical: country.canonical });
  return { id: `e${index}`, type, name: surface, aliases: [], mentions: [{ start: e.start, end: e.end, text: surface }], mention };
}

/** Gold pairs of one type, as "head|tail" gold entity indices, both ends kept as our types. */
function goldPairs(s: ProseSentence, goldType: string, kept: (index: number) => boolean): Set<string> {
  return new Set(s.relations.filter((r) => r.type === goldType && kept(r.head) && kept(r.tail)).map((r) => `${r.head}|${r.tail}`));
}

export function evaluateRelationSentences(file: string, sentences: Conll04Sentence[], options: { endToEnd?: boolean } = {}): RelationReport {
  const counts = emptyCounts();
  const endToEnd = options.endToEnd ? emptyCounts() : undefined;
  for (const raw of sentences) {
    const s = toProse(raw);
    const entities = s.entities.map((_, i) => ourEntity(s, i));
    const known = entities.filter((e): e is NonNullable<typeof e> => e !== undefined);
    const mentions = known.map((e) => e.mention).sort((a, b) => a.start - b.start);
    const { relations } = relateEntities(s.text, { sentences: [{ start: 0, end: s.text.length }], mentions }, known);
    const typeOf = new Map<string, EntityType>(known.map((e) => [e.id, e.type]));
    for (const [goldType, ours] of Object.entries(COUNTERPARTS)) {
      const gold = goldPairs(s, goldType, (i) => entities[i] !== undefined);
      const predicted = new Set(
        relations.filter((r) => ours.includes(r.type) && typeOf.get(r.target) === TARGET[goldType]).map((r) => `${r.source.slice(1)}|${r.target.slice(1)}`),
      );
      tally(counts[goldType]!, predicted, gold);
    }
    if (endToEnd) scoreEndToEnd(s, entities.map((e) => e !== undefined), endToEnd);
  }
  const report: RelationReport = { file, sentences: sentences.length, scores: scoresOf(counts) };
  if (endToEnd) report.endToEnd = scoresOf(endToEnd);
  return report;
}

function tally(c: { tp: number; fp: number; fn: number }, predicted: Set<string>, gold: Set<string>): void {
  for (const p of predicted) gold.has(p) ? c.tp++ : c.fp++;
  for (const g of gold) if (!predicted.has(g)) c.fn++;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * The sentence through the whole extraction. A predicted relation is a hit when some gold relation of the
 * type has its head overlapping a mention of the source and its tail one of the target; each gold relation
 * is found at most once, and a prediction matching none is a false alarm.
 */
function scoreEndToEnd(s: ProseSentence, keptGold: boolean[], counts: Counts): void {
  const extraction = extractArticle({ id: 'conll04', title: '', text: s.text });
  const byId = new Map(extraction.entities.map((e) => [e.id, e]));
  const covers = (id: string, goldIndex: number) => byId.get(id)?.mentions.some((m) => overlaps(m, s.entities[goldIndex]!)) ?? false;
  for (const [goldType, ours] of Object.entries(COUNTERPARTS)) {
    const gold = [...goldPairs(s, goldType, (i) => keptGold[i]!)].map((k) => k.split('|').map(Number) as [number, number]);
    const predicted: Relation[] = extraction.relations.filter((r) => ours.includes(r.type) && byId.get(r.target)?.type === TARGET[goldType]);
    const found = new Set<number>();
    const c = counts[goldType]!;
    for (const r of predicted) {
      const g = gold.findIndex(([h, t], i) => !found.has(i) && covers(r.source, h) && covers(r.target, t));
      if (g >= 0) {
        found.add(g);
        c.tp++;
      } else c.fp++;
    }
    c.fn += gold.length - found.size;
  }
}

export function evaluateRelationFile(path: string): RelationReport {
  return evaluateRelationSentences(path, readConll04(path), { endToEnd: true });
}

export function formatRelationReport(r: RelationReport): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [`Relations ${r.file} (${r.sentences} sentences, gold entities given)`, 'gold type      P      R      F1    (tp/fp/fn)  ours'];
  const row = (type: string, s: RelationScore) =>
    `${type.padEnd(13)} ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}  (${s.tp}/${s.fp}/${s.fn})  ${COUNTERPARTS[type]!.join('|')}`;
  for (const [type, s] of Object.entries(r.scores)) lines.push(row(type, s));
  if (r.endToEnd) {
    lines.push('end to end (the project\'s own entities; a mention overlapping the gold span matches)');
    for (const [type, s] of Object.entries(r.endToEnd)) lines.push(row(type, s));
  }
  return lines.join('\n');
}
