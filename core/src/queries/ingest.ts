/**
 * The writes of ingest: articles and what was extracted from them, landed in
 * Neo4j in batched UNWIND transactions. Each batch lands whole or not at all;
 * every count and weight is kept incrementally and can be subtracted exactly
 * when an article changes (see docs/graph-model.md).
 */
import type { ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../neo4j/connect.js';
import {
  RELATION_TYPES,
  type AnalystDecisions,
  type Article,
  type EntityType,
} from '../model.js';
import { prepareRows, type LoadItem } from './ingest-rows.js';

export type { LoadItem } from './ingest-rows.js';

/** What the store already holds for a set of incoming articles. */
export interface StoredArticles {
  /** article id -> stored content hash */
  hashById: Map<string, string>;
  /** content hash -> id of the stored article that is not itself a duplicate */
  originalByHash: Map<string, string>;
  /** origin -> the article that name holds now, and how many names hold that article */
  holderByOrigin: Map<string, { id: string; origins: number }>;
}

export async function findStoredArticles(
  graph: Graph,
  articles: Array<Pick<Article, 'id' | 'contentHash' | 'origin'>>,
): Promise<StoredArticles> {
  const { records } = await graph.driver.executeQuery(
    `UNWIND $articles AS incoming
     CALL (incoming) {
       OPTIONAL MATCH (byId:Article {id: incoming.id})
       RETURN byId.contentHash AS storedHash
     }
     CALL (incoming) {
       OPTIONAL MATCH (byHash:Article {contentHash: incoming.contentHash}) WHERE byHash.duplicateOf IS NULL
       RETURN byHash.id AS original LIMIT 1
     }
     CALL (incoming) {
       OPTIONAL MATCH (:Origin {key: incoming.origin})-[:HOLDS]->(held:Article)
       RETURN held.id AS heldId, COUNT { (:Origin)-[:HOLDS]->(held) } AS heldOrigins
     }
     RETURN incoming.id AS id, incoming.contentHash AS hash, incoming.origin AS origin,
            storedHash, original, heldId, heldOrigins`,
    { articles: articles.map(({ id, contentHash, origin }) => ({ id, contentHash, origin: origin ?? null })) },
    { database: graph.database, routing: 'READ' },
  );
  const stored: StoredArticles = { hashById: new Map(), originalByHash: new Map(), holderByOrigin: new Map() };
  for (const record of records) {
    if (record.get('storedHash')) stored.hashById.set(record.get('id'), record.get('storedHash'));
    if (record.get('original')) stored.originalByHash.set(record.get('hash'), record.get('original'));
    if (record.get('heldId')) {
      stored.holderByOrigin.set(record.get('origin'), { id: record.get('heldId'), origins: record.get('heldOrigins') });
    }
  }
  return stored;
}

/** A copy of a stored article: the same text under another name. */
export interface DuplicateItem {
  article: Article;
  /** The stored article it copies; its own id when the copy has no URL of its own. */
  duplicateOf: string;
}

/**
 * Writes a batch of articles with their extractions in one transaction.
 * Articles in `replacing` (stored ones whose text changed) lose their old
 * mentions, links, facts and evidence first, so weights stay exact; those
 * no name holds any more afterwards are removed, or kept as superseded when
 * an analyst annotated them.
 */
export async function writeArticles(
  graph: Graph,
  items: LoadItem[],
  replacing: string[] = [],
  duplicates: DuplicateItem[] = [],
): Promise<void> {
  if (items.length === 0 && duplicates.length === 0) return;
  const ingestedAt = new Date().toISOString();
  const rows = prepareRows(items, ingestedAt);
  const session = graph.driver.session({ database: graph.database });
  try {
    await session.executeWrite(async (tx) => {
      if (replacing.length > 0) await removeContributions(tx, replacing);
      await tx.run(UPSERT_ARTICLES, { rows: rows.articles });
      await tx.run(UPSERT_ENTITIES_AND_MENTIONS, { rows: rows.entities });
      await tx.run(CREATE_SENTENCES, { rows: rows.sentences });
      await tx.run(ADD_LINK_CONTRIBUTIONS, { rows: rows.links });
      await tx.run(ADD_RELATION_CONTRIBUTIONS, { rows: rows.relations });
      await tx.run(RECORD_DUPLICATES, { rows: duplicateRows(duplicates, ingestedAt) });
      await tx.run(MOVE_ORIGINS, { rows: originRows(items, duplicates) });
      const written = new Set(items.map((item) => item.article.id));
      const retiring = replacing.filter((id) => !written.has(id));
      if (retiring.length > 0) await tx.run(RETIRE_UNHELD_ARTICLES, { ids: retiring });
    });
  } finally {
    await session.close();
  }
}

function duplicateRows(duplicates: DuplicateItem[], ingestedAt: string) {
  return duplicates
    .filter(({ article, duplicateOf }) => article.id !== duplicateOf)
    .map(({ article, duplicateOf }) => ({ ...articleProperties(article), ingestedAt, duplicateOf }));
}

function originRows(items: LoadItem[], duplicates: DuplicateItem[]) {
  return [...items.map((item) => item.article), ...duplicates.map((d) => d.article)]
    .filter((article) => article.origin !== undefined)
    .map((article) => ({ origin: article.origin, articleId: article.id }));
}

/** Analysts' merges, rejections and type changes, which every ingest must honour. */
export async function readAnalystDecisions(graph: Graph): Promise<AnalystDecisions> {
  const options = { database: graph.database, routing: 'READ' as const };
  const [aliases, rejections, retyped] = await Promise.all([
    graph.driver.executeQuery('MATCH (a:Alias) RETURN a.key AS key, a.entityId AS entityId', {}, options),
    graph.driver.executeQuery('MATCH (r:Rejection) RETURN r.key AS key', {}, options),
    graph.driver.executeQuery(
      'MATCH (e:Entity) WHERE e.typeSetByAnalyst = true RETURN e.id AS id, e.type AS type',
      {},
      options,
    ),
  ]);
  return {
    aliases: new Map(aliases.records.map((r) => [r.get('key') as string, r.get('entityId') as string])),
    rejected: new Set(rejections.records.map((r) => r.get('key') as string)),
    retyped: new Map(retyped.records.map((r) => [r.get('id') as string, r.get('type') as EntityType])),
  };
}

/** Whether any article is stored: a look at one node, not a count of all. */
export async function hasArticles(graph: Graph): Promise<boolean> {
  const { records } = await graph.driver.executeQuery(
    'MATCH (a:Article) RETURN a.id AS id LIMIT 1',
    {},
    { database: graph.database, routing: 'READ' },
  );
  return records.length > 0;
}

/** Entities and links stored, from Neo4j's count store: constant time, for the ingest summary. */
export async function countEntitiesAndLinks(graph: Graph): Promise<{ entities: number; links: number }> {
  const { records } = await graph.driver.executeQuery(
    `CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH ()-[l:LINKED]->() RETURN count(l) AS links }
     RETURN entities, links`,
    {},
    { database: graph.database, routing: 'READ' },
  );
  return records[0].toObject() as { entities: number; links: number };
}

export interface GraphCounts {
  /** distinct articles (copies not counted) */
  articles: number;
  /** copies recorded: copy nodes with their own URL, plus second names of the same text */
  duplicates: number;
  entities: number;
  links: number;
  relations: number;
}

export async function countGraph(graph: Graph): Promise<GraphCounts> {
  const { records } = await graph.driver.executeQuery(
    `CALL () {
       MATCH (a:Article) WHERE a.superseded IS NULL
       WITH a, COUNT { (:Origin)-[:HOLDS]->(a) } AS names
       RETURN count(a) - count(a.duplicateOf) AS articles,
              count(a.duplicateOf) + sum(CASE WHEN names > 1 THEN names - 1 ELSE 0 END) AS duplicates
     }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH ()-[l:LINKED]->() RETURN count(l) AS links }
     CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS relations }
     RETURN articles, duplicates, entities, links, relations`,
    { types: [...RELATION_TYPES] },
    { database: graph.database, routing: 'READ' },
  );
  return records[0].toObject() as GraphCounts;
}

function articleProperties(article: Article) {
  return {
    id: article.id,
    title: article.title,
    text: article.text,
    source: article.source ?? null,
    url: article.url ?? null,
    published: article.published ?? null,
    topics: article.topics,
    contentHash: article.contentHash,
  };
}

// Every write below starts with `CYPHER replan=skip`. Their plans (seeks on unique ids) suit a graph of
// any size, but a fast-growing graph makes Neo4j replan stale statements every ten seconds or so: in a
// whole-corpus ingest the relation statement alone spent 5.9 s, mostly planning (1.1 s a plan on a cold
// JVM); with the first plan kept, 3.1 s.

// An exact copy with a URL of its own is kept as its own node, pointing at the original.
const RECORD_DUPLICATES = `CYPHER replan=skip
  UNWIND $rows AS row
  MERGE (a:Article {id: row.id})
  SET a.title = row.title, a.text = row.text, a.source = row.source, a.url = row.url,
      a.published = row.published, a.topics = row.topics, a.contentHash = row.contentHash,
      a.ingestedAt = row.ingestedAt, a.duplicateOf = row.duplicateOf`;

// A name holds exactly one article: the text it had when last read.
const MOVE_ORIGINS = `CYPHER replan=skip
  UNWIND $rows AS row
  MATCH (a:Article {id: row.articleId})
  MERGE (o:Origin {key: row.origin})
  WITH o, a
  OPTIONAL MATCH (o)-[old:HOLDS]->(other) WHERE other <> a
  DELETE old
  MERGE (o)-[:HOLDS]->(a)`;

// Replaced articles that no name holds any more go, unless analysts annotated them.
const RETIRE_UNHELD_ARTICLES = `CYPHER replan=skip
  UNWIND $ids AS id
  MATCH (a:Article {id: id})
  WHERE NOT EXISTS { (:Origin)-[:HOLDS]->(a) }
  CALL (a) {
    WITH a WHERE EXISTS { (:Annotation)-[:ABOUT]->(a) }
    SET a.superseded = true
  }
  CALL (a) {
    WITH a WHERE NOT EXISTS { (:Annotation)-[:ABOUT]->(a) }
    DETACH DELETE a
  }`;

const UPSERT_ARTICLES = `CYPHER replan=skip
  UNWIND $rows AS row
  MERGE (a:Article {id: row.id})
  SET a.title = row.title, a.text = row.text, a.source = row.source, a.url = row.url,
      a.published = row.published, a.topics = row.topics, a.contentHash = row.contentHash,
      a.ingestedAt = row.ingestedAt
  REMOVE a.duplicateOf`;

// The stored type (and its label) wins over the extracted one: an analyst may have changed it,
// so type and label are set only when the entity is created.
const UPSERT_ENTITIES_AND_MENTIONS = `CYPHER replan=skip
  UNWIND $rows AS row
  MERGE (e:Entity {id: row.id})
    ON CREATE SET e.type = row.type, e.name = row.name, e.aliases = [], e.iso2 = row.iso2,
                  e.mentionCount = 0, e.articleCount = 0, e.version = 0, e.hidden = false, e:$(row.type)
  SET e.aliases = e.aliases + [s IN row.spellings WHERE s <> e.name AND NOT s IN e.aliases],
      e.mentionCount = e.mentionCount + row.count,
      e.articleCount = e.articleCount + 1
  WITH e, row
  MATCH (a:Article {id: row.articleId})
  CREATE (a)-[:MENTIONS {count: row.count, starts: row.starts, ends: row.ends}]->(e)`;

const CREATE_SENTENCES = `CYPHER replan=skip
  UNWIND $rows AS row
  MATCH (a:Article {id: row.articleId})
  CREATE (a)-[:HAS_SENTENCE]->(s:Sentence {id: row.id, articleId: row.articleId, start: row.start, end: row.end, text: row.text})
  WITH s, row
  UNWIND row.entityIds AS entityId
  MATCH (e:Entity {id: entityId})
  CREATE (s)-[:NAMES]->(e)`;

const ADD_LINK_CONTRIBUTIONS = `CYPHER replan=skip
  UNWIND $rows AS row
  MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
  MERGE (s)-[l:LINKED]->(t)
    ON CREATE SET l.articleIds = [], l.articleWeights = [], l.weight = 0.0, l.articles = 0
  SET l.articleIds = l.articleIds + row.articleId,
      l.articleWeights = l.articleWeights + row.weight,
      l.weight = l.weight + row.weight,
      l.articles = l.articles + 1,
      l.firstSeen = CASE WHEN l.firstSeen IS NULL OR row.published < l.firstSeen THEN row.published ELSE l.firstSeen END,
      l.lastSeen = CASE WHEN l.lastSeen IS NULL OR row.published > l.lastSeen THEN row.published ELSE l.lastSeen END`;

/**
 * One statement for every relation type: one plan, one round trip. Each row takes the one FOREACH branch
 * of its type; a static type per branch keeps MERGE on the type's own relationships of a busy node
 * (a dynamic type would scan all of them). Types come from the closed RELATION_TYPES list only.
 */
const ADD_RELATION_CONTRIBUTIONS = `CYPHER replan=skip
  UNWIND $rows AS row
  MATCH (s:Entity {id: row.source}), (t:Entity {id: row.target})
  ${RELATION_TYPES.map((type) => `FOREACH (_ IN CASE WHEN row.type = '${type}' THEN [1] ELSE [] END |
    MERGE (s)-[r:${type}]->(t)
      ON CREATE SET r.sentences = [], r.sentenceArticleIds = [], r.articles = 0
    SET r.articles = r.articles + CASE WHEN row.articleId IN r.sentenceArticleIds THEN 0 ELSE 1 END,
        r.sentences = r.sentences + row.sentenceId,
        r.sentenceArticleIds = r.sentenceArticleIds + row.articleId,
        r.firstSeen = CASE WHEN r.firstSeen IS NULL OR row.published < r.firstSeen THEN row.published ELSE r.firstSeen END,
        r.lastSeen = CASE WHEN r.lastSeen IS NULL OR row.published > r.lastSeen THEN row.published ELSE r.lastSeen END)`).join('\n  ')}`;

/** Subtracts everything the given stored articles contributed, before they are written again. */
async function removeContributions(tx: ManagedTransaction, articleIds: string[]): Promise<void> {
  // Links first: they are found through the entities the article still MENTIONS.
  await tx.run(
    `UNWIND $ids AS articleId
     MATCH (:Article {id: articleId})-[:MENTIONS]->(:Entity)-[l:LINKED]-(:Entity)
     WHERE articleId IN l.articleIds
     WITH DISTINCT l, articleId
     WITH l, [i IN range(0, size(l.articleIds) - 1) WHERE l.articleIds[i] <> articleId] AS keep
     SET l.articleWeights = [i IN keep | l.articleWeights[i]], l.articleIds = [i IN keep | l.articleIds[i]]
     SET l.weight = reduce(total = 0.0, w IN l.articleWeights | total + w), l.articles = size(l.articleIds)
     WITH l WHERE l.articles = 0 AND coalesce(l.manual, false) = false
     DELETE l`,
    { ids: articleIds },
  );
  await tx.run(
    `UNWIND $ids AS articleId
     MATCH (:Article {id: articleId})-[:MENTIONS]->(:Entity)-[r]->(:Entity)
     WHERE type(r) IN $types AND articleId IN r.sentenceArticleIds
     WITH DISTINCT r, articleId
     WITH r, [i IN range(0, size(r.sentences) - 1) WHERE r.sentenceArticleIds[i] <> articleId] AS keep
     SET r.sentences = [i IN keep | r.sentences[i]], r.sentenceArticleIds = [i IN keep | r.sentenceArticleIds[i]]
     SET r.articles = size(reduce(seen = [], a IN r.sentenceArticleIds | CASE WHEN a IN seen THEN seen ELSE seen + a END))
     WITH r WHERE r.articles = 0
     DELETE r`,
    { ids: articleIds, types: [...RELATION_TYPES] },
  );
  await tx.run(
    `UNWIND $ids AS articleId
     MATCH (:Article {id: articleId})-[:HAS_SENTENCE]->(s:Sentence)
     DETACH DELETE s`,
    { ids: articleIds },
  );
  // Entities no article mentions any more, that no analyst touched, go too.
  await tx.run(
    `UNWIND $ids AS articleId
     MATCH (:Article {id: articleId})-[m:MENTIONS]->(e:Entity)
     SET e.mentionCount = e.mentionCount - m.count, e.articleCount = e.articleCount - 1
     DELETE m
     WITH DISTINCT e
     WHERE e.articleCount <= 0 AND coalesce(e.version, 0) = 0 AND NOT (e)--()
     DELETE e`,
    { ids: articleIds },
  );
}

