/**
 * Scores one article's extraction against a hand-made answer key
 * (`*.gold.json`): entities per type, forbidden strings, fragmented actors,
 * links, relations with direction, and the article's metadata.
 */
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES, type Article, type EntityType, type ExtractedEntity, type Extraction } from '../../../core/src/model.js';
import { surfaceKey } from '../../../core/src/entity-keys.js';
import { scoreCounts, type Score } from './score.js';

const GoldEntity = z.object({
  type: z.enum(ENTITY_TYPES),
  name: z.string(),
  iso2: z.string().optional(),
  optional: z.boolean().optional(),
  surface: z.array(z.string()).min(1),
});

export const GoldFile = z.object({
  article: z.string(),
  metadata: z
    .object({
      title: z.string().optional(),
      published: z.string().optional(),
      source: z.string().optional(),
      topics: z.array(z.string()).optional(),
    })
    .default({}),
  entities: z.array(GoldEntity),
  not_entities: z.array(z.string()).default([]),
  links: z.array(z.tuple([z.string(), z.string()])).default([]),
  relations: z.array(z.object({ source: z.string(), type: z.enum(RELATION_TYPES), target: z.string() })).default([]),
});
export type GoldFile = z.infer<typeof GoldFile>;
export type GoldEntity = z.infer<typeof GoldEntity>;

export type { Score };

export interface GoldReport {
  scores: Record<EntityType, Score>;
  /** Required entities not found as exactly one node holding all their spellings, with why. */
  missing: Array<{ name: string; type: EntityType; why: string }>;
  /** `not_entities` strings that are an entity's name, alias or mention text. */
  forbidden: Array<{ text: string; entity: string }>;
  /** Gold actors whose spellings are spread over several nodes. */
  fragmented: Array<{ name: string; nodes: string[] }>;
  /** Extracted entities that match no gold entity (they cost precision). */
  unexpected: string[];
  links: { found: number; total: number; missing: Array<[string, string]> };
  relations: {
    found: number;
    total: number;
    reversed: Array<{ source: string; type: string; target: string }>;
    missing: Array<{ source: string; type: string; target: string }>;
  };
  metadata: Array<{ field: 'title' | 'published' | 'source' | 'topics'; ok: boolean; expected: unknown; got: unknown }>;
}

const score = (tp: number, fp: number, fn: number): Score => scoreCounts(tp, fp, fn, true);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where a spelling occurs in the text as whole words. */
function occurrences(text: string, surface: string): Array<[number, number]> {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${escape(surface)}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(re)].map((m) => [m.index!, m.index! + m[0].length]);
}

/**
 * Whether an entity holds a gold spelling: as its name or an alias (same
 * surfaceKey, so "Kim Jong Un" and "Kim Jong-un" are one spelling), or, for
 * spellings with a title the mention stage rightly leaves out ("President
 * Lee"), when every place the text says it overlaps one of the entity's mentions.
 */
function makeCover(text: string) {
  const keysOf = new Map<ExtractedEntity, Set<string>>();
  const keys = (e: ExtractedEntity) => {
    let k = keysOf.get(e);
    if (!k) keysOf.set(e, (k = new Set([e.name, ...e.aliases].map(surfaceKey))));
    return k;
  };
  const byKey = (e: ExtractedEntity, surface: string) => keys(e).has(surfaceKey(surface));
  const covers = (e: ExtractedEntity, surface: string) => {
    if (byKey(e, surface)) return true;
    const found = occurrences(text, surface);
    return found.length > 0 && found.every(([s, t]) => e.mentions.some((m) => m.start < t && s < m.end));
  };
  return { byKey, covers };
}

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();

