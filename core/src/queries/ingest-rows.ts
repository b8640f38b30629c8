/**
 * Turns articles and their extractions into the flat rows that ingest's
 * UNWIND statements write. Pure, so what lands in Neo4j is unit-testable.
 */
import { ENTITY_TYPES, RELATION_TYPES, type Article, type EntityType, type Extraction, type RelationType, type Span } from '../model.js';

export interface LoadItem {
  article: Article;
  extraction: Extraction;
}

export interface IngestRows {
  articles: Array<Record<string, unknown>>;
  entities: Array<{
    articleId: string;
    id: string;
    type: EntityType;
    name: string;
    iso2: string | null;
    spellings: string[];
    count: number;
    starts: number[];
    ends: number[];
  }>;
  sentences: Array<{ articleId: string; id: string; start: number; end: number; text: string; entityIds: string[] }>;
  links: Array<{ articleId: string; source: string; target: string; weight: number; published: string | null }>;
  relations: Array<{
    articleId: string;
    type: RelationType;
    source: string;
    target: string;
    sentenceId: string;
    published: string | null;
  }>;
}

export function sentenceId(articleId: string, span: Span): string {
  return `${articleId}#${span.start}`;
}

export function prepareRows(items: LoadItem[], ingestedAt: string): IngestRows {
  const rows: IngestRows = { articles: [], entities: [], sentences: [], links: [], relations: [] };
  for (const { article, extraction } of items) {
    const published = article.published ?? null;
    rows.articles.push({
      id: article.id,
      title: article.title,
      text: article.text,
      source: article.source ?? null,
      url: article.url ?? null,
      published,
      topics: article.topics,
      contentHash: article.contentHash,
      ingestedAt,
    });

    for (const entity of extraction.entities) {
      // The type becomes the entity's label: only the closed list may pass.
      if (!ENTITY_TYPES.includes(entity.type)) throw new Error(`core/queries/ingest: unknown entity type ${entity.type}`);
      const spellings = [...new Set([entity.name, ...entity.aliases])];
      rows.entities.push({
        articleId: article.id,
        id: entity.id,
        type: entity.type,
        name: entity.name,
        iso2: entity.iso2 ?? null,
        spellings,
        count: entity.mentions.length,
        starts: entity.mentions.map((m) => m.start),
        ends: entity.mentions.map((m) => m.end),
      });
    }

    // Only sentences that are evidence are stored; each NAMES the actors mentioned in it.
    const evidence = new Map<number, Span>();
    for (const link of extraction.links) for (const span of link.evidence) evidence.set(span.start, span);
    for (const relation of extraction.relations) evidence.set(relation.evidence.start, relation.evidence);
    for (const span of [...evidence.values()].sort((a, b) => a.start - b.start)) {
      const entityIds = extraction.entities
        .filter((entity) => entity.mentions.some((m) => m.start >= span.start && m.end <= span.end))
        .map((entity) => entity.id);
      rows.sentences.push({
        articleId: article.id,
        id: sentenceId(article.id, span),
        start: span.start,
        end: span.end,
        text: article.text.slice(span.start, span.end),
        entityIds,
      });
    }

    // A link is stored once, from the smaller id to the larger.
    const links = new Map<string, { source: string; target: string; weight: number }>();
    for (const link of extraction.links) {
      if (link.source === link.target) continue;
      const [source, target] = link.source < link.target ? [link.source, link.target] : [link.target, link.source];
      const key = `${source}|${target}`;
      const existing = links.get(key);
      if (existing) existing.weight += link.weight;
      else links.set(key, { source, target, weight: link.weight });
    }
    for (const link of links.values()) rows.links.push({ articleId: article.id, ...link, published });

    for (const relation of extraction.relations) {
      if (relation.source === relation.target) continue;
      // The type becomes a relationship type in Cypher: only the closed list may pass.
      if (!RELATION_TYPES.includes(relation.type)) throw new Error(`core/queries/ingest: unknown relation type ${relation.type}`);
      rows.relations.push({
        articleId: article.id,
        type: relation.type,
        source: relation.source,
        target: relation.target,
        sentenceId: sentenceId(article.id, relation.evidence),
        published,
      });
    }
  }
  return rows;
}
