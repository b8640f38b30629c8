/**
 * Versioned changes to what an existing store holds, run at start after the
 * schema (schema.ts). The version is a `(:SchemaVersion {name: 'graph'})`
 * node; each step is idempotent, commits in small transactions and can be
 * interrupted: what it has not converted yet it finds again next time.
 */
import neo4j from 'neo4j-driver';
import { RELATION_TYPES } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { STRONGEST_LINKS, TOP_LINKS_PARAMS } from './top-links.js';

/** The version this code writes and reads. */
export const GRAPH_VERSION = 3;

// Version 2 (issue #18): links and typed relations no longer keep per-article lists; each article records
// what it contributed (contributions.ts). A link's lists move onto its articles, one link per transaction,
// the lists removed in the same transaction, so a rerun skips what is done. Counters are recomputed from the
// lists being removed, so they match the records exactly.
const LINKS_TO_ARTICLES = `
  MATCH (x:Entity)-[l:LINKED]->(y:Entity) WHERE l.articleIds IS NOT NULL
  CALL (x, y, l) {
    // Locked, then read again: another process starting at the same time may have converted it.
    SET l.migrating = true REMOVE l.migrating
    WITH x, y, l WHERE l.articleIds IS NOT NULL
    CALL (x, y, l) {
      UNWIND range(0, size(l.articleIds) - 1) AS i
      MATCH (art:Article {id: l.articleIds[i]})
      SET art.linkKeys = coalesce(art.linkKeys, []) + (CASE WHEN x.id < y.id THEN x.id + '|' + y.id ELSE y.id + '|' + x.id END),
          art.linkWeights = coalesce(art.linkWeights, []) + l.articleWeights[i]
    }
    SET l.weight = reduce(total = 0.0, w IN l.articleWeights | total + w), l.articles = size(l.articleIds)
    REMOVE l.articleIds, l.articleWeights
  } IN TRANSACTIONS OF 200 ROWS`;

// A relation's sentences become statements on their articles (`<start>|TYPE|source|target`), and its key
// joins each article's relationKeys once: `articles` counts distinct articles, as it did.
const RELATIONS_TO_ARTICLES = `
  MATCH (x:Entity)-[r]->(y:Entity) WHERE type(r) IN $types AND r.sentences IS NOT NULL
  CALL (x, y, r) {
    SET r.migrating = true REMOVE r.migrating
    WITH x, y, r WHERE r.sentences IS NOT NULL
    CALL (x, y, r) {
      WITH r, type(r) + '|' + x.id + '|' + y.id AS key
      UNWIND range(0, size(r.sentences) - 1) AS i
      WITH key, r.sentences[i] AS sentence, r.sentenceArticleIds[i] AS articleId
      MATCH (art:Article {id: articleId})
      SET art.statements = coalesce(art.statements, []) + (split(sentence, '#')[-1] + '|' + key)
      SET art.relationKeys = CASE WHEN key IN coalesce(art.relationKeys, []) THEN art.relationKeys
                                  ELSE coalesce(art.relationKeys, []) + key END
    }
    SET r.articles = size(reduce(seen = [], a IN r.sentenceArticleIds | CASE WHEN a IN seen THEN seen ELSE seen + a END))
    REMOVE r.sentences, r.sentenceArticleIds
  } IN TRANSACTIONS OF 200 ROWS`;

// Version 3 (issue #14): every hub gets its strongest-links list (top-links.ts), which ingest and curation
// keep from then on. Hubs without one are found again after an interruption.
const FILL_TOP_LINKS = `
  MATCH (e:Entity) WHERE e.topLinks IS NULL AND COUNT { (e)-[:LINKED]-() } > $k
  CALL (e) {
    ${STRONGEST_LINKS('e')}
    SET e.topLinks = [t IN top | t.id], e.topWeights = [t IN top | t.w]
  } IN TRANSACTIONS OF 200 ROWS`;

async function run(graph: Pick<Graph, 'driver' | 'database'>, cypher: string, params: Record<string, unknown> = {}) {
  // CALL … IN TRANSACTIONS needs an auto-commit transaction: a plain session.run.
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const result = await session.run(cypher, params);
    return result.records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}

/** Gives every hub without a strongest-links list its list; also what the benchmark's generated graph needs. */
export async function fillTopLinks(graph: Pick<Graph, 'driver' | 'database'>): Promise<void> {
  await run(graph, FILL_TOP_LINKS, TOP_LINKS_PARAMS);
}

/** The version the store's data is in (1 when unrecorded), and whether it holds no entity at all. */
async function readGraphState(graph: Pick<Graph, 'driver' | 'database'>): Promise<{ version: number; empty: boolean }> {
  const [row] = await run(
    graph,
    `OPTIONAL MATCH (v:SchemaVersion {name: 'graph'})
     RETURN coalesce(v.version, 1) AS version, NOT EXISTS { (:Entity) } AS empty`,
  );
  return { version: row!.version as number, empty: row!.empty as boolean };
}

export async function readGraphVersion(graph: Pick<Graph, 'driver' | 'database'>): Promise<number> {
  return (await readGraphState(graph)).version;
}

/** Brings the store to GRAPH_VERSION. A store at that version costs one lookup; so does an empty one. */
export async function migrateGraph(graph: Pick<Graph, 'driver' | 'database'>): Promise<void> {
  const { version, empty } = await readGraphState(graph);
  if (version >= GRAPH_VERSION) return;
  // Nothing to migrate: planning the steps cost a fresh ingest ~2 s of Neo4j's time on a cold JVM.
  if (empty) return stampGraphVersion(graph, GRAPH_VERSION);
  if (version < 2) {
    await run(graph, LINKS_TO_ARTICLES);
    await run(graph, RELATIONS_TO_ARTICLES, { types: [...RELATION_TYPES] });
  }
  // After version 2's steps, which may recompute weights.
  await fillTopLinks(graph);
  await stampGraphVersion(graph, GRAPH_VERSION);
}

/** Records the version the store's data is in: after migrating, or after importing a dump written at that version. */
export async function stampGraphVersion(graph: Pick<Graph, 'driver' | 'database'>, version: number): Promise<void> {
  await run(graph, `MERGE (v:SchemaVersion {name: 'graph'}) SET v.version = $version`, { version: neo4j.int(version) });
}
