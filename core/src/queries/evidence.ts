/**
 * The evidence behind a link: first the sentences that name both actors,
 * then, from the articles that support a weaker (same-article) link, the
 * sentences that name either one, alternating between the two; each with
 * every mention in it as offsets relative to the sentence (ready to
 * highlight) and its article, newest first; and the typed facts between them.
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
  /** True when this sentence names both ends; false for context from a supporting article. */
  both: boolean;
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
  /** Ids of the sentences that state it. */
  sentences: string[];
  /** `rules` when a rule states it in at least one sentence; else the learned classifier alone found it. */
  foundBy: 'rules' | 'classifier';
  /** The classifier's best probability over its sentences, when it alone found the relation. */
  confidence?: number;
}

export interface LinkEvidence {
  a: EntitySummary;
  b: EntitySummary;
  link: { weight: number; articles: number; firstSeen?: string; lastSeen?: string; manual: boolean; note?: string } | null;
  relations: LinkRelation[];
  /** `direct`: how many of `total` name both ends. */
  sentences: { total: number; direct: number; offset: number; limit: number; items: EvidenceSentence[] };
}

/**
 * Expects entities `a`, `b` and their LINKED `r` (or null) in scope; yields
 * `evidence`, the ordered list of `{ s, both }`, and `direct`, how many name both.
 */
export const EVIDENCE_LIST = `
  CALL (a, b) {
    OPTIONAL MATCH (a)<-[:NAMES]-(s:Sentence)-[:NAMES]->(b)
    OPTIONAL MATCH (art:Article {id: s.articleId})
    WITH s, art ORDER BY art.published DESC, s.articleId, s.start
    RETURN collect(s) AS direct
  }
  // The link's own articles: those that mention both ends and record the pair among their link keys.
  CALL (a, b, r) {
    OPTIONAL MATCH (a)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(b)
    WHERE r IS NOT NULL AND (CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END) IN art.linkKeys
    RETURN collect(art.id) AS support
  }
  // Then, from those articles, sentences naming one end but not the other: side 0 is a's, side 1 b's.
  CALL (a, b, support) {
    UNWIND [{ side: 0, one: a, other: b }, { side: 1, one: b, other: a }] AS pair
    WITH pair.side AS side, pair.one AS one, pair.other AS other
    OPTIONAL MATCH (one)<-[:NAMES]-(s:Sentence) WHERE s.articleId IN support AND NOT (s)-[:NAMES]->(other)
    OPTIONAL MATCH (art:Article {id: s.articleId})
    WITH side, s, art ORDER BY side, art.published DESC, s.articleId, s.start
    WITH side, collect(s) AS sentences ORDER BY side
    RETURN collect(sentences) AS sides
  }
  WITH *, sides[0] AS aSide, sides[1] AS bSide
  WITH *, [s IN direct | { s: s, both: true }] +
          reduce(acc = [], i IN range(0, CASE WHEN size(aSide) > size(bSide) THEN size(aSide) ELSE size(bSide) END - 1) |
            acc + [x IN [aSide[i], bSide[i]] WHERE x IS NOT NULL | { s: x, both: false }]) AS evidence,
       size(direct) AS directCount`;

/**
 * Sentence rows with their highlights: expects `s` (Sentence) and `art`
 * (its Article) in scope and yields `sentence`.
 */
export const SENTENCE_WITH_HIGHLIGHTS = `
  CALL (s, art) {
    OPTIONAL MATCH (s)-[:NAMES]->(x:Entity)<-[m:MENTIONS]-(art)
    // Each list read once, not once per element.
    WITH x, m, m.starts AS starts, m.ends AS ends
    UNWIND CASE WHEN m IS NULL THEN [] ELSE range(0, size(starts) - 1) END AS i
    WITH x, starts[i] AS start, ends[i] AS end
    WHERE start >= s.start AND end <= s.end
    WITH x, start, end ORDER BY start
    RETURN collect({ start: start - s.start, end: end - s.start, entityId: x.id }) AS highlights
  }
  RETURN { id: s.id, both: both, text: s.text, start: s.start, end: s.end, article: ${ARTICLE_FIELDS('art')}, highlights: highlights } AS sentence`;

