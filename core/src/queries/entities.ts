/** One entity in full: who it is, where it appears (newest first, paged), its strongest links, notes on it. */
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { listAnnotations, type Annotation } from './annotations.js';
import { int, readRows } from './run.js';
import { ARTICLE_FIELDS, compact, ENTITY_FIELDS, VISIBLE, type ArticleSummary, type EntitySummary } from './shapes.js';

export interface EntityDetail {
  entity: EntitySummary;
  articles: { total: number; offset: number; limit: number; items: Array<ArticleSummary & { mentions: number }> };
  links: Array<{ entity: EntitySummary; weight: number; articles: number; manual: boolean; note?: string }>;
  relations: Array<{ type: string; direction: 'out' | 'in'; other: EntitySummary; articles: number }>;
  annotations: Annotation[];
}

export interface EntityDetailOptions {
  articleOffset: number;
  articleLimit: number;
  linkLimit: number;
}

export async function getEntity(graph: Graph, id: string, options: EntityDetailOptions): Promise<EntityDetail> {
  const [head] = await readRows(
    graph,
    `MATCH (e:Entity {id: $id})
     RETURN ${ENTITY_FIELDS('e')} AS entity, COUNT { (:Article)-[:MENTIONS]->(e) } AS articleTotal`,
    { id },
  );
  if (!head) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
  const [articles, links, relations, annotations] = await Promise.all([
    readRows(
      graph,
      `MATCH (a:Article)-[m:MENTIONS]->(:Entity {id: $id})
       RETURN ${ARTICLE_FIELDS('a')} AS article, m.count AS mentions
       ORDER BY a.published DESC, a.id SKIP $offset LIMIT $limit`,
      { id, offset: int(options.articleOffset), limit: int(options.articleLimit) },
    ),
    readRows(
      graph,
      `MATCH (:Entity {id: $id})-[r:LINKED]-(o:Entity) WHERE ${VISIBLE('o')}
       RETURN ${ENTITY_FIELDS('o')} AS entity, r.weight AS weight, coalesce(r.articles, 0) AS articles,
              coalesce(r.manual, false) AS manual, r.note AS note
       ORDER BY weight DESC, entity.id LIMIT $limit`,
      { id, limit: int(options.linkLimit) },
    ),
    readRows(
      graph,
      `MATCH (e:Entity {id: $id})-[r]-(o:Entity)
       WHERE type(r) <> 'LINKED' AND ${VISIBLE('o')}
       RETURN type(r) AS type, CASE WHEN startNode(r) = e THEN 'out' ELSE 'in' END AS direction,
              ${ENTITY_FIELDS('o')} AS other, coalesce(r.articles, 0) AS articles
       ORDER BY articles DESC, type LIMIT 100`,
      { id },
    ),
    listAnnotations(graph, { targetKind: 'entity', targetId: id }),
  ]);
  return {
    entity: compact(head.entity as EntitySummary),
    articles: {
      total: head.articleTotal as number,
      offset: options.articleOffset,
      limit: options.articleLimit,
      items: articles.map((r) => ({ ...compact(r.article as ArticleSummary), mentions: (r.mentions as number) ?? 0 })),
    },
    links: links.map((r) =>
      compact({
        entity: compact(r.entity as EntitySummary),
        weight: r.weight as number,
        articles: r.articles as number,
        manual: r.manual as boolean,
        note: r.note as string | undefined,
      }),
    ),
    relations: relations.map((r) => ({
      type: r.type as string,
      direction: r.direction as 'out' | 'in',
      other: compact(r.other as EntitySummary),
      articles: r.articles as number,
    })),
    annotations,
  };
}
