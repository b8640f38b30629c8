/**
 * Whole-graph figures for comparing two ingests of the same inputs, and a
 * recount of every link and relation counter from the articles' own records
 * (contributions.ts), which must agree exactly.
 */
import type { Graph } from '../../core/src/neo4j/connect.js';
import { RELATION_TYPES } from '../../core/src/model.js';
import { STRONGEST_LINKS, TOP_LINKS_PARAMS } from '../../core/src/queries/top-links.js';

export async function graphTotals(graph: Graph) {
  const { records } = await graph.driver.executeQuery(
    `CALL () { MATCH (a:Article) WHERE a.duplicateOf IS NULL RETURN count(a) AS articles }
     CALL () { MATCH (a:Article) WHERE a.duplicateOf IS NOT NULL RETURN count(a) AS copies }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities, sum(e.mentionCount) AS mentionCount, sum(e.articleCount) AS articleCount }
     CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
     CALL () { MATCH ()-[l:LINKED]->() RETURN count(l) AS links, sum(l.weight) AS linkWeight, sum(l.articles) AS linkArticles }
     CALL () { MATCH (:Entity)-[r]->(:Entity) WHERE type(r) IN $types RETURN count(r) AS relations, sum(r.articles) AS relationArticles }
     CALL () { MATCH (s:Sentence) RETURN count(s) AS sentences }
     CALL () { MATCH (o:Origin) RETURN count(o) AS origins }
     RETURN articles, copies, entities, mentionCount, articleCount, mentions, links, linkWeight, linkArticles,
            relations, relationArticles, sentences, origins`,
    { types: [...RELATION_TYPES] },
  );
  return records[0].toObject();
}

/** Links and relations whose counters differ from the sum of what the articles recorded (empty when exact). */
export async function counterMismatches(graph: Graph): Promise<string[]> {
  const { records: links } = await graph.driver.executeQuery(
    `MATCH (x:Entity)-[l:LINKED]->(y:Entity) WHERE coalesce(l.manual, false) = false
     RETURN x.id + '|' + y.id AS key, l.weight AS weight, l.articles AS articles`,
  );
  const { records: recorded } = await graph.driver.executeQuery(
    `MATCH (art:Article) UNWIND range(0, size(coalesce(art.linkKeys, [])) - 1) AS i
     WITH art.linkKeys[i] AS key, art.linkWeights[i] AS w
     RETURN key, sum(w) AS weight, count(*) AS articles`,
  );
  const { records: relations } = await graph.driver.executeQuery(
    `MATCH (x:Entity)-[r]->(y:Entity) WHERE type(r) IN $types RETURN type(r) + '|' + x.id + '|' + y.id AS key, r.articles AS articles`,
    { types: [...RELATION_TYPES] },
  );
  const { records: stated } = await graph.driver.executeQuery(
    `MATCH (art:Article) UNWIND coalesce(art.relationKeys, []) AS key RETURN key, count(*) AS articles`,
  );
  const problems: string[] = [];
  const compare = (kind: string, stored: Map<string, string>, recount: Map<string, string>) => {
    for (const [key, value] of stored) if (recount.get(key) !== value) problems.push(`${kind} ${key}: stored ${value}, recounted ${recount.get(key)}`);
    for (const [key, value] of recount) if (!stored.has(key)) problems.push(`${kind} ${key}: missing, recounted ${value}`);
  };
  const asMap = (rows: typeof links, fields: string[]) =>
    new Map(rows.map((r) => [r.get('key') as string, fields.map((f) => String(r.get(f))).join('/')]));
  compare('link', asMap(links, ['weight', 'articles']), asMap(recorded, ['weight', 'articles']));
  compare('relation', asMap(relations, ['articles']), asMap(stated, ['articles']));
  return problems;
}

/** Entities whose strongest-links list (top-links.ts) differs from one recomputed from all their links (empty when exact). */
export async function topLinksMismatches(graph: Graph): Promise<string[]> {
  const { records } = await graph.driver.executeQuery(
    `MATCH (e:Entity)
     WITH e, COUNT { (e)-[:LINKED]-() } > $k AS hub
     CALL (e) {
       ${STRONGEST_LINKS('e')}
       RETURN top
     }
     WITH e, CASE WHEN hub THEN [t IN top | t.id] END AS ids, CASE WHEN hub THEN [t IN top | t.w] END AS weights
     WHERE NOT (e.topLinks IS NULL AND ids IS NULL) AND (e.topLinks IS NULL OR ids IS NULL OR e.topLinks <> ids OR e.topWeights <> weights)
     RETURN e.id + ': stored ' + coalesce(toString(size(e.topLinks)), 'no') + ' ids, recomputed ' + coalesce(toString(size(ids)), 'none') AS problem`,
    TOP_LINKS_PARAMS,
  );
  return records.map((r) => r.get('problem') as string);
}
