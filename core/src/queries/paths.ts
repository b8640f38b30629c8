/**
 * How two entities are connected: several shortest paths over LINKED, each
 * hop with the sentences that support it, optionally avoiding hubs (by id)
 * or whole entity types.
 */
import type { EntityType } from '../model.js';
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { EVIDENCE_LIST, EVIDENCE_SLICE, toSentence, type EvidenceSentence } from './evidence.js';
import { int, readRows } from './run.js';
import { compact, ENTITY_FIELDS, entityNode, VISIBLE, type EdgeElement, type Elements, type EntitySummary } from './shapes.js';

export const MAX_PATH_HOPS = 6;
export const MAX_PATHS = 10;

export interface PathOptions {
  from: string;
  to: string;
  /** Longest path wanted, in hops (1..MAX_PATH_HOPS). */
  max: number;
  /** How many paths, shortest first. */
  limit: number;
  /** Entity ids no path may pass through (the ends are always allowed). */
  avoid?: string[];
  excludeTypes?: EntityType[];
  /** Evidence sentences per hop. */
  evidencePerHop?: number;
}

export interface PathsAnswer extends Elements {
  paths: Array<{ nodes: string[]; edges: string[]; length: number }>;
}

/** Longest a path search may run before the analyst is asked to narrow it. */
export const PATH_TIMEOUT_MS = 10_000;

/**
 * Cypher wants the number of paths and the quantifier's bounds as literals,
 * not parameters, so one statement per allowed (length, count) is built
 * here from our own constant ranges; no request value ever reaches the text.
 */
const PATH_QUERIES = new Map<string, string>();
for (let max = 1; max <= MAX_PATH_HOPS; max++) {
  for (let k = 1; k <= MAX_PATHS; k++) {
    PATH_QUERIES.set(
      `${max}:${k}`,
      `MATCH p = SHORTEST ${k} (a:Entity {id: $from})
         (()-[:LINKED]-(n:Entity) WHERE n.id = $to OR (${VISIBLE('n')} AND NOT n.id IN $avoid AND NOT n.type IN $excludeTypes)){1,${max}}
         (b:Entity {id: $to})
       RETURN [x IN nodes(p) | ${ENTITY_FIELDS('x')}] AS nodes,
              [r IN relationships(p) | { a: startNode(r).id, b: endNode(r).id, weight: r.weight, articles: coalesce(r.articles, 0),
                                         manual: coalesce(r.manual, false), note: r.note }] AS links`,
    );
  }
}

export async function findPaths(graph: Graph, options: PathOptions): Promise<PathsAnswer> {
  const ends = await readRows(graph, 'MATCH (e:Entity) WHERE e.id IN [$from, $to] RETURN e.id AS id', {
    from: options.from,
    to: options.to,
  });
  for (const id of [options.from, options.to]) {
    if (!ends.some((r) => r.id === id)) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
  }
  if (options.from === options.to) return { nodes: [], edges: [], paths: [] };
  const clamp = (x: number, hi: number) => Math.min(Math.max(Math.trunc(x), 1), hi);
  const rows = await readRows(
    graph,
    PATH_QUERIES.get(`${clamp(options.max, MAX_PATH_HOPS)}:${clamp(options.limit, MAX_PATHS)}`)!,
    { from: options.from, to: options.to, avoid: options.avoid ?? [], excludeTypes: options.excludeTypes ?? [] },
    {
      timeoutMs: PATH_TIMEOUT_MS,
      message: 'The path search took too long; try fewer hops (max), or avoid the busiest hubs (avoid=…)',
    },
  );

  const nodes = new Map<string, EntitySummary>();
  const edges = new Map<string, EdgeElement>();
  const paths: PathsAnswer['paths'] = [];
  for (const row of rows) {
    const pathNodes = (row.nodes as EntitySummary[]).map(compact);
    const pathEdges: string[] = [];
    for (const n of pathNodes) nodes.set(n.id, n);
    for (const l of row.links as Array<Record<string, unknown> & { a: string; b: string }>) {
      const [source, target] = l.a < l.b ? [l.a, l.b] : [l.b, l.a];
      const id = `${source}|${target}`;
      const { a: _a, b: _b, ...link } = l;
      edges.set(id, { data: { id, source, target, type: 'LINKED', ...compact(link) } });
      pathEdges.push(id);
    }
    paths.push({ nodes: pathNodes.map((n) => n.id), edges: pathEdges, length: pathEdges.length });
  }

  const evidence = await hopEvidence(graph, [...edges.values()], options.evidencePerHop ?? 3);
  return {
    nodes: [...nodes.values()].map((n) => entityNode(n, { endpoint: n.id === options.from || n.id === options.to })),
    edges: [...edges.values()].map((e) => ({ data: { ...e.data, ...evidence.get(e.data.id) } })),
    paths,
  };
}

/** For each hop: its evidence sentences (see evidence.ts), how many there are, and typed facts between the ends. */
async function hopEvidence(graph: Graph, edges: EdgeElement[], perHop: number) {
  const result = new Map<string, { evidence: EvidenceSentence[]; evidenceTotal: number; evidenceDirect: number; relations: unknown[] }>();
  if (edges.length === 0) return result;
  const rows = await readRows(
    graph,
    `UNWIND $pairs AS pair
     MATCH (a:Entity {id: pair.source}), (b:Entity {id: pair.target})
     OPTIONAL MATCH (a)-[r:LINKED]-(b)
     CALL (a, b) {
       OPTIONAL MATCH (a)-[t]-(b) WHERE type(t) <> 'LINKED'
       RETURN collect(CASE WHEN t IS NULL THEN null ELSE { type: type(t), source: startNode(t).id, target: endNode(t).id } END) AS relations
     }
     ${EVIDENCE_LIST}
     OPTIONAL CALL (evidence) {
       ${EVIDENCE_SLICE}
     }
     WITH pair, size(evidence) AS total, directCount, relations, collect(sentence) AS sentences
     RETURN pair.id AS id, total, directCount, relations, sentences`,
    { pairs: edges.map((e) => ({ id: e.data.id, source: e.data.source, target: e.data.target })), offset: int(0), end: int(perHop) },
  );
  for (const r of rows) {
    result.set(r.id as string, {
      evidence: (r.sentences as unknown[]).map(toSentence),
      evidenceTotal: r.total as number,
      evidenceDirect: r.directCount as number,
      relations: r.relations as unknown[],
    });
  }
  return result;
}
