/**
 * Stage 6: one node per actor across articles (rules in resolve/cross-article.ts), in two steps.
 *
 * - Before each batch is written (`resolveBatch`), its one-word actors ("Nadal", "PFB") are looked up among what
 *   the graph and the batch itself hold, and those with one fuller actor they can only mean are written to that
 *   actor directly, as a short form within one article already is. Cheap: one full-text lookup per batch.
 * - After the run (`reconcileActors`), the one-word nodes still standing — written before the run met their
 *   full name, or by earlier runs — are merged into it. Each merge is an ordinary, audited merge attributed to
 *   INGEST_ANALYST, so an analyst sees it in the history and can undo it; an undone merge is never redone, and
 *   the merge's aliases make every later ingest write to the fuller actor directly.
 */
import { entityId } from '../../../core/src/entity-keys.js';
import type { ExtractedEntity } from '../../../core/src/model.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import { mergeEntities, warmMergePlans } from '../../../core/src/queries/merge.js';
import { retryRaces } from '../../../core/src/queries/retry-races.js';
import { actorsNamedWith, everUnmerged, liveActors, type StoredActor } from '../../../core/src/queries/namesakes.js';
import { acronymLetters } from '../resolve/acronym-letters.js';
import { isOneWordName, isShortActor, lookupWord, planMerges, type MergeReason, type PlannedMerge } from '../resolve/cross-article.js';
import { remapExtraction, type Replacement } from '../resolve/remap-extraction.js';
import type { LoadItem } from '../../../core/src/queries/ingest.js';

/** Who the audit log says made an automatic merge; no analyst account can be named so. */
export const INGEST_ANALYST = '(ingest)';

/** One-word nodes merged after the run only from this many articles up (see reconcileActors). */
const MIN_ARTICLES_TO_MERGE = 5;

/**
 * Merges per transaction after the run: one. Neo4j plans a statement apart when its transaction has written
 * already, so each merge after the first in a transaction planned all its reads again (about a second on the
 * BBC corpus); a commit costs a few milliseconds.
 */
const MERGES_PER_TRANSACTION = 1;

/** Lookups per full-text query batch: bounded statements, whatever the run's size. */
const WORDS_PER_QUERY = 500;

export interface ReconcileOutcome {
  merged: Array<{ source: string; target: string; reason: MergeReason }>;
}

/**
 * The ids of the one-word actors a run's entities bear on: the one-word actors themselves, the surname-only node
 * of each full name ("person:nadal" for "Rafael Nadal"), the acronym node of each spelled-out organisation, and
 * the other type's node of each one-word name.
 */
export function shortActorIds(entities: Iterable<Pick<ExtractedEntity, 'id' | 'type' | 'name' | 'aliases'>>, into = new Set<string>()): Set<string> {
  for (const e of entities) {
    if (e.type === 'Country') continue;
    const words = e.name.split(/\s+/).filter(Boolean);
    if (isOneWordName(e.name)) {
      into.add(e.id);
      into.add(entityId(e.type === 'Person' ? 'Organization' : 'Person', e.name));
    } else if (e.type === 'Person') {
      into.add(entityId('Person', words[words.length - 1]!));
      into.add(entityId('Person', words[0]!));
    } else {
      for (const alias of e.aliases) if (acronymLetters(alias)) into.add(entityId('Organization', alias));
    }
  }
  return into;
}

/** Per lookup word, the live actors the full-text index finds for it, asked WORDS_PER_QUERY words at a time. */
async function namesakes(graph: Graph, words: string[]): Promise<Map<string, StoredActor[]>> {
  const found = new Map<string, StoredActor[]>();
  for (let i = 0; i < words.length; i += WORDS_PER_QUERY) {
    for (const [word, actors] of await actorsNamedWith(graph, words.slice(i, i + WORDS_PER_QUERY))) found.set(word, actors);
  }
  return found;
}

/**
 * The merges for these short actors, leaving out any an analyst once undid. The history is asked only about
 * the actors of the plans (a few), not about every namesake the lookups found (thousands in a batch); a plan
 * that loses an end to it is planned again without that end.
 */
async function planAgainstHistory(graph: Graph, shorts: StoredActor[], namedWith: Map<string, StoredActor[]>): Promise<PlannedMerge[]> {
  const plans = planMerges(shorts, namedWith, new Set());
  if (plans.length === 0) return plans;
  const blocked = await everUnmerged(graph, [...new Set(plans.flatMap((p) => [p.source.id, p.target.id]))]);
  return blocked.size === 0 ? plans : planMerges(shorts, namedWith, blocked);
}

