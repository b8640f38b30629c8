/**
 * The evidence behind a link: the sentences that name both actors, with
 * every mention in them as offsets relative to the sentence (ready to
 * highlight), their articles newest first, and the typed facts between the two.
 */
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { int, readRows } from './run.js';
import { ARTICLE_FIELDS, compact, ENTITY_FIELDS, type ArticleSummary, type EntitySummary } from './shapes.js';

export interface Highlight {
  start: number;
  end: number;
  entityId: string;
}

export interface EvidenceSentence {
  id: string;
  text: string;
  /** Offsets of the sentence in its article's text. */
  start: number;
  end: number;
  article: ArticleSummary;
  /** Mentions inside the sentence, offsets relative to `text`. */
  highlights: Highlight[];
}

export interface LinkRelation {
  type: string;
  source: string;
  target: string;
  articles: number;
  sentences: string[];
}

export interface LinkEvidence {
  a: EntitySummary;
  b: EntitySummary;
  link: { weight: number; articles: number; firstSeen?: string; lastSeen?: string; manual: boolean; note?: string } | null;
  relations: LinkRelation[];
  sentences: { total: number; offset: number; limit: number; items: EvidenceSentence[] };
}

/**
 * Sentence rows with their highlights: expects `s` (Sentence) and `art`
 * (its Article) in scope and yields `sentence`.
 */
export const SENTENCE_WITH_HIGHLIGHTS = `
  CALL (s, art) {
    OPTIONAL MATCH (s)-[:NAMES]->(x:Entity)<-[m:MENTIONS]-(art)
    WITH x, m
    UNWIND CASE WHEN m IS NULL THEN [] ELSE range(0, size(m.starts) - 1) END AS i
    WITH x, m.starts[i] AS start, m.ends[i] AS end
    WHERE start >= s.start AND end <= s.end
    WITH x, start, end ORDER BY start
    RETURN collect({ start: start - s.start, end: end - s.start, entityId: x.id }) AS highlights
  }
  WITH s, art, highlights
  RETURN { id: s.id, text: s.text, start: s.start, end: s.end, article: ${ARTICLE_FIELDS('art')}, highlights: highlights } AS sentence`;

export interface EvidenceOptions {
  offset: number;
  limit: number;
}

export async function getLinkEvidence(graph: Graph, aId: string, bId: string, options: EvidenceOptions): Promise<LinkEvidence> {
  const [head] = await readRows(
    graph,
    `OPTIONAL MATCH (a:Entity {id: $a})
     OPTIONAL MATCH (b:Entity {id: $b})
     OPTIONAL MATCH (a)-[r:LINKED]-(b)
     CALL (a, b) {
       OPTIONAL MATCH (a)-[t]-(b) WHERE type(t) <> 'LINKED'
       RETURN collect(CASE WHEN t IS NULL THEN null ELSE { type: type(t), source: startNode(t).id, target: endNode(t).id,
                      articles: coalesce(t.articles, 0), sentences: coalesce(t.sentences, []) } END) AS relations
     }
     CALL (a, b) {
       OPTIONAL MATCH (a)<-[:NAMES]-(s:Sentence)-[:NAMES]->(b)
       RETURN count(DISTINCT s) AS total
     }
     RETURN ${ENTITY_FIELDS('a')} AS a, ${ENTITY_FIELDS('b')} AS b, total, relations,
            CASE WHEN r IS NULL THEN null ELSE { weight: r.weight, articles: coalesce(r.articles, 0), firstSeen: r.firstSeen,
                 lastSeen: r.lastSeen, manual: coalesce(r.manual, false), note: r.note } END AS link`,
    { a: aId, b: bId },
  );
  for (const [key, id] of [['a', aId], ['b', bId]] as const) {
    if (!head || (head[key] as EntitySummary | null)?.id == null) {
      throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
    }
  }
  const rows = await readRows(
    graph,
    `MATCH (:Entity {id: $a})<-[:NAMES]-(s:Sentence)-[:NAMES]->(:Entity {id: $b})
     MATCH (art:Article)-[:HAS_SENTENCE]->(s)
     WITH DISTINCT s, art ORDER BY art.published DESC, art.id, s.start SKIP $offset LIMIT $limit
     ${SENTENCE_WITH_HIGHLIGHTS}`,
    { a: aId, b: bId, offset: int(options.offset), limit: int(options.limit) },
  );
  return {
    a: compact(head!.a as EntitySummary),
    b: compact(head!.b as EntitySummary),
    link: head!.link ? compact(head!.link as NonNullable<LinkEvidence['link']>) : null,
    relations: head!.relations as LinkRelation[],
    sentences: {
      total: head!.total as number,
      offset: options.offset,
      limit: options.limit,
      items: rows.map((r) => toSentence(r.sentence)),
    },
  };
}

export function toSentence(raw: unknown): EvidenceSentence {
  const s = raw as EvidenceSentence;
  return { ...s, article: compact(s.article) };
}
