/**
 * How two entities are connected: several shortest paths over LINKED, each
 * hop with the sentences that support it, optionally avoiding hubs (by id)
 * or whole entity types. The search is path-search.ts's bounded
 * bidirectional BFS over the adjacency read below, one read per level.
 */
import type { EntityType } from '../model.js';
import { NotFoundError, QueryTimeoutError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { findShortestPaths, SearchBudgetSpent, type StopReason } from '../path-search.js';
import { TOP_LINKS } from './top-links.js';
import { EVIDENCE_LIST, EVIDENCE_SLICE, toSentence, type EvidenceSentence } from './evidence.js';
import { int, readRows } from './run.js';
import { compact, ENTITY_FIELDS, entityNode, linkKey, VISIBLE, type EdgeElement, type Elements, type EntitySummary } from './shapes.js';

export const MAX_PATH_HOPS = 6;
export const MAX_PATHS = 10;

/** Longest one adjacency read may run in Neo4j; the search then stops with what it found. */
export const PATH_READ_TIMEOUT_MS = 2_000;

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
  /** The search hit one of its budgets: there may be shorter or more paths than these. */
  stoppedEarly: boolean;
  /** Which budget: `time`, `reads`, `links` (links read), or `frontier` (a level too wide to expand whole). */
  stopReason?: StopReason;
  /** No path avoided the hubs; these cross one. */
  throughHubs: boolean;
}

/**
 * Every (id, m) such that a path may step from frontier node `id` to `m`.
 *
 * A hub is an entity with more than TOP_LINKS (300) links: those keep a
 * strongest-links list (top-links.ts; 460 of the 100,000 entities of the 1M-link
 * benchmark graph). A path crosses a hub only when no other path connects
 * ("both were named with the United States" says little). When a hub is
 * expanded ($hubFrontier: an end, or any hub in the second pass) the read
 * steps along its listed strongest links only, not its thousands; the other
 * side still reaches it through any of its links. Any other node
 * ($plainFrontier) steps along all its links.
 */
const STEP = `CALL {
    UNWIND $plainFrontier AS id
    MATCH (:Entity {id: id})-[:LINKED]-(m:Entity)
    RETURN id, m
    UNION ALL
    UNWIND $hubFrontier AS id
    MATCH (n:Entity {id: id})
    UNWIND n.topLinks AS top
    MATCH (m:Entity {id: top})
    RETURN id, m
  }`;

/**
 * One BFS level: the neighbours a path may step on, and which of them are
 * hubs. The ends are always allowed; every other node must be visible, not
 * avoided, not of an excluded type. At most $maxIds rows.
 */
const NEIGHBOURS = `${STEP}
  WITH id, m WHERE m.id IN $ends OR (${VISIBLE('m')} AND NOT m.id IN $avoid AND NOT m.type IN $excludeTypes)
  WITH id, m LIMIT $maxIds
  RETURN id, collect(m.id) AS ids, collect(CASE WHEN m.topLinks IS NOT NULL THEN m.id END) AS hubs`;

/** The last level: only the neighbours on the other side's frontier, $within, which that side's reads filtered already. */
const MEETINGS = `${STEP}
  WITH id, m WHERE m.id IN $within
  WITH id, m LIMIT $maxIds
  RETURN id, collect(m.id) AS ids, [] AS hubs`;

/**
 * The ends: whether they exist, whether they are hubs, and their neighbours as NEIGHBOURS reads them,
 * in one read instead of three.
 */
const ENDS = `MATCH (e:Entity) WHERE e.id IN $ends
  OPTIONAL CALL (e) {
    WITH e WHERE e.topLinks IS NULL
    MATCH (e)-[:LINKED]-(m:Entity)
    RETURN m
    UNION
    WITH e WHERE e.topLinks IS NOT NULL
    UNWIND e.topLinks AS top
    MATCH (m:Entity {id: top})
    RETURN m
  }
  WITH e, m WHERE m IS NULL OR m.id IN $ends OR (${VISIBLE('m')} AND NOT m.id IN $avoid AND NOT m.type IN $excludeTypes)
  RETURN e.id AS id, e.topLinks IS NOT NULL AS hub, collect(m.id) AS ids, collect(CASE WHEN m.topLinks IS NOT NULL THEN m.id END) AS hubs`;