export function scoreGold(gold: GoldFile, article: Article, extraction: Extraction): GoldReport {
  const { byKey, covers } = makeCover(article.text);
  const entities = extraction.entities;
  const missing: GoldReport['missing'] = [];
  const fragmented: GoldReport['fragmented'] = [];
  const matched = new Map<string, ExtractedEntity | undefined>(); // gold name -> node
  const correct = new Set<ExtractedEntity>();
  const touched = new Set<ExtractedEntity>(); // nodes that match some gold entity, required or optional
  const optionalOnly = new Set<ExtractedEntity>();

  for (const g of gold.entities) {
    const sameType = entities.filter((e) => e.type === g.type);
    const full = sameType.filter((e) => g.surface.every((s) => covers(e, s)));
    const partial = entities.filter((e) => g.surface.some((s) => covers(e, s)));
    const keyed = entities.filter((e) => g.surface.some((s) => byKey(e, s)));
    for (const e of partial) (g.optional ? optionalOnly : touched).add(e);
    if (keyed.length > 1) fragmented.push({ name: g.name, nodes: keyed.map((e) => e.id) });
    const node = full.length === 1 ? full[0] : undefined;
    // A node for links and relations even when the entity is not cleanly found.
    const count = (e: ExtractedEntity) => g.surface.filter((x) => covers(e, x)).length;
    const best = node ?? [...partial].sort((a, b) => count(b) - count(a))[0];
    matched.set(g.name, best);
    if (g.optional) continue;
    if (node) {
      correct.add(node);
      continue;
    }
    const held = (e: ExtractedEntity) => g.surface.filter((x) => covers(e, x));
    const closest = [...sameType].sort((a, b) => held(b).length - held(a).length)[0];
    const why =
      full.length > 1
        ? `${full.length} nodes hold all its spellings: ${full.map((e) => e.id).join(', ')}`
        : !closest || held(closest).length === 0
          ? `no ${g.type} node holds any of its spellings`
          : `closest node ${closest.id} lacks ${g.surface.filter((x) => !covers(closest, x)).join(', ')}`;
    missing.push({ name: g.name, type: g.type, why });
  }

  const scores = {} as Record<EntityType, Score>;
  for (const type of ENTITY_TYPES) {
    const required = gold.entities.filter((g) => g.type === type && !g.optional).length;
    const tp = [...correct].filter((e) => e.type === type).length;
    // Nodes matching only optional gold entities are neither rewarded nor punished.
    const predicted = entities.filter((e) => e.type === type && !(optionalOnly.has(e) && !touched.has(e)));
    scores[type] = score(tp, predicted.length - tp, required - tp);
  }
  const unexpected = entities.filter((e) => !touched.has(e) && !optionalOnly.has(e)).map((e) => `${e.id} (${e.name})`);

  const forbidden: GoldReport['forbidden'] = [];
  for (const text of gold.not_entities) {
    const n = norm(text);
    for (const e of entities) {
      if ([e.name, ...e.aliases, ...e.mentions.map((m) => m.text)].some((s) => norm(s) === n)) forbidden.push({ text, entity: e.id });
    }
  }

  const connected = new Set<string>();
  for (const l of extraction.links) connected.add(`${l.source}|${l.target}`).add(`${l.target}|${l.source}`);
  for (const r of extraction.relations) connected.add(`${r.source}|${r.target}`).add(`${r.target}|${r.source}`);
  const idOf = (name: string) => matched.get(name)?.id;
  const missingLinks = gold.links.filter(([a, b]) => {
    const [x, y] = [idOf(a), idOf(b)];
    return !x || !y || !connected.has(`${x}|${y}`);
  });

  const facts = new Set(extraction.relations.map((r) => `${r.source}|${r.type}|${r.target}`));
  const reversed: GoldReport['relations']['reversed'] = [];
  const missingRelations: GoldReport['relations']['missing'] = [];
  let relationsFound = 0;
  for (const r of gold.relations) {
    const [s, t] = [idOf(r.source), idOf(r.target)];
    const plain = { source: r.source, type: r.type, target: r.target };
    if (s && t && facts.has(`${s}|${r.type}|${t}`)) relationsFound++;
    else if (s && t && facts.has(`${t}|${r.type}|${s}`)) reversed.push(plain);
    else missingRelations.push(plain);
  }

  const metadata: GoldReport['metadata'] = [];
  const m = gold.metadata;
  if (m.title !== undefined) metadata.push({ field: 'title', ok: norm(article.title) === norm(m.title), expected: m.title, got: article.title });
  if (m.published !== undefined) {
    metadata.push({ field: 'published', ok: (article.published ?? '').slice(0, 10) === m.published.slice(0, 10), expected: m.published, got: article.published });
  }
  if (m.source !== undefined) metadata.push({ field: 'source', ok: norm(article.source ?? '') === norm(m.source), expected: m.source, got: article.source });
  if (m.topics !== undefined) {
    const ok = m.topics.length === article.topics.length && m.topics.every((t, i) => norm(t) === norm(article.topics[i] ?? ''));
    metadata.push({ field: 'topics', ok, expected: m.topics, got: article.topics });
  }

  return {
    scores,
    missing,
    forbidden,
    fragmented,
    unexpected,
    links: { found: gold.links.length - missingLinks.length, total: gold.links.length, missing: missingLinks },
    relations: { found: relationsFound, total: gold.relations.length, reversed, missing: missingRelations },
    metadata,
  };
}
