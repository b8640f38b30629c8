/**
 * Stage 5: decide what each article is to the store (new, changed,
 * unchanged, an exact copy) and write the batch. Unchanged articles and
 * copies are decided before extraction, so re-ingest costs almost nothing.
 */
import type { Article } from '../../../core/src/model.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import {
  findStoredArticles,
  writeArticles,
  writeDuplicates,
  type LoadItem,
  type StoredArticles,
} from '../../../core/src/queries/ingest.js';

export type ArticleFate =
  | { fate: 'new' }
  | { fate: 'updated' }
  | { fate: 'unchanged' }
  | { fate: 'repeated' }
  | { fate: 'duplicate'; duplicateOf: string };

/** What one run has already decided, so copies inside a run are found before either is written. */
export interface SeenInRun {
  /** content hash -> id of the article that brought it */
  hashes: Map<string, string>;
  ids: Set<string>;
}

export function newSeenInRun(): SeenInRun {
  return { hashes: new Map(), ids: new Set() };
}

export function classifyArticle(article: Article, stored: StoredArticles, seen: SeenInRun): ArticleFate {
  // A second article with an id already taken in this run would be written twice.
  if (seen.ids.has(article.id)) return { fate: 'repeated' };
  seen.ids.add(article.id);
  const storedHash = stored.hashById.get(article.id);
  if (storedHash === article.contentHash) return { fate: 'unchanged' };
  const original = seen.hashes.get(article.contentHash) ?? stored.originalByHash.get(article.contentHash);
  if (original !== undefined && original !== article.id) return { fate: 'duplicate', duplicateOf: original };
  seen.hashes.set(article.contentHash, article.id);
  return storedHash === undefined ? { fate: 'new' } : { fate: 'updated' };
}

export async function classifyArticles(
  graph: Graph | undefined,
  articles: Article[],
  seenInRun: SeenInRun,
): Promise<ArticleFate[]> {
  const stored: StoredArticles = graph
    ? await findStoredArticles(graph, articles)
    : { hashById: new Map(), originalByHash: new Map() };
  return articles.map((article) => classifyArticle(article, stored, seenInRun));
}

export interface LoadBatch {
  items: LoadItem[];
  /** Ids of stored articles in `items` whose old contributions must go first. */
  replacing: string[];
  duplicates: Array<{ article: Article; duplicateOf: string }>;
}

export async function loadGraph(graph: Graph, batch: LoadBatch): Promise<void> {
  await writeArticles(graph, batch.items, batch.replacing);
  await writeDuplicates(graph, batch.duplicates);
}
