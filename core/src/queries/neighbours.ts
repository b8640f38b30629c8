/**
 * An entity's neighbourhood, 1 to 3 hops, as Cytoscape elements. Each hop
 * keeps the strongest links first; nothing is cut silently: the centre's
 * direct neighbours are paged (`page`), and every node carries `more`, the
 * number of its links this answer leaves out, so the client can offer "N more".
 */
import type { EntityType } from '../model.js';
import { NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { int, readRows } from './run.js';
import { compact, ENTITY_FIELDS, entityNode, VISIBLE, type EdgeElement, type Elements, type EntitySummary } from './shapes.js';

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

// The link filters, shared by every hop: the other end visible and of a wanted type, weight and dates in range.
const LINK_FILTER = `${VISIBLE('n')}
  AND ($types IS NULL OR n.type IN $types)
  AND coalesce(r.weight, 0) >= $minWeight
  AND ($from IS NULL OR coalesce(r.lastSeen, r.firstSeen) IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $from)
  AND ($to IS NULL OR r.firstSeen IS NULL OR r.firstSeen <= $to)`;

const LINK_FIELDS = `{ weight: r.weight, articles: coalesce(r.articles, 0), firstSeen: r.firstSeen, lastSeen: r.lastSeen, manual: coalesce(r.manual, false) }`;

export async function getNeighbours(graph: Graph, id: string, options: NeighbourOptions): Promise<Neighbourhood> {
  const filters = {
    types: options.types?.length ? options.types : null,
    minWeight: options.minWeight ?? 0,
    from: options.from ?? null,
    to: options.to ?? null,
  };
  const [first] = await readRows(
    graph,
    `MATCH (c:Entity {id: $id})
     CALL (c) {
       MATCH (c)-[r:LINKED]-(n:Entity) WHERE ${LINK_FILTER}
       RETURN count(*) AS total
     }
     CALL (c) {
       MATCH (c)-[r:LINKED]-(n:Entity) WHERE ${LINK_FILTER}
       WITH n, r ORDER BY r.weight DESC, n.id SKIP $offset LIMIT $limit
       RETURN collect({ entity: ${ENTITY_FIELDS('n')}, link: ${LINK_FIELDS} }) AS page
     }
     RETURN ${ENTITY_FIELDS('c')} AS centre, total, page`,
    { id, ...filters, offset: int(options.offset), limit: int(options.limit) },
  );
  if (!first) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });

  const centre = compact(first.centre as EntitySummary);
  const nodes = new Map<string, { entity: EntitySummary; hop: number }>([[centre.id, { entity: centre, hop: 0 }]]);
  const edges = new Map<string, EdgeElement>();
  const addEdge = (a: string, b: string, link: Record<string, unknown>) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    edges.set(`${source}|${target}`, { data: { id: `${source}|${target}`, source, target, ...compact(link) } });
  };
  let frontier: string[] = [];
  for (const item of first.page as Array<{ entity: EntitySummary; link: Record<string, unknown> }>) {
    nodes.set(item.entity.id, { entity: compact(item.entity), hop: 1 });
    addEdge(centre.id, item.entity.id, item.link);
    frontier.push(item.entity.id);
  }

  // Further hops share what is left of the node budget, strongest links first.
  for (let hop = 2; hop <= options.depth && frontier.length > 0; hop++) {
    const budget = options.limit - (nodes.size - 1);
    if (budget <= 0) break;
    const rows = await readRows(
      graph,
      `UNWIND $frontier AS fid
       MATCH (f:Entity {id: fid})-[r:LINKED]-(n:Entity)
       WHERE NOT n.id IN $known AND ${LINK_FILTER}
       WITH n, fid, r ORDER BY r.weight DESC
       WITH n, collect({ from: fid, link: ${LINK_FIELDS} })[0] AS best
       ORDER BY best.link.weight DESC, n.id LIMIT $budget
       RETURN ${ENTITY_FIELDS('n')} AS entity, best`,
      { frontier, known: [...nodes.keys()], budget: int(budget), ...filters },
    );
    frontier = [];
    for (const row of rows) {
      const entity = compact(row.entity as EntitySummary);
      const best = row.best as { from: string; link: Record<string, unknown> };
      nodes.set(entity.id, { entity, hop });
      addEdge(best.from, entity.id, best.link);
      frontier.push(entity.id);
    }
  }

  // The links among the chosen nodes (triangles matter to an analyst), and each node's full link count.
  const ids = [...nodes.keys()];
  const [among] = await readRows(
    graph,
    `MATCH (a:Entity) WHERE a.id IN $ids
     WITH collect(a) AS ns
     CALL (ns) {
       UNWIND ns AS a
       MATCH (a)-[r:LINKED]->(n:Entity) WHERE n IN ns AND ${LINK_FILTER}
       RETURN collect({ a: a.id, b: n.id, link: ${LINK_FIELDS} }) AS links
     }
     RETURN links, [a IN ns | { id: a.id, degree: COUNT { (a)-[:LINKED]-() } }] AS degrees`,
    { ids, ...filters },
  );
  for (const l of (among?.links ?? []) as Array<{ a: string; b: string; link: Record<string, unknown> }>) {
    addEdge(l.a, l.b, l.link);
  }
  const shown = new Map<string, number>();
  for (const e of edges.values()) {
    shown.set(e.data.source, (shown.get(e.data.source) ?? 0) + 1);
    shown.set(e.data.target, (shown.get(e.data.target) ?? 0) + 1);
  }
  const degree = new Map(((among?.degrees ?? []) as Array<{ id: string; degree: number }>).map((d) => [d.id, d.degree]));
  const total = first.total as number;
  const pageEnd = options.offset + (first.page as unknown[]).length;
  return {
    centre: centre.id,
    page: { offset: options.offset, limit: options.limit, total, nextOffset: pageEnd < total ? pageEnd : null },
    nodes: [...nodes.values()].map(({ entity, hop }) =>
      entityNode(entity, {
        hop,
        degree: degree.get(entity.id) ?? 0,
        more: Math.max(0, (degree.get(entity.id) ?? 0) - (shown.get(entity.id) ?? 0)),
      }),
    ),
    edges: [...edges.values()].map((e) => ({ data: { ...e.data, type: 'LINKED' } })),
  };
}
