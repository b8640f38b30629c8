/**
 * An entity's neighbourhood, 1 to 3 hops, as Cytoscape elements. Each hop
 * keeps the strongest links first; nothing is cut silently: the centre's
 * direct neighbours are paged (`page`), and every node carries `degree` and
 * `more`, the number of its links this answer leaves out, so the client can
 * offer "N more".
 */
import type { EntityType } from '../model.js';
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { LINK_FIELDS, LINK_FILTER, readCentrePage, type LinkFilters } from './neighbour-page.js';
import { int, readRows } from './run.js';
import { relationsAmong } from './relations-among.js';
import { compact, ENTITY_FIELDS, entityNode, type EdgeElement, type Elements, type EntitySummary } from './shapes.js';

export interface NeighbourOptions {
  depth: 1 | 2 | 3;
  types?: EntityType[];
  minWeight?: number;
  /** ISO dates: keep links seen at some point in [from, to]. */
  from?: string;
  to?: string;
  /** At most this many nodes besides the centre. */
  limit: number;
  /** Skips this many of the centre's direct neighbours (paging a hub). */
  offset: number;
}

export interface Neighbourhood extends Elements {
  centre: string;
  /** The centre's direct neighbours that pass the filters: how many, and which slice is shown. */
  page: { offset: number; limit: number; total: number; nextOffset: number | null };
}

/** Beyond the centre, a node with more links than this is a hub: shown, but not walked through. */
const HUB_DEGREE = 200;
/** Links among the answer's nodes are found by scanning the nodes with at most this many links… */
const SCAN_DEGREE = 100;
/** …and by direct lookups between the busiest others, up to this many of them. */
const MAX_LOOKUP_NODES = 30;

interface Found {
  entity: EntitySummary;
  degree: number;
  hop: number;
}

export async function getNeighbours(graph: Graph, id: string, options: NeighbourOptions): Promise<Neighbourhood> {
  const filters: LinkFilters = {
    types: options.types?.length ? options.types : null,
    minWeight: options.minWeight ?? 0,
    from: options.from ?? null,
    to: options.to ?? null,
  };
  // The centre's page: from its strongest-links list when that answers exactly (neighbour-page.ts).
  const first = await readCentrePage(graph, id, filters, options.offset, options.limit);
  if (!first) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });

  const centre = compact(first.centre);
  const nodes = new Map<string, Found>([[centre.id, { entity: centre, degree: first.degree, hop: 0 }]]);
  const edges = new Map<string, EdgeElement>();
  const addEdge = (a: string, b: string, link: Record<string, unknown>) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    edges.set(`${source}|${target}`, { data: { id: `${source}|${target}`, source, target, type: 'LINKED', ...compact(link) } });
  };
  type Row = { entity: EntitySummary; degree: number; link: Record<string, unknown>; from?: string };
  let frontier: string[] = [];
  for (const item of first.items) {
    nodes.set(item.entity.id, { entity: compact(item.entity), degree: item.degree, hop: 1 });
    addEdge(centre.id, item.entity.id, item.link);
    frontier.push(item.entity.id);
  }

  // Further hops share what is left of the node budget, strongest links first. Hubs met on
  // the way are not walked through (their thousands of links would swamp the answer and the
  // database); they stay in the answer with `more` saying how many links they have beyond it.
  for (let hop = 2; hop <= options.depth; hop++) {
    frontier = frontier.filter((fid) => nodes.get(fid)!.degree <= HUB_DEGREE);
    if (frontier.length === 0) break;
    const budget = options.limit - (nodes.size - 1);
    if (budget <= 0) break;
    const rows = await readRows(
      graph,
      `UNWIND $frontier AS fid
       MATCH (f:Entity {id: fid})-[r:LINKED]-(n:Entity)
       WHERE NOT n.id IN $known AND ${LINK_FILTER}
       WITH n, fid, r ORDER BY r.weight DESC
       WITH n, head(collect({ from: fid, r: r })) AS best
       ORDER BY best.r.weight DESC, n.id LIMIT $budget
       RETURN ${ENTITY_FIELDS('n')} AS entity, COUNT { (n)-[:LINKED]-() } AS degree, best.from AS from, ${LINK_FIELDS('best.r')} AS link`,
      { frontier, known: [...nodes.keys()], budget: int(budget), ...filters },
    );
    frontier = [];
    for (const row of rows as Row[]) {
      nodes.set(row.entity.id, { entity: compact(row.entity), degree: row.degree, hop });
      addEdge(row.from!, row.entity.id, row.link);
      frontier.push(row.entity.id);
    }
  }

  for (const l of await linksAmong(graph, nodes, filters)) addEdge(l.a, l.b, l.link);
  const shown = new Map<string, number>();
  for (const e of edges.values()) {
    shown.set(e.data.source, (shown.get(e.data.source) ?? 0) + 1);
    shown.set(e.data.target, (shown.get(e.data.target) ?? 0) + 1);
  }
  const total = first.total;
  const pageEnd = options.offset + first.items.length;
  return {
    centre: centre.id,
    page: { offset: options.offset, limit: options.limit, total, nextOffset: pageEnd < total ? pageEnd : null },
    nodes: [...nodes.values()].map(({ entity, degree, hop }) =>
      entityNode(entity, { hop, degree, more: Math.max(0, degree - (shown.get(entity.id) ?? 0)) }),
    ),
    // Typed relations ride along as arrows; `more` above counts co-mention links only.
    edges: [...edges.values(), ...(await relationsAmong(graph, [...nodes.keys()]))],
  };
}

/**
 * The links among the chosen nodes (triangles matter to an analyst). Each
 * ordinary node's links are scanned; a link between two hubs is looked up
 * directly instead, so a hub's thousands of links are never walked here.
 */
async function linksAmong(graph: Graph, nodes: Map<string, Found>, filters: LinkFilters) {
  const ids = [...nodes.keys()];
  const small = ids.filter((id) => nodes.get(id)!.degree <= SCAN_DEGREE);
  // Links between two busy nodes beyond these stay out of the answer; each node's `more` counts them.
  const hubs = ids
    .filter((id) => nodes.get(id)!.degree > SCAN_DEGREE)
    .sort((x, y) => nodes.get(x)!.hop - nodes.get(y)!.hop)
    .slice(0, MAX_LOOKUP_NODES);
  const hubPairs = hubs.flatMap((a, i) => hubs.slice(i + 1).map((b) => [a, b]));
  const rows = await readRows(
    graph,
    `CALL () {
       UNWIND $small AS sid
       MATCH (a:Entity {id: sid})-[r:LINKED]-(n:Entity)
       WHERE n.id IN $ids AND ${LINK_FILTER}
       RETURN a.id AS a, n.id AS b, r
       UNION
       UNWIND $hubPairs AS pair
       MATCH (a:Entity {id: pair[0]}), (n:Entity {id: pair[1]})
       MATCH (a)-[r:LINKED]-(n)
       WHERE ${LINK_FILTER}
       RETURN a.id AS a, n.id AS b, r
     }
     RETURN a, b, ${LINK_FIELDS('r')} AS link`,
    { small, ids, hubPairs, ...filters },
  );
  return rows as Array<{ a: string; b: string; link: Record<string, unknown> }>;
}
