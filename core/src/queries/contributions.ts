/**
 * What one article adds to co-mention links and typed relations, and its
 * exact subtraction. Links and relations keep counters only (weight,
 * articles, firstSeen, lastSeen), changed by addition and subtraction; the
 * article itself records what it added (`linkKeys`/`linkWeights`,
 * `relationKeys`, `statements`), so a write costs the same whatever the
 * size of the corpus: Neo4j rewrites a list property whole on every change,
 * and a list on a hub link grew with every article that named the pair.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { RELATION_TYPES } from '../model.js';
import { noteLink, type LinkChanges } from './top-links.js';
import { batch } from './map-params.js';

// Every write below starts with `CYPHER replan=skip`: see ingest.ts.

/** Rows from ingest-rows.ts `sumLinksByPair`: one per pair of the batch, ends sorted. */
export const ADD_LINK_CONTRIBUTIONS = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
  MERGE (s)-[l:LINKED]->(t)
    ON CREATE SET l.weight = 0.0, l.articles = 0
  SET l.weight = l.weight + row.weight,
      l.articles = l.articles + toInteger(row.articles),
      l.firstSeen = CASE WHEN l.firstSeen IS NULL OR row.firstSeen < l.firstSeen THEN row.firstSeen ELSE l.firstSeen END,
      l.lastSeen = CASE WHEN l.lastSeen IS NULL OR row.lastSeen > l.lastSeen THEN row.lastSeen ELSE l.lastSeen END`;

/**
 * Rows from ingest-rows.ts `relations`: one per (article, type, source, target), so `articles` counts each
 * article once. One statement for every relation type: one plan, one round trip. Each row takes the one
 * FOREACH branch of its type; a static type per branch keeps MERGE on the type's own relationships of a busy
 * node (a dynamic type would scan all of them). Types come from the closed RELATION_TYPES list only.
 */
export const ADD_RELATION_CONTRIBUTIONS = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
  ${RELATION_TYPES.map((type) => `FOREACH (_ IN CASE WHEN row.type = '${type}' THEN [1] ELSE [] END |
    MERGE (s)-[r:${type}]->(t)
      ON CREATE SET r.articles = 0
    SET r.articles = r.articles + 1,
        r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.published < r.firstSeen THEN row.published ELSE r.firstSeen END,
        r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.published > r.lastSeen THEN row.published ELSE r.lastSeen END)`).join('\n  ')}`;

/**
 * The article's keys name the actors as they are now: a merge rewrites them on every article that mentions
 * the merged actor (merge.ts). A key whose two ends became one actor names a link the merge deleted.
 * firstSeen/lastSeen are not recomputed: after a subtraction they are bounds (see docs/graph-model.md).
 */
const SUBTRACT_LINKS = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (art:Article {id: articleId})
  // Both lists read once: art.linkKeys[i] would read the whole list from the store again for every i.
  WITH art.linkKeys AS keys, art.linkWeights AS weights
  UNWIND range(0, size(coalesce(keys, [])) - 1) AS i
  WITH split(keys[i], '|') AS ends, weights[i] AS w
  WHERE ends[0] <> ends[1]
  MATCH (:Entity {id: ends[0]})-[l:LINKED]-(:Entity {id: ends[1]})
  WITH l, sum(w) AS w, count(*) AS n
  SET l.articles = l.articles - n,
      l.weight = CASE WHEN l.articles - n <= 0 THEN 0.0 ELSE l.weight - w END
  WITH l WHERE l.articles <= 0 AND coalesce(l.manual, false) = false
  DELETE l`;

const SUBTRACT_RELATIONS = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (art:Article {id: articleId})
  UNWIND coalesce(art.relationKeys, []) AS key
  WITH split(key, '|') AS k
  WHERE k[1] <> k[2] AND k[0] IN $types
  MATCH (:Entity {id: k[1]})-[r]->(:Entity {id: k[2]}) WHERE type(r) = k[0]
  WITH r, count(*) AS n
  SET r.articles = r.articles - n
  WITH r WHERE r.articles <= 0
  DELETE r`;

// The links the articles' subtraction will shrink or delete, for their ends' strongest-links lists (top-links.ts).
const LINKS_TO_SUBTRACT = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (art:Article {id: articleId})
  UNWIND coalesce(art.linkKeys, []) AS key
  RETURN DISTINCT key`;

// Cleared, so that subtracting the same article twice (two writers replacing it) subtracts once.
const FORGET_RECORD = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (art:Article {id: articleId})
  SET art.linkKeys = [], art.linkWeights = [], art.relationKeys = [], art.statements = []`;

const DELETE_SENTENCES = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (:Article {id: articleId})-[:HAS_SENTENCE]->(s:Sentence)
  DETACH DELETE s`;

// Entities no article mentions any more, that no analyst touched, go too.
const SUBTRACT_MENTIONS = `CYPHER replan=skip
  UNWIND $batch.ids AS articleId
  MATCH (:Article {id: articleId})-[m:MENTIONS]->(e:Entity)
  SET e.mentionCount = e.mentionCount - m.count, e.articleCount = e.articleCount - 1
  DELETE m
  WITH DISTINCT e
  WHERE e.articleCount <= 0 AND coalesce(e.version, 0) = 0 AND NOT (e)--()
  DELETE e`;

/**
 * Subtracts everything the given stored articles contributed. Idempotent: a second call finds nothing left.
 * Notes in `changes` the links it shrank or deleted.
 */
export async function removeContributions(tx: ManagedTransaction, articleIds: string[], changes: LinkChanges): Promise<void> {
  const ids = [...articleIds].sort();
  const { records } = await tx.run(LINKS_TO_SUBTRACT, batch({ ids }));
  for (const record of records) {
    const [a, b] = (record.get('key') as string).split('|');
    noteLink(changes, a, b, 'shrunk');
  }
  await tx.run(SUBTRACT_LINKS, batch({ ids }));
  await tx.run(SUBTRACT_RELATIONS, { ...batch({ ids }), types: [...RELATION_TYPES] });
  await tx.run(FORGET_RECORD, batch({ ids }));
  await tx.run(DELETE_SENTENCES, batch({ ids }));
  await tx.run(SUBTRACT_MENTIONS, batch({ ids }));
}
