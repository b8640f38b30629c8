/**
 * Scores whole-article extraction against the GUM dev set (`../shared/eval/gum-dev/`), by the rules of its README:
 *
 * - Gold actors are the *named* mentions: capitalised words, with "the", "of", "and", "de", "van", "al", "bin"
 *   allowed between them, not a pronoun; a leading "the" and a trailing possessive are not part of the name.
 *   GUM type person → Person, organization → Organization, and any mention whose Wikipedia id is a country
 *   (`countries.tsv`) → Country.
 * - Name recall: the share of gold named mentions that a predicted mention of the same type overlaps.
 * - Name precision: the share of predicted mentions that overlap a gold mention (named or not) of the same type.
 *   Demonyms ("Swiss", "North Korean") are Country mentions for the graph but GUM marks no mention on them, so they
 *   are reported apart, as the CoNLL scorer does.
 * - Actors unified: among gold chains with two or more found named mentions, the share whose mentions all land on
 *   one predicted entity. False merges: predicted entities holding found mentions of two or more gold chains.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ENTITY_TYPES, type EntityType, type Extraction } from '../../../core/src/model.js';
import { findMentions } from '../stages/02-find-mentions.js';
import { resolveEntities } from '../stages/03-resolve-entities.js';
import { scoreCounts, type Score } from './score.js';

export interface GumMention {
  start: number;
  end: number;
  type: string;
  chain: number;
  wiki: string | null;
}

export interface GumDocument {
  id: string;
  text: string;
  mentions: GumMention[];
}

export interface GumReport {
  file: string;
  documents: number;
  /** Name recall and precision per type. */
  scores: Record<EntityType, Score>;
  overall: Score;
  /** Demonym mentions predicted, left out of precision. */
  demonyms: number;
  chains: { multi: number; unified: number };
  falseMerges: number;
  /** For tuning by eye: the entities that merged two gold actors, and the chains split over several entities. */
  mergedNames: string[];
  splitNames: string[];
  /** The worst misses and false alarms, for tuning by eye. */
  missed: Map<string, number>;
  spurious: Map<string, number>;
}

const PRONOUNS = new Set(
  'i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its itself they them their theirs themselves this that these those who whom whose which what'.split(' '),
);
const CONNECTORS = new Set(['the', 'of', 'and', 'de', 'van', 'al', 'bin', '&']);

/** GUM's offsets count code points; ours count UTF-16 units. */
function codePointToUtf16(text: string): (offset: number) => number {
  const table: number[] = [];
  let unit = 0;
  for (const ch of text) {
    table.push(unit);
    unit += ch.length;
  }
  table.push(unit);
  return (offset) => table[offset] ?? unit;
}

/** The name inside a mention, less a leading "the" and a trailing possessive, or undefined when it is no name. */
export function namedPart(surface: string): { start: number; end: number } | undefined {
  let start = 0;
  let end = surface.length;
  const lead = /^the\s+/i.exec(surface);
  if (lead) start = lead[0].length;
  const poss = /['’]s?$/.exec(surface.slice(start));
  if (poss) end -= poss[0].length;
  const words = surface.slice(start, end).split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase())) return undefined;
  for (const [i, w] of words.entries()) {
    const inner = i > 0 && i < words.length - 1;
    if (inner && CONNECTORS.has(w.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(w)) return undefined;
  }
  return { start, end };
}

export function readCountryWikis(path: string): Set<string> {
  const lines = readFileSync(path, 'utf8').split('\n').slice(1);
  return new Set(lines.map((l) => l.split('\t')[0]!).filter(Boolean));
}

export function readGumFile(path: string): GumDocument[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line) as GumDocument;
      } catch (error) {
        throw new Error(`line ${i + 1}: ${(error as Error).message}`);
      }
    });
}

interface Gold {
  start: number;
  end: number;
  /** The types a prediction over this mention may have. */
  types: Set<EntityType>;
  chain: number;
  /** The actor type when the mention is a name, else undefined. */
  named?: EntityType;
}

