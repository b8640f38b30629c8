/**
 * Turns articles and their extractions into the flat rows that ingest's
 * UNWIND statements write. Pure, so what lands in Neo4j is unit-testable.
 * Each article row also carries the article's own record of what it adds to
 * links and typed relations (see docs/graph-model.md): bounded by the
 * article's size, it is what an exact subtraction reads later.
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
  /** One row per distinct (article, type, source, target): a relation counts each article once. */
  relations: Array<{
    articleId: string;
    type: RelationType;
    source: string;
    target: string;
    published: string | null;
  }>;
}

/** `source|target` of a link, ends sorted: the same key the LINKED relationship is stored under. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/** `TYPE|source|target` of a typed relation (directed). */
export function relationKey(type: string, source: string, target: string): string {
  return `${type}|${source}|${target}`;
}

/**
 * `start|TYPE|source|target`: the sentence of this article starting at `start` states that relation; the
 * learned classifier's finds carry its confidence, `start@0.912|TYPE|source|target` (evidence.ts reads both).
 */
export function statement(start: number, key: string, confidence?: number): string {
  return `${start}${confidence === undefined ? '' : `@${confidence.toFixed(3)}`}|${key}`;
}

// Rows sorted by the ids they lock, so concurrent batches take their locks in one order (fewer deadlocks).
const byId = <T>(key: (row: T) => string) => (x: T, y: T) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0);

export function sentenceId(articleId: string, span: Span): string {
  return `${articleId}#${span.start}`;
}

export function prepareRows(items: LoadItem[], ingestedAt: string): IngestRows {
  const rows: IngestRows = { articles: [], entities: [], sentences: [], links: [], relations: [] };
  for (const { article, extraction } of [...items].sort(byId((item) => item.article.id))) {
    const published = article.published ?? null;
    const row = {
      id: article.id,
      title: article.title,
      text: article.text,
      source: article.source ?? null,
      url: article.url ?? null,
      published,
      topics: article.topics,
      contentHash: article.contentHash,
      ingestedAt,
      linkKeys: [] as string[],
      linkWeights: [] as number[],
      relationKeys: [] as string[],
      statements: [] as string[],
    };
    rows.articles.push(row);
    // Links and relations only between actors the article mentions: a merge finds every record naming
    // the merged actor through the articles that mention it.
    const mentioned = new Set(extraction.entities.map((entity) => entity.id));

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
      if (link.source === link.target || !mentioned.has(link.source) || !mentioned.has(link.target)) continue;
      const [source, target] = link.source < link.target ? [link.source, link.target] : [link.target, link.source];
      const key = `${source}|${target}`;
      const existing = links.get(key);
      if (existing) existing.weight += link.weight;
      else links.set(key, { source, target, weight: link.weight });
    }
    for (const link of links.values()) {
      rows.links.push({ articleId: article.id, ...link, published });
      row.linkKeys.push(linkKey(link.source, link.target));
      row.linkWeights.push(link.weight);
    }

    for (const relation of extraction.relations) {
      if (relation.source === relation.target || !mentioned.has(relation.source) || !mentioned.has(relation.target)) continue;
      // The type becomes a relationship type in Cypher: only the closed list may pass.
      if (!RELATION_TYPES.includes(relation.type)) throw new Error(`core/queries/ingest: unknown relation type ${relation.type}`);
      const key = relationKey(relation.type, relation.source, relation.target);
      const said = statement(relation.evidence.start, key, relation.confidence);
      if (!row.statements.includes(said)) row.statements.push(said);
      if (row.relationKeys.includes(key)) continue;
      row.relationKeys.push(key);
      rows.relations.push({ articleId: article.id, type: relation.type, source: relation.source, target: relation.target, published });
    }
  }
  rows.entities.sort(byId((r) => `${r.id}|${r.articleId}`));
  rows.links.sort(byId((r) => `${r.source}|${r.target}|${r.articleId}`));
  rows.relations.sort(byId((r) => `${r.source}|${r.target}|${r.type}|${r.articleId}`));
  return rows;
}

/** One link's whole contribution from a batch's articles: summed, so a pair many articles name is written once. */
export interface PairRow {
  source: string;
  target: string;
  weight: number;
  articles: number;
  /** Earliest and latest publication date among the articles that have one, or null. */
  firstSeen: string | null;
  lastSeen: string | null;
}

/**
 * The batch's link rows (sorted by pair, as prepareRows leaves them) summed per pair. Weights are multiples of
 * a quarter, so summing first changes no stored figure; a hub pair named by 50 articles of a batch costs one
 * MERGE, not 50 (the BBC corpus: 48,891 rows, 40,064 pairs per batch).
 */
export function sumLinksByPair(links: IngestRows['links']): PairRow[] {
  const out: PairRow[] = [];
  for (const link of links) {
    const last = out[out.length - 1];
    if (last && last.source === link.source && last.target === link.target) {
      last.weight += link.weight;
      last.articles++;
      if (link.published !== null) {
        if (last.firstSeen === null || link.published < last.firstSeen) last.firstSeen = link.published;
        if (last.lastSeen === null || link.published > last.lastSeen) last.lastSeen = link.published;
      }
    } else {
      out.push({ source: link.source, target: link.target, weight: link.weight, articles: 1, firstSeen: link.published, lastSeen: link.published });
    }
  }
  return out;
}

/**
 * One entity's whole contribution from a batch's articles, for the upsert: an entity row without its article and
 * mention offsets (mentions stay per article), its spellings the union of the articles' (stored sorted), its
 * count their sum, and how many articles name it.
 */
export type EntityRow = Omit<IngestRows['entities'][number], 'articleId' | 'starts' | 'ends'> & { articles: number };

/**
 * The batch's entity rows (sorted by id, then article) summed per entity: the BBC corpus's batches hold 25,150
 * entity rows for 14,202 entities. The first article's name and type are the ones a new node is created with,
 * as when the rows were written one by one.
 */
export function sumEntitiesById(entities: IngestRows['entities']): EntityRow[] {
  const out: EntityRow[] = [];
  for (const e of entities) {
    const last = out[out.length - 1];
    if (last && last.id === e.id) {
      for (const spelling of e.spellings) if (!last.spellings.includes(spelling)) last.spellings.push(spelling);
      last.count += e.count;
      last.articles++;
    } else {
      const { articleId: _article, starts: _starts, ends: _ends, ...entity } = e;
      out.push({ ...entity, spellings: [...e.spellings], articles: 1 });
    }
  }
  return out;
}
