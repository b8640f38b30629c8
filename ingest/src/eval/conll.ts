/**
 * Scores the mention stage against a CoNLL-2003 file, exact spans, next to raw compromise on the same text.
 *
 * Mapping: Person ↔ PER, Organization ↔ ORG, Country ↔ the LOC spans whose whole text the country gazetteer
 * knows as a country's name or abbreviation ("Germany", "U.S.", "Britain").
 * Scoring rule for countries: only Country predictions made `via` 'name' or 'abbreviation' are scored against
 * those LOC spans. Capitals used as metonyms ("Washington said") and demonyms ("North Korean") are Country
 * mentions for the graph, but CoNLL tags them LOC-not-country and MISC, so they are neither counted as false
 * positives nor as hits: they are reported separately, with how many sit exactly on a gold LOC / MISC span.
 */
import nlp from 'compromise';
import { ENTITY_TYPES, type EntityType, type Mention } from '../../../core/src/model.js';
import { lookupCountry } from '../nlp/countries.js';
import { findMentions } from '../stages/02-find-mentions.js';
import { readConllFile, type ConllDocument } from './conll-reader.js';
import { scoreCounts, type Score } from './score.js';

export type TypeScore = Score;

/** Country predictions that the scorer leaves out (see the rule above), and how many agree with CoNLL's own tags. */
export interface UnscoredCountries {
  capital: { predicted: number; onGoldLoc: number };
  demonym: { predicted: number; onGoldMisc: number };
}

export interface ConllReport {
  file: string;
  documents: number;
  scores: Record<EntityType, TypeScore>;
  /** Raw compromise (`people()`, `organizations()`, `places()` kept when they name a country), same file, same scorer. */
  baseline: Record<EntityType, TypeScore>;
  unscoredCountries: UnscoredCountries;
}

type Keyed = Map<EntityType, Set<string>>;

const key = (start: number, end: number): string => `${start}:${end}`;

function emptyKeyed(): Keyed {
  return new Map(ENTITY_TYPES.map((t) => [t, new Set<string>()]));
}

/** Whether a gold LOC span names a country, by the same gazetteer the extractor uses. */
export function isCountryName(text: string): boolean {
  const entry = lookupCountry(text);
  return entry?.via === 'name' || entry?.via === 'abbreviation';
}

export function goldSpans(doc: ConllDocument): Keyed {
  const out = emptyKeyed();
  for (const s of doc.spans) {
    if (s.label === 'PER') out.get('Person')!.add(key(s.start, s.end));
    else if (s.label === 'ORG') out.get('Organization')!.add(key(s.start, s.end));
    else if (s.label === 'LOC' && isCountryName(s.text)) out.get('Country')!.add(key(s.start, s.end));
  }
  return out;
}

function scoredMentions(mentions: Mention[]): Keyed {
  const out = emptyKeyed();
  for (const m of mentions) {
    if (m.type === 'Country' && m.via !== undefined && m.via !== 'name' && m.via !== 'abbreviation') continue;
    out.get(m.type)!.add(key(m.start, m.end));
  }
  return out;
}

/**
 * compromise reports the punctuation CoNLL's spaced-out tokens put beside a name ("Hussain ,", "Kent (") as part of
 * its match; that is an artefact of the rebuilt text, not of what compromise found, so the baseline sheds it.
 */
function trimmedSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,;:()"'!?\-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:()"'!?\-]/.test(text[end - 1]!)) end--;
  // A lone final full stop, split off by a space, is the sentence's.
  if (end - start > 2 && text[end - 1] === '.' && text[end - 2] === ' ') end -= 2;
  return [start, end];
}

/** Raw compromise's answer on the same text, at its offsets less stray punctuation (see `trimmedSpan`). */
function baselineSpans(text: string): Keyed {
  const out = emptyKeyed();
  const doc = nlp(text);
  type Match = { text: string; offset: { start: number; length: number } };
  const add = (type: EntityType, matches: Match[], keep: (m: Match) => boolean = () => true): void => {
    for (const m of matches) {
      if (!keep(m)) continue;
      const [start, end] = trimmedSpan(text, m.offset.start, m.offset.start + m.offset.length);
      if (end > start) out.get(type)!.add(key(start, end));
    }
  };
  add('Person', doc.people().json({ offset: true }) as Match[]);
  add('Organization', doc.organizations().json({ offset: true }) as Match[]);
  add('Country', doc.places().json({ offset: true }) as Match[], (m) =>
    isCountryName(text.slice(...trimmedSpan(text, m.offset.start, m.offset.start + m.offset.length))),
  );
  return out;
}