export async function findPaths(graph: Graph, options: PathOptions): Promise<PathsAnswer> {
  const filters = {
    ends: [options.from, options.to],
    avoid: options.avoid ?? [],
    excludeTypes: options.excludeTypes ?? [],
  };
  const ends = await readRows(graph, ENDS, filters);
  for (const id of [options.from, options.to]) {
    if (!ends.some((r) => r.id === id)) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
  }
  if (options.from === options.to) return { nodes: [], edges: [], paths: [], stoppedEarly: false, throughHubs: false };
  const hubs = new Set(ends.flatMap((r) => [...(r.hub ? [r.id as string] : []), ...(r.hubs as string[])]));
  // Links per node (hubs aside) the full reads of this search found, to guess what the next level costs.
  const plainEnds = ends.filter((r) => !r.hub);
  const read = { nodes: plainEnds.length, links: plainEnds.reduce((sum, r) => sum + (r.ids as string[]).length, 0) };
  const clamp = (x: number, hi: number) => Math.min(Math.max(Math.trunc(x), 1), hi);
  const search = await findShortestPaths({
    from: options.from,
    to: options.to,
    maxHops: clamp(options.max, MAX_PATH_HOPS),
    limit: clamp(options.limit, MAX_PATHS),
    known: new Map(ends.map((r) => [r.id as string, r.ids as string[]])),
    isHub: (id) => hubs.has(id),
    expansionCost: (id) => (hubs.has(id) ? TOP_LINKS : (read.links + 20) / (read.nodes + 1)),
    neighbours: async (frontier, maxIds, within) => {
      const params = {
        ...(within ? { within } : filters),
        plainFrontier: frontier.filter((id) => !hubs.has(id)),
        hubFrontier: frontier.filter((id) => hubs.has(id)),
        maxIds: int(maxIds),
      };
      const rows = await readRows(graph, within ? MEETINGS : NEIGHBOURS, params, {
        timeoutMs: PATH_READ_TIMEOUT_MS,
        message: 'paths: a neighbour read ran out of time',
      }).catch((error: unknown) => {
        throw error instanceof QueryTimeoutError ? new SearchBudgetSpent(error.message, { cause: error }) : error;
      });
      for (const r of rows) for (const id of r.hubs as string[]) hubs.add(id);
      if (!within) {
        read.nodes += params.plainFrontier.length;
        read.links += rows.reduce((sum, r) => sum + (hubs.has(r.id as string) ? 0 : (r.ids as string[]).length), 0);
      }
      return new Map(rows.map((r) => [r.id as string, r.ids as string[]]));
    },
  });

  const paths = search.paths.map((nodes) => {
    const edges = nodes.slice(1).map((id, i) => linkKey(nodes[i], id));
    return { nodes, edges, length: edges.length };
  });
  const pairs = new Map<string, { id: string; source: string; target: string }>();
  for (const path of paths) {
    path.edges.forEach((id, i) => {
      const [source, target] = [path.nodes[i], path.nodes[i + 1]].sort();
      pairs.set(id, { id, source, target });
    });
  }
  const hops = await hopEvidence(graph, [...pairs.values()], options.evidencePerHop ?? 3);
  const nodes = new Map<string, EntitySummary>();
  for (const id of paths.flatMap((p) => p.nodes)) {
    const hop = hops.find((h) => h.a.id === id || h.b.id === id);
    if (hop && !nodes.has(id)) nodes.set(id, hop.a.id === id ? hop.a : hop.b);
  }
  return {
    nodes: [...nodes.values()].map((n) => entityNode(n, { endpoint: n.id === options.from || n.id === options.to })),
    edges: hops.map((h) => h.edge),
    paths,
    stoppedEarly: search.stoppedEarly,
    ...(search.stopReason && { stopReason: search.stopReason }),
    throughHubs: search.throughHubs,
  };
}

/**
 * For each hop: its ends, the link (weight, articles, manual, note), its evidence sentences (see
 * evidence.ts), how many there are, and typed facts between the ends. In the order of `hops`.
 */
async function hopEvidence(graph: Graph, hops: Array<{ id: string; source: string; target: string }>, perHop: number) {
  if (hops.length === 0) return [];
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
     WITH pair, a, b, r, size(evidence) AS total, directCount, relations, collect(sentence) AS sentences
     RETURN pair.id AS id, ${ENTITY_FIELDS('a')} AS a, ${ENTITY_FIELDS('b')} AS b,
            { weight: r.weight, articles: coalesce(r.articles, 0), manual: coalesce(r.manual, false), note: r.note } AS link,
            total, directCount, relations, sentences`,
    { pairs: hops, offset: int(0), end: int(perHop) },
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  return hops.flatMap((hop) => {
    const r = byId.get(hop.id);
    if (!r) return [];
    const edge: EdgeElement = {
      data: {
        id: hop.id,
        source: hop.source,
        target: hop.target,
        type: 'LINKED',
        ...compact(r.link as Record<string, unknown>),
        evidence: (r.sentences as unknown[]).map(toSentence) as EvidenceSentence[],
        evidenceTotal: r.total as number,
        evidenceDirect: r.directCount as number,
        relations: r.relations as unknown[],
      },
    };
    return [{ a: compact(r.a as EntitySummary), b: compact(r.b as EntitySummary), edge }];
  });
}
