/**
 * The plain shapes queries hand back (no driver types past this folder),
 * and the Cypher fragments that build them, so every resource describes
 * an entity, an article or a link the same way.
 */
import type { EntityType } from '../model.js';

export interface EntitySummary {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  mentionCount: number;
  articleCount: number;
  hidden: boolean;
  iso2?: string;
  mergedInto?: string;
  version: number;
}

export interface ArticleSummary {
  id: string;
  title: string;
  source?: string;
  url?: string;
  published?: string;
}

/** Cytoscape's elements shape: what the client adds to the graph as is. */
export interface NodeElement {
  data: { id: string; type: string; label: string; [key: string]: unknown };
}
export interface EdgeElement {
  data: { id: string; source: string; target: string; [key: string]: unknown };
}
export interface Elements {
  nodes: NodeElement[];
  edges: EdgeElement[];
}

/**
 * Cypher map of an entity expression into EntitySummary. A map literal
 * rather than a projection, so it works on any expression (`p.node`), not
 * only on a variable.
 */
export const ENTITY_FIELDS = (v: string): string =>
  `{ id: ${v}.id, type: ${v}.type, name: ${v}.name, iso2: ${v}.iso2, mergedInto: ${v}.mergedInto, aliases: coalesce(${v}.aliases, []), mentionCount: coalesce(${v}.mentionCount, 0), articleCount: coalesce(${v}.articleCount, 0), hidden: coalesce(${v}.hidden, false), version: coalesce(${v}.version, 0) }`;

/** Cypher map projection of an article `a` into ArticleSummary. */
export const ARTICLE_FIELDS = (v: string): string => `${v} { .id, .title, .source, .url, .published }`;

/** An entity analysts and ingest still show: not merged away, not hidden. */
export const VISIBLE = (v: string): string => `(${v}.mergedInto IS NULL AND coalesce(${v}.hidden, false) = false)`;

/** Drops the nulls Cypher map projections leave for absent properties. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export function entityNode(e: EntitySummary, extra: Record<string, unknown> = {}): NodeElement {
  return { data: { ...compact(e), label: e.name, ...extra } };
}

/** Links are undirected and stored from the smaller id to the larger; their key says so. */
export function linkKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