function goldMentions(doc: GumDocument, countries: Set<string>): Gold[] {
  const at = codePointToUtf16(doc.text);
  const out: Gold[] = [];
  for (const m of doc.mentions) {
    const start = at(m.start);
    const end = at(m.end);
    const types = new Set<EntityType>();
    if (m.type === 'person') types.add('Person');
    if (m.type === 'organization') types.add('Organization');
    const isCountry = m.wiki !== null && countries.has(m.wiki);
    if (isCountry) types.add('Country');
    if (types.size === 0) continue;
    const name = namedPart(doc.text.slice(start, end));
    const named: EntityType | undefined = !name ? undefined : isCountry ? 'Country' : m.type === 'person' ? 'Person' : m.type === 'organization' ? 'Organization' : undefined;
    out.push(name && named ? { start: start + name.start, end: start + name.end, types, chain: m.chain, named } : { start, end, types, chain: m.chain });
  }
  return out;
}

/**
 * Recall counts gold names found (`hit` of `gold`), precision counts predictions right (`tp` of `tp + fp`): the two
 * are over different sets, so the usual one-set rule (scoreCounts) gives the counts and not the ratios.
 */
function nameScore(c: { tp: number; fp: number; hit: number; gold: number }): Score {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.gold === 0 ? 0 : c.hit / c.gold;
  return { ...scoreCounts(c.tp, c.fp, c.gold - c.hit), precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Scores already-extracted documents (`evaluateGumFile` extracts them). */
export function scoreGum(
  file: string,
  docs: GumDocument[],
  extractions: Array<Pick<Extraction, 'entities'>>,
  countries: Set<string>,
  /** Per document, where its demonym mentions start (left out of precision). */
  demonymsAt: Array<Set<number>> = [],
): GumReport {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, hit: 0, gold: 0 }])) as Record<EntityType, { tp: number; fp: number; fn: number; hit: number; gold: number }>;
  let demonyms = 0;
  let multi = 0;
  let unified = 0;
  let falseMerges = 0;
  const mergedNames: string[] = [];
  const splitNames: string[] = [];
  const missed = new Map<string, number>();
  const spurious = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);

  docs.forEach((doc, d) => {
    const gold = goldMentions(doc, countries);
    const predicted = extractions[d]!.entities.flatMap((e) => e.mentions.map((m) => ({ ...m, type: e.type, entity: e.id })));
    const demonymStarts = demonymsAt[d] ?? new Set<number>();
    for (const p of predicted) {
      if (p.type === 'Country' && demonymStarts.has(p.start)) {
        demonyms++;
        continue;
      }
      if (gold.some((g) => g.types.has(p.type) && overlaps(g, p))) counts[p.type].tp++;
      else {
        counts[p.type].fp++;
        bump(spurious, `${p.type} ${p.text}`);
      }
    }
    // Chains: which predicted entities their found named mentions landed on. Each prediction lands on the one
    // gold name it covers best (most shared characters, then the shorter name), so a prediction inside a nested
    // or listed gold name ("Luo Changpei" in "Luo Changpei and Li Fang-Kuei", "NCAA" in "All-NCAA Regional
    // Team") counts for the actor it names, never for two at once: only an entity that really holds two
    // actors' names is a false merge.
    const named = gold.filter((g) => g.named);
    const landed = new Map<Gold, Set<string>>();
    for (const p of predicted) {
      let best: Gold | undefined;
      let bestShared = 0;
      for (const g of named) {
        if (g.named !== p.type || !overlaps(g, p)) continue;
        const shared = Math.min(g.end, p.end) - Math.max(g.start, p.start);
        if (shared > bestShared || (shared === bestShared && best && g.end - g.start < best.end - best.start)) {
          best = g;
          bestShared = shared;
        }
      }
      if (best) landed.set(best, (landed.get(best) ?? new Set()).add(p.entity));
    }
    const chainEntities = new Map<number, { found: number; entities: Set<string>; names: Set<string> }>();
    for (const g of named) {
      counts[g.named!].gold++;
      if (!predicted.some((p) => p.type === g.named && overlaps(g, p))) {
        bump(missed, `${g.named} ${doc.text.slice(g.start, g.end)}`);
        continue;
      }
      counts[g.named!].hit++;
      const entities = landed.get(g);
      if (!entities) continue;
      const c = chainEntities.get(g.chain) ?? { found: 0, entities: new Set<string>(), names: new Set<string>() };
      c.found++;
      for (const e of entities) c.entities.add(e);
      c.names.add(doc.text.slice(g.start, g.end));
      chainEntities.set(g.chain, c);
    }
    for (const c of chainEntities.values()) {
      if (c.found < 2) continue;
      multi++;
      if (c.entities.size === 1) unified++;
      else splitNames.push(`${doc.id}: ${[...c.entities].join(' / ')}`);
    }
    const chainsOfEntity = new Map<string, Set<number>>();
    for (const [chain, c] of chainEntities) for (const e of c.entities) chainsOfEntity.set(e, (chainsOfEntity.get(e) ?? new Set()).add(chain));
    for (const [entity, chains] of chainsOfEntity) {
      if (chains.size < 2) continue;
      falseMerges++;
      // Each gold actor the entity swallowed, by the names it had: enough to see why they met.
      const actors = [...chains].map((chain) => [...chainEntities.get(chain)!.names].join('|'));
      mergedNames.push(`${doc.id}: ${entity} (${actors.join(' + ')})`);
    }
  });

  const scores = {} as Record<EntityType, Score>;
  for (const type of ENTITY_TYPES) scores[type] = nameScore(counts[type]);
  const sum = (k: 'tp' | 'fp' | 'hit' | 'gold'): number => ENTITY_TYPES.reduce((n, t) => n + counts[t][k], 0);
  const overall = nameScore({ tp: sum('tp'), fp: sum('fp'), hit: sum('hit'), gold: sum('gold') });
  return { file, documents: docs.length, scores, overall, demonyms, chains: { multi, unified }, falseMerges, mergedNames, splitNames, missed, spurious };
}

