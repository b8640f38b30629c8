/**
 * What cross-article reconciliation reads: the stored actors named by one word ("Nadal", "APEC", "Chelsea"),
 * and the live actors whose name or aliases hold that word ("Rafael Nadal", the organisation that listed
 * "APEC" as an alias). Lookups go through the full-text index, so their cost follows the few names asked about,
 * not the size of the graph.
 */
import type { EntityType } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { FULLTEXT_ENTITY_INDEX } from '../neo4j/schema.js';
import { escapeLucene } from './lucene.js';
import { int, readRows } from './run.js';
import { VISIBLE } from './shapes.js';

export interface StoredActor {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  articleCount: number;
  /** Bumped by every analyst edit: an actor an analyst touched is theirs to merge. */
  version: number;
}

const ACTOR = (v: string) =>
  `{ id: ${v}.id, type: ${v}.type, name: ${v}.name, aliases: coalesce(${v}.aliases, []), articleCount: coalesce(${v}.articleCount, 0), version: coalesce(${v}.version, 0) }`;

/** Namesakes fetched per word, at most: a surname shared by more actors than this is no surname to resolve. */
const NAMESAKES_PER_WORD = 200;

/** The live, visible actors of these ids. */
export async function liveActors(graph: Graph, ids: string[]): Promise<StoredActor[]> {
  if (ids.length === 0) return [];
  const rows = await readRows(
    graph,
    `UNWIND $ids AS id MATCH (e:Entity {id: id}) WHERE ${VISIBLE('e')} RETURN ${ACTOR('e')} AS actor`,
    { ids },
  );
  return rows.map((r) => r.actor as StoredActor);
}

/** Per word, the live, visible actors whose name or aliases contain it as a word. */
export async function actorsNamedWith(graph: Graph, words: string[]): Promise<Map<string, StoredActor[]>> {
  const out = new Map<string, StoredActor[]>();
  if (words.length === 0) return out;
  const queries = words.map((word) => ({ word, lucene: `"${escapeLucene(word.toLowerCase())}"` }));
  const rows = await readRows(
    graph,
    `UNWIND $queries AS q
     CALL db.index.fulltext.queryNodes($index, q.lucene, {limit: $limit}) YIELD node AS e
     WHERE ${VISIBLE('e')}
     RETURN q.word AS word, collect(${ACTOR('e')}) AS actors`,
    { queries, index: FULLTEXT_ENTITY_INDEX, limit: int(NAMESAKES_PER_WORD) },
  );
  for (const r of rows) out.set(r.word as string, r.actors as StoredActor[]);
  return out;
}

/** The ids among these that an analyst ever split back out of a merge: never merged again automatically. */
export async function everUnmerged(graph: Graph, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await readRows(
    graph,
    `MATCH (u:AuditEvent {action: 'entity.unmerge'}) WHERE u.targetId IN $ids RETURN DISTINCT u.targetId AS id`,
    { ids },
  );
  return new Set(rows.map((r) => r.id as string));
}