/**
 * Has Neo4j plan a merge's statements now, in a transaction it rolls back, so that the merges after a long run
 * start warm. Best effort: a failure here changes nothing, and the merges plan for themselves.
 */
export async function warmReconcile(graph: Graph): Promise<void> {
  await warmMergePlans(graph, INGEST_ANALYST).catch(() => {});
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export async function reconcileActors(graph: Graph, ids: Set<string>): Promise<ReconcileOutcome> {
  // Only those that may be merged are looked up (see MIN_ARTICLES_TO_MERGE): on the BBC corpus, looking up all
  // 2,400 one-word actors cost more than the merges.
  const shorts = (await liveActors(graph, [...ids])).filter((a) => isShortActor(a) && a.articleCount >= MIN_ARTICLES_TO_MERGE);
  const namedWith = await namesakes(graph, [...new Set(shorts.map(lookupWord))]);

  const outcome: ReconcileOutcome = { merged: [] };
  // A merge costs a tenth to a third of a second whatever its size (BBC, loaded machine: 24 merges, 9 s); one
  // that folds a short form of a few articles changes nothing an analyst sees first, and most leftovers are such
  // (BBC: 94 of 98 under five). They stay for an analyst to merge, or for the run that brings their fifth article.
  const plans = (await planAgainstHistory(graph, shorts, namedWith))
    .filter((p) => p.source.articleCount >= MIN_ARTICLES_TO_MERGE)
    // In id order, not the order this run met the actors: a run cut short and run again meets them in another,
    // and each merge's undo snapshot (in the audit log) shows the merges made before it.
    .sort((a, b) => compareIds(a.source.id, b.source.id) || compareIds(a.target.id, b.target.id));
  for (let i = 0; i < plans.length; i += MERGES_PER_TRANSACTION) {
    const chunk = plans.slice(i, i + MERGES_PER_TRANSACTION);
    // A merge locks every neighbour of the two: a concurrent ingest may deadlock with the chunk, so it runs again.
    // A pair an analyst merged or removed meanwhile is skipped: theirs wins.
    const done = await retryRaces(() =>
      mergeEntities(graph, chunk.map((p) => ({ source: p.source.id, target: p.target.id })), INGEST_ANALYST),
    );
    const made = new Set(done.map((m) => m.merged.id));
    for (const p of chunk) if (made.has(p.source.id)) outcome.merged.push({ source: p.source.id, target: p.target.id, reason: p.reason });
  }
  return outcome;
}

/**
 * The batch's items with their one-word actors replaced by the fuller actor the graph and the batch say they
 * mean. An actor both hold counts the batch's articles on top of the graph's.
 */
export async function resolveBatch(graph: Graph, items: LoadItem[]): Promise<LoadItem[]> {
  const inBatch = new Map<string, StoredActor>();
  for (const { extraction } of items) {
    for (const e of extraction.entities) {
      if (e.type === 'Country') continue;
      const seen = inBatch.get(e.id);
      if (seen) seen.articleCount++;
      else inBatch.set(e.id, { id: e.id, type: e.type, name: e.name, aliases: [...e.aliases], articleCount: 1, version: 0 });
    }
  }
  let shorts = [...inBatch.values()].filter(isShortActor);
  if (shorts.length === 0) return items;
  const words = [...new Set(shorts.map(lookupWord))];
  const stored = await namesakes(graph, words);
  // A short form the graph already holds as a node of its own is written to that node: an analyst may have
  // edited it, and the merge after the run moves all its articles at once, in the audit log.
  const storedIds = new Set([...stored.values()].flat().map((a) => a.id));
  shorts = shorts.filter((a) => !storedIds.has(a.id));
  const namedWith = new Map<string, StoredActor[]>();
  for (const word of words) {
    const key = word.toLowerCase();
    const byId = new Map((stored.get(word) ?? []).map((a) => [a.id, { ...a }]));
    for (const a of inBatch.values()) {
      // What the full-text index would find in the batch: the word among the name's or an alias's words.
      if (![a.name, ...a.aliases].some((n) => n.toLowerCase().split(/[^\p{L}\p{N}]+/u).includes(key))) continue;
      const known = byId.get(a.id);
      if (known) known.articleCount += a.articleCount;
      else byId.set(a.id, a);
    }
    namedWith.set(word, [...byId.values()]);
  }
  const replacements = new Map<string, Replacement>();
  for (const plan of await planAgainstHistory(graph, shorts, namedWith)) {
    replacements.set(plan.source.id, { id: plan.target.id, type: plan.target.type, name: plan.target.name });
  }
  if (replacements.size === 0) return items;
  return items.map((item) => ({ ...item, extraction: remapExtraction(item.extraction, replacements) }));
}