/** Reads a GUM dev file (and the `countries.tsv` beside it), extracts every document and scores it. */
export function evaluateGumFile(path: string): GumReport {
  const docs = readGumFile(path);
  const countries = readCountryWikis(join(dirname(path), 'countries.tsv'));
  // Stages 2 and 3 only: the scorer needs entities, and the mentions' `via` for demonyms, not links.
  const analyses = docs.map((doc) => findMentions(doc.text));
  const extractions = docs.map((doc, d) => ({ entities: resolveEntities(doc.text, analyses[d]!) }));
  const demonyms = analyses.map((a) => new Set(a.mentions.filter((m) => m.via === 'demonym').map((m) => m.start)));
  return scoreGum(path, docs, extractions, countries, demonyms);
}

const f3 = (x: number): string => x.toFixed(3);

function top(m: Map<string, number>, n: number): string {
  return [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k, v]) => `${k} ×${v}`)
    .join(', ');
}

/** `details`: how many of the most missed and most spurious names to list, with the merges and splits; 0 for none. */
export function formatGumReport(report: GumReport, options: { details?: number } = {}): string {
  const lines = [
    `GUM ${report.file} (${report.documents} documents), named mentions, overlap`,
    'type           precision  recall  F1     predicted-right  predicted-wrong  gold-missed',
  ];
  const row = (name: string, s: Score): string =>
    `${name.padEnd(14)} ${f3(s.precision).padStart(9)} ${f3(s.recall).padStart(7)} ${f3(s.f1).padStart(6)} ${String(s.tp).padStart(16)} ${String(s.fp).padStart(16)} ${String(s.fn).padStart(12)}`;
  for (const type of ENTITY_TYPES) lines.push(row(type, report.scores[type]));
  lines.push(row('all', report.overall));
  const { multi, unified } = report.chains;
  lines.push(`actors unified: ${f3(multi === 0 ? 0 : unified / multi)} (${unified} of ${multi} chains with two or more found names); false merges: ${report.falseMerges}`);
  lines.push(`not scored: ${report.demonyms} demonyms as countries (GUM marks no mention on them)`);
  if (options.details) {
    lines.push(`most missed: ${top(report.missed, options.details)}`);
    lines.push(`most spurious: ${top(report.spurious, options.details)}`);
    lines.push(`false merges: ${report.mergedNames.join('; ')}`);
    lines.push(`split actors: ${report.splitNames.join('; ')}`);
  }
  return lines.join('\n');
}