/** Exact-span counts of one document's mentions against its gold spans, by the rule above. */
export function scoreDocument(doc: ConllDocument, mentions: Mention[]): Record<EntityType, { tp: number; fp: number; fn: number }> {
  const counts = emptyCounts();
  accumulate(counts, goldSpans(doc), scoredMentions(mentions));
  return counts;
}

function emptyCounts(): Record<EntityType, { tp: number; fp: number; fn: number }> {
  return { Person: { tp: 0, fp: 0, fn: 0 }, Organization: { tp: 0, fp: 0, fn: 0 }, Country: { tp: 0, fp: 0, fn: 0 } };
}

function accumulate(counts: ReturnType<typeof emptyCounts>, gold: Keyed, predicted: Keyed): void {
  for (const type of ENTITY_TYPES) {
    const g = gold.get(type)!;
    const p = predicted.get(type)!;
    let tp = 0;
    for (const k of p) if (g.has(k)) tp++;
    counts[type].tp += tp;
    counts[type].fp += p.size - tp;
    counts[type].fn += g.size - tp;
  }
}

function finish(counts: ReturnType<typeof emptyCounts>): Record<EntityType, TypeScore> {
  const out = {} as Record<EntityType, TypeScore>;
  for (const type of ENTITY_TYPES) {
    const { tp, fp, fn } = counts[type];
    out[type] = scoreCounts(tp, fp, fn);
  }
  return out;
}

/** Scores already-parsed documents; `evaluateConllFile` reads them from a path. */
export function evaluateConllDocuments(file: string, docs: ConllDocument[], options: { baseline?: boolean } = {}): ConllReport {
  const ours = emptyCounts();
  const base = emptyCounts();
  const unscored: UnscoredCountries = { capital: { predicted: 0, onGoldLoc: 0 }, demonym: { predicted: 0, onGoldMisc: 0 } };
  for (const doc of docs) {
    const gold = goldSpans(doc);
    const { mentions } = findMentions(doc.text);
    accumulate(ours, gold, scoredMentions(mentions));
    const goldByKey = new Map(doc.spans.map((s) => [key(s.start, s.end), s.label]));
    for (const m of mentions) {
      const label = goldByKey.get(key(m.start, m.end));
      if (m.via === 'capital') {
        unscored.capital.predicted++;
        if (label === 'LOC') unscored.capital.onGoldLoc++;
      } else if (m.via === 'demonym') {
        unscored.demonym.predicted++;
        if (label === 'MISC') unscored.demonym.onGoldMisc++;
      }
    }
    if (options.baseline !== false) accumulate(base, gold, baselineSpans(doc.text));
  }
  return { file, documents: docs.length, scores: finish(ours), baseline: finish(base), unscoredCountries: unscored };
}

/** Reads a CoNLL-2003 file and scores `findMentions` and raw compromise on every document. */
export function evaluateConllFile(path: string): ConllReport {
  return evaluateConllDocuments(path, readConllFile(path));
}

const pct = (x: number): string => x.toFixed(3);

/** A readable table: per type, ours and the compromise baseline. */
export function formatConllReport(report: ConllReport): string {
  const lines = [
    `CoNLL-2003 ${report.file} (${report.documents} documents), exact spans`,
    'type           precision  recall  F1     tp    fp    fn  | compromise F1',
  ];
  for (const type of ENTITY_TYPES) {
    const s = report.scores[type];
    const b = report.baseline[type];
    lines.push(
      `${type.padEnd(14)} ${pct(s.precision).padStart(9)} ${pct(s.recall).padStart(7)} ${pct(s.f1).padStart(6)} ${String(s.tp).padStart(5)} ${String(s.fp).padStart(5)} ${String(s.fn).padStart(5)}  | ${pct(b.f1)}`,
    );
  }
  const u = report.unscoredCountries;
  lines.push(
    `not scored (CoNLL has no country tag for them): ${u.capital.predicted} capitals as countries (${u.capital.onGoldLoc} on a gold LOC), ` +
      `${u.demonym.predicted} demonyms (${u.demonym.onGoldMisc} on a gold MISC)`,
  );
  return lines.join('\n');
}
