/**
 * The graph model's types: what ingest produces, what Neo4j stores and what
 * the API answers with. Every stage and every query speaks these shapes.
 */

/** The kinds of actor Actorgraph tracks. */
export const ENTITY_TYPES = ['Person', 'Organization', 'Country'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * The closed vocabulary of typed, directed facts between actors.
 * `source` does the verb to `target`: (Kim Jong-un)-[:LEADS]->(North Korea).
 */
export const RELATION_TYPES = [
  'LEADS', // heads a country or organisation
  'MEMBER_OF', // belongs to an organisation or party
  'WORKS_FOR', // employed by, spokesperson of, minister in
  'PART_OF', // an institution within a country or organisation
  'BASED_IN', // an organisation headquartered in a country
  'ALLIED_WITH', // alliance, security ties, military cooperation
  'OPPOSES', // rejects, condemns, threatens, sanctions, fights
  'MET_WITH', // met, held talks with, visited
  'SUPPORTS', // backs, sends aid or troops to, endorses
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** A half-open range of UTF-16 code units (JavaScript string indices) into a text. */
export interface Span {
  start: number;
  end: number;
}

/** One article as read from a file, feed or record, before extraction. */
export interface Article {
  /** Stable: the URL when there is one, else `sha256:` of the normalised text. */
  id: string;
  title: string;
  /** The article's prose. Every offset elsewhere points into this string. */
  text: string;
  source?: string;
  url?: string;
  /** ISO 8601 date (`2025-07-28`) or date-time. */
  published?: string;
  topics: string[];
  /** sha256 hex of the normalised text: finds exact duplicates under other names. */
  contentHash: string;
  /**
   * Where it was read from (`path`, or `path#n` for the n-th record of a
   * JSONL, JSON or feed file); set by ingest. A changed file replaces the
   * article its name held before; the same text under a second name is a copy.
   */
  origin?: string;
}

/** A span of text that names an actor, before resolution. */
export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** ISO 3166-1 alpha-2 code, countries only. */
  iso2?: string;
  /** How a country was named: its name, an abbreviation ("DPRK"), a demonym ("North Korean") or its capital as metonym ("Pyongyang said"). */
  via?: 'name' | 'abbreviation' | 'demonym' | 'capital';
  /** The gazetteer's canonical name when known ("North Korea" for "DPRK", "Pyongyang" or "North Korean"). */
  canonical?: string;
}

/** An actor as found in one article, with every place it is named. */
export interface ExtractedEntity {
  /** Stable across articles: `country:KP`, `person:kim-jong-un`, `org:united-nations`. */
  id: string;
  type: EntityType;
  /** The fullest, canonical spelling. */
  name: string;
  /** Other spellings seen for it (not including `name`). */
  aliases: string[];
  /** ISO 3166-1 alpha-2 code, countries only. */
  iso2?: string;
  mentions: Array<Span & { text: string }>;
}

/** Two actors named together; weight is explained by the evidence spans. */
export interface CoMention {
  source: string;
  target: string;
  weight: number;
  /** The sentences that name both. */
  evidence: Span[];
}

/** A typed fact stated in the text. */
export interface Relation {
  type: RelationType;
  source: string;
  target: string;
  /** The sentence that states it. */
  evidence: Span;
  /** The learned classifier's probability (0–1) when it found the relation; rule-found relations carry none. */
  confidence?: number;
}

/** Everything extraction finds in one article: one line of `npm run extract`. */
export interface Extraction {
  id: string;
  entities: ExtractedEntity[];
  links: CoMention[];
  relations: Relation[];
}

/**
 * Analysts' choices that steer resolution; they win over the model. Keys use
 * `aliasKey`/`surfaceKey` from entity-keys, so a decision made in the browser
 * applies to every later ingest.
 */
export interface AnalystDecisions {
  /** aliasKey(type, surface) -> entity id to use (merges, renames). */
  aliases: Map<string, string>;
  /** surfaceKey(surface) of strings that are not entities. */
  rejected: Set<string>;
  /** entity id -> the type an analyst set. */
  retyped: Map<string, EntityType>;
}
