/**
 * The writes of ingest: articles and what was extracted from them, landed in
 * Neo4j in batched UNWIND transactions. Each batch lands whole or not at all;
 * every count and weight is kept incrementally and can be subtracted exactly
 * when an article changes (see docs/graph-model.md).
 */
import type { Graph } from '../neo4j/connect.js';
import {
  RELATION_TYPES,
  type AnalystDecisions,
  type Article,
  type EntityType,
} from '../model.js';
import { claimArticles } from './claim-articles.js';
import { ADD_LINK_CONTRIBUTIONS, ADD_RELATION_CONTRIBUTIONS, removeContributions } from './contributions.js';
import { prepareRows, sumEntitiesById, sumLinksByPair, type LoadItem } from './ingest-rows.js';
import { retryRaces } from './retry-races.js';
import { noteLink, refreshTopLinks, type LinkChanges } from './top-links.js';
import { batch } from './map-params.js';

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

/** What a batch write did, decided inside its transaction. */
export interface WriteOutcome {
  /** Articles another writer stored with the same text after this run looked: nothing added for them. */
  skipped: string[];
}

/**
 * Writes a batch of articles with their extractions in one transaction.
 * Each article is claimed first (claim-articles.ts): one stored meanwhile
 * with the same text is skipped; one stored with another text, and those in
 * `replacing` (stored articles a changed name held), lose their old
 * mentions, links, facts and evidence first, so weights stay exact; those
 * no name holds any more afterwards are removed, or kept as superseded when
 * an analyst annotated them.
 */
export async function writeArticles(
  graph: Graph,
  items: LoadItem[],
  replacing: string[] = [],
  duplicates: DuplicateItem[] = [],
): Promise<WriteOutcome> {
  if (items.length === 0 && duplicates.length === 0) return { skipped: [] };
  const ingestedAt = new Date().toISOString();
  const rows = prepareRows(items, ingestedAt);
  const incoming = items.map(({ article }) => ({ id: article.id, contentHash: article.contentHash }));
  return retryRaces(async () => {
    const session = graph.driver.session({ database: graph.database });
    try {
      // executeWrite runs the work again on a transient error (a deadlock among them): nothing in it may
      // depend on an earlier attempt.
      return await session.executeWrite(async (tx) => {
        const claim = await claimArticles(tx, incoming, replacing);
        const changes: LinkChanges = new Map();
        if (claim.replace.length > 0) await removeContributions(tx, claim.replace, changes);
        const mine = <T extends { articleId: string }>(list: T[]) => list.filter((row) => claim.write.has(row.articleId));
        const mentions = mine(rows.entities);
        const links = sumLinksByPair(mine(rows.links));
        await tx.run(UPSERT_ARTICLES, batch({ rows: rows.articles.filter((row) => claim.write.has(row.id as string)) }));
        await tx.run(UPSERT_ENTITIES, batch({ rows: sumEntitiesById(mentions) }));
        await tx.run(CREATE_MENTIONS, batch({ rows: mentions }));
        await tx.run(CREATE_SENTENCES, batch({ rows: mine(rows.sentences) }));
        await tx.run(ADD_LINK_CONTRIBUTIONS, batch({ rows: links }));
        for (const link of links) noteLink(changes, link.source, link.target, 'grew');
        // Once per batch, for the entities it touched: a hub named by every article is refreshed once.
        await refreshTopLinks((cypher, params) => tx.run(cypher, params), changes);
        await tx.run(ADD_RELATION_CONTRIBUTIONS, batch({ rows: mine(rows.relations) }));
        await tx.run(RECORD_DUPLICATES, batch({ rows: duplicateRows(duplicates, ingestedAt) }));
        await tx.run(MOVE_ORIGINS, batch({ rows: originRows(items, duplicates) }));
        const retiring = claim.replace.filter((id) => !claim.write.has(id) && !claim.skip.has(id));
        if (retiring.length > 0) await tx.run(RETIRE_UNHELD_ARTICLES, batch({ ids: retiring }));
        return { skipped: [...claim.skip] };
      });
    } finally {
      await session.close();
    }
  });
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
  UNWIND $batch.rows AS row
  MERGE (a:Article {id: row.id})
  SET a.title = row.title, a.text = row.text, a.source = row.source, a.url = row.url,
      a.published = row.published, a.topics = row.topics, a.contentHash = row.contentHash,
      a.ingestedAt = row.ingestedAt, a.duplicateOf = row.duplicateOf`;

// A name holds exactly one article: the text it had when last read.
const MOVE_ORIGINS = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (a:Article {id: row.articleId})
  MERGE (o:Origin {key: row.origin})
  WITH o, a
  OPTIONAL MATCH (o)-[old:HOLDS]->(other) WHERE other <> a
  DELETE old
  MERGE (o)-[:HOLDS]->(a)`;

// Replaced articles that no name holds any more go, unless analysts annotated them.
const RETIRE_UNHELD_ARTICLES = `CYPHER replan=skip
  UNWIND $batch.ids AS id
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
  UNWIND $batch.rows AS row
  MERGE (a:Article {id: row.id})
  SET a.title = row.title, a.text = row.text, a.source = row.source, a.url = row.url,
      a.published = row.published, a.topics = row.topics, a.contentHash = row.contentHash,
      a.ingestedAt = row.ingestedAt,
      a.linkKeys = row.linkKeys, a.linkWeights = row.linkWeights,
      a.relationKeys = row.relationKeys, a.statements = row.statements
  REMOVE a.duplicateOf`;

// One row per entity of the batch (ingest-rows.ts sumEntitiesById; its counts arrive as floats, and articleCount
// stays an integer). The stored type (and its label) wins over the extracted one: an analyst may have changed it,
// so type and label are set only when the entity is created.
// Aliases are kept sorted: appended in the order articles arrive, two ingests of the same articles in another
// order (concurrent ones) would store the same aliases in another order. Sorted only when a spelling is new.
const UPSERT_ENTITIES = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MERGE (e:Entity {id: row.id})
    ON CREATE SET e.type = row.type, e.name = row.name, e.aliases = [], e.iso2 = row.iso2,
                  e.mentionCount = 0, e.articleCount = 0, e.version = 0, e.hidden = false, e:$(row.type)
  // The stored list read once: a property inside the comprehension is read from the store for every spelling.
  WITH e, row, e.aliases AS aliases, e.name AS name
  WITH e, row, aliases, [s IN row.spellings WHERE s <> name AND NOT s IN aliases] AS fresh
  SET e.aliases = CASE WHEN size(fresh) = 0 THEN aliases
                       ELSE COLLECT { UNWIND aliases + fresh AS alias RETURN alias ORDER BY alias } END,
      e.mentionCount = e.mentionCount + row.count,
      e.articleCount = e.articleCount + toInteger(row.articles)`;

// One row per (article, entity), after UPSERT_ENTITIES made every entity.
const CREATE_MENTIONS = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (a:Article {id: row.articleId}), (e:Entity {id: row.id})
  CREATE (a)-[:MENTIONS {count: row.count, starts: row.starts, ends: row.ends}]->(e)`;

const CREATE_SENTENCES = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (a:Article {id: row.articleId})
  CREATE (a)-[:HAS_SENTENCE]->(s:Sentence {id: row.id, articleId: row.articleId, start: row.start, end: row.end, text: row.text})
  WITH s, row
  UNWIND row.entityIds AS entityId
  MATCH (e:Entity {id: entityId})
  CREATE (s)-[:NAMES]->(e)`;
