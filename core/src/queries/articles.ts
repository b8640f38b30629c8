/** One article for reading in context: its text, and every mention in it with offsets and entity. */
import { NotFoundError } from '../errors.js';
import type { Article } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { listAnnotations, type Annotation } from './annotations.js';
import { readRows } from './run.js';
import { compact } from './shapes.js';

export interface ArticleMention {
  start: number;
  end: number;
  entityId: string;
  type: string;
  name: string;
}

/** The stored Article (core/src/model.ts) as the API shows it, with what was found in it. */
export interface ArticleDetail extends Omit<Article, 'contentHash' | 'origin'> {
  ingestedAt?: string;
  /** Set on an exact duplicate: the id of the copy that carries the mentions. */
  duplicateOf?: string;
  mentions: ArticleMention[];
  annotations: Annotation[];
}

export async function getArticle(graph: Graph, id: string): Promise<ArticleDetail> {
  const [row] = await readRows(
    graph,
    `MATCH (art:Article {id: $id})
     CALL (art) {
       OPTIONAL MATCH (art)-[m:MENTIONS]->(e:Entity)
       // Each list read once, not once per element.
       WITH e, m, m.starts AS starts, m.ends AS ends
       UNWIND CASE WHEN m IS NULL THEN [] ELSE range(0, size(starts) - 1) END AS i
       WITH e, starts[i] AS start, ends[i] AS end ORDER BY start
       RETURN collect({ start: start, end: end, entityId: e.id, type: e.type, name: e.name }) AS mentions
     }
     RETURN art { .id, .title, .text, .source, .url, .published, .ingestedAt, .duplicateOf, topics: coalesce(art.topics, []) } AS article,
            mentions`,
    { id },
  );
  if (!row) throw new NotFoundError(`No article with id "${id}"`, { details: { id } });
  const annotations = await listAnnotations(graph, { targetKind: 'article', targetId: id });
  return { ...compact(row.article as ArticleDetail), mentions: row.mentions as ArticleMention[], annotations };
}
