/** Mentions per month, for one entity or for a link (sentences naming both, articles naming both). */
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { readRows } from './run.js';

export interface TimelineBucket {
  /** `YYYY-MM`. */
  period: string;
  mentions: number;
  articles: number;
}

export async function entityTimeline(graph: Graph, id: string): Promise<TimelineBucket[]> {
  const rows = await readRows(
    graph,
    `MATCH (e:Entity {id: $id})
     OPTIONAL MATCH (art:Article)-[m:MENTIONS]->(e) WHERE art.published IS NOT NULL
     WITH e, substring(art.published, 0, 7) AS period, sum(m.count) AS mentions, count(art) AS articles
     RETURN e.id AS id, period, mentions, articles ORDER BY period`,
    { id },
  );
  if (rows.length === 0) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
  return buckets(rows);
}

export async function linkTimeline(graph: Graph, a: string, b: string): Promise<TimelineBucket[]> {
  const rows = await readRows(
    graph,
    `MATCH (ea:Entity {id: $a}), (eb:Entity {id: $b})
     OPTIONAL MATCH (art:Article)-[:MENTIONS]->(ea) WHERE art.published IS NOT NULL AND (art)-[:MENTIONS]->(eb)
     WITH ea, eb, art
     CALL (ea, eb, art) {
       OPTIONAL MATCH (art)-[:HAS_SENTENCE]->(s:Sentence)-[:NAMES]->(ea) WHERE (s)-[:NAMES]->(eb)
       RETURN count(s) AS sentences
     }
     WITH ea, substring(art.published, 0, 7) AS period, sum(sentences) AS mentions, count(art) AS articles
     RETURN ea.id AS id, period, mentions, articles ORDER BY period`,
    { a, b },
  );
  if (rows.length === 0) {
    throw new NotFoundError(`No entity with id "${a}" or "${b}"`, { details: { ids: [a, b] } });
  }
  return buckets(rows);
}

function buckets(rows: Array<Record<string, unknown>>): TimelineBucket[] {
  return rows
    .filter((r) => r.period != null)
    .map((r) => ({ period: r.period as string, mentions: (r.mentions as number) ?? 0, articles: r.articles as number }));
}