/** Expects `evidence` (from EVIDENCE_LIST) in scope; yields one `sentence` per item of the slice [$offset, $end). */
export const EVIDENCE_SLICE = `
  UNWIND evidence[$offset..$end] AS item
  WITH item.s AS s, item.both AS both
  MATCH (art:Article {id: s.articleId})
  ${SENTENCE_WITH_HIGHLIGHTS}`;

/**
 * Expects entities `a` and `b` in scope; yields `relations`, the typed facts between them, each with the
 * ids of the sentences that state it. Those are recorded on the articles (`statements`, see
 * contributions.ts), and a fact's articles mention both its ends.
 */
const RELATIONS_WITH_SENTENCES = `
  CALL (a, b) {
    OPTIONAL MATCH (a)-[t]-(b) WHERE type(t) <> 'LINKED'
    WITH collect(t) AS facts
    CALL (a, b, facts) {
      OPTIONAL MATCH (a)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(b)
      WHERE size(facts) > 0 AND size(coalesce(art.statements, [])) > 0
      WITH art ORDER BY art.published, art.id
      RETURN collect(art) AS arts
    }
    UNWIND (CASE WHEN size(facts) = 0 THEN [null] ELSE facts END) AS t
    WITH t, arts, CASE WHEN t IS NULL THEN null ELSE '|' + type(t) + '|' + startNode(t).id + '|' + endNode(t).id END AS suffix
    RETURN collect(CASE WHEN t IS NULL THEN null ELSE { type: type(t), source: startNode(t).id, target: endNode(t).id,
                   articles: coalesce(t.articles, 0),
                   statements: reduce(ids = [], art IN arts | ids +
                     [st IN art.statements WHERE st ENDS WITH suffix | art.id + '#' + split(st, '|')[0]]) } END) AS relations
  }`;

/**
 * A fact as the API gives it, from its statements' heads (`article#start`, or `article#start@0.912` when the
 * learned classifier stated it with that confidence; see ingest-rows.ts).
 */
export function toLinkRelation(raw: Omit<LinkRelation, 'sentences' | 'foundBy' | 'confidence'> & { statements: string[] }): LinkRelation {
  const { statements, ...fact } = raw;
  const sentences: string[] = [];
  let byRules = statements.length === 0;
  let confidence = 0;
  for (const head of statements) {
    const [sentence, learned] = head.split('@');
    if (!sentences.includes(sentence!)) sentences.push(sentence!);
    if (learned === undefined) byRules = true;
    else confidence = Math.max(confidence, Number(learned));
  }
  return byRules ? { ...fact, sentences, foundBy: 'rules' } : { ...fact, sentences, foundBy: 'classifier', confidence };
}

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
     ${RELATIONS_WITH_SENTENCES}
     ${EVIDENCE_LIST}
     OPTIONAL CALL (evidence) {
       ${EVIDENCE_SLICE}
     }
     RETURN ${ENTITY_FIELDS('a')} AS a, ${ENTITY_FIELDS('b')} AS b, size(evidence) AS total, directCount, relations,
            CASE WHEN r IS NULL THEN null ELSE { weight: r.weight, articles: coalesce(r.articles, 0), firstSeen: r.firstSeen,
                 lastSeen: r.lastSeen, manual: coalesce(r.manual, false), note: r.note } END AS link,
            collect(sentence) AS sentences`,
    { a: aId, b: bId, offset: int(options.offset), end: int(options.offset + options.limit) },
  );
  for (const [key, id] of [['a', aId], ['b', bId]] as const) {
    if (!head || (head[key] as EntitySummary | null)?.id == null) {
      throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
    }
  }
  return {
    a: compact(head!.a as EntitySummary),
    b: compact(head!.b as EntitySummary),
    link: head!.link ? compact(head!.link as NonNullable<LinkEvidence['link']>) : null,
    relations: (head!.relations as Array<Parameters<typeof toLinkRelation>[0]>).map(toLinkRelation),
    sentences: {
      total: head!.total as number,
      direct: head!.directCount as number,
      offset: options.offset,
      limit: options.limit,
      items: (head!.sentences as unknown[]).map(toSentence),
    },
  };
}

export function toSentence(raw: unknown): EvidenceSentence {
  const s = raw as EvidenceSentence;
  return { ...s, article: compact(s.article) };
}
