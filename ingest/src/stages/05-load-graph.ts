/**
 * Stage 5: decide what each article is to the store (new, changed,
 * unchanged, a copy) and write the batch. Unchanged articles and copies are
 * decided before extraction, so re-ingest costs almost nothing.
 */
import type { Article } from '../../../core/src/model.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import {
  findStoredArticles,
  writeArticles,
  type DuplicateItem,
  type LoadItem,
  type StoredArticles,
  type WriteOutcome,
} from '../../../core/src/queries/ingest.js';

export type ArticleFate =
  | { fate: 'new' }
  /** `replaces` is the stored article whose old contributions go first. */
  | { fate: 'updated'; replaces: string }
  | { fate: 'unchanged' }
  /** The same id twice in one run with different texts: the first is kept. */
  | { fate: 'repeated' }
  | { fate: 'duplicate'; duplicateOf: string };

/** What one run has decided so far, so copies inside a run are found before either is written. */
export interface SeenInRun {
  /** content hash -> id of the article that brought it */
  hashes: Map<string, string>;
  /** article id -> its content hash */
  ids: Map<string, string>;
}

export function newSeenInRun(): SeenInRun {
  return { hashes: new Map(), ids: new Map() };
}

export function classifyArticle(article: Article, stored: StoredArticles, seen: SeenInRun): ArticleFate {
  const { id, contentHash: hash, origin } = article;
  const holder = origin === undefined ? undefined : stored.holderByOrigin.get(origin);
  const heldHere = holder?.id === id;
  const seenHash = seen.ids.get(id);
  if (seenHash !== undefined && seenHash !== hash) return { fate: 'repeated' };
  if (seenHash !== undefined) return heldHere ? { fate: 'unchanged' } : { fate: 'duplicate', duplicateOf: id };
  seen.ids.set(id, hash);

  const storedHash = stored.hashById.get(id);
  if (storedHash === hash) {
    // Stored already: under this very name it is unchanged, under a new name it is a copy.
    return origin === undefined || heldHere ? { fate: 'unchanged' } : { fate: 'duplicate', duplicateOf: id };
  }
  const original = seen.hashes.get(hash) ?? stored.originalByHash.get(hash);
  if (original !== undefined && original !== id) return { fate: 'duplicate', duplicateOf: original };
  seen.hashes.set(hash, id);

  if (storedHash !== undefined) return { fate: 'updated', replaces: id };
  // The file this name held changed: its old article is replaced, unless another name still holds it.
  if (holder && holder.id !== id && holder.origins <= 1) return { fate: 'updated', replaces: holder.id };
  return { fate: 'new' };
}

/** Articles looked up in one query: large enough for few round trips, small enough for modest parameters. */
const LOOKUP_CHUNK = 2000;

/** The fate of every article of a run, in order: what the store holds is looked up in a few large queries. */
export async function classifyArticles(
  graph: Graph | undefined,
  articles: Article[],
  seenInRun: SeenInRun = newSeenInRun(),
): Promise<ArticleFate[]> {
  const fates: ArticleFate[] = [];
  for (let at = 0; at < articles.length; at += LOOKUP_CHUNK) {
    const chunk = articles.slice(at, at + LOOKUP_CHUNK);
    const stored: StoredArticles = graph
      ? await findStoredArticles(graph, chunk)
      : { hashById: new Map(), originalByHash: new Map(), holderByOrigin: new Map() };
    for (const article of chunk) fates.push(classifyArticle(article, stored, seenInRun));
  }
  return fates;
}

export interface LoadBatch {
  /** `replaces`: the stored article whose old contributions must go first. */
  items: Array<LoadItem & { replaces?: string }>;
  duplicates: DuplicateItem[];
}

/** The fates decided here are a forecast: the write decides again under lock (see claim-articles.ts). */
export async function loadGraph(graph: Graph, batch: LoadBatch): Promise<WriteOutcome> {
  const replacing = batch.items.flatMap((item) => (item.replaces ? [item.replaces] : []));
  return writeArticles(graph, batch.items, replacing, batch.duplicates);
}
