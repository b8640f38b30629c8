/** The starting view: the most mentioned (or most connected) actors and the links among them. */
import type { EntityType } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { relationsAmong } from './relations-among.js';
import { int, readRows } from './run.js';
import { compact, ENTITY_FIELDS, entityNode, VISIBLE, type Elements, type EntitySummary } from './shapes.js';

export interface TopOptions {
  by: 'mentions' | 'degree';
  limit: number;
  types?: EntityType[];
}

export async function topEntities(graph: Graph, options: TopOptions): Promise<Elements> {
  const order = options.by === 'degree' ? 'degree DESC, e.mentionCount DESC' : 'e.mentionCount DESC, degree DESC';
  // `order` is one of two constant strings chosen above, never request text.
  const [row] = await readRows(
    graph,
    `MATCH (e:Entity) WHERE ${VISIBLE('e')} AND ($types IS NULL OR e.type IN $types)
     WITH e, COUNT { (e)-[:LINKED]-() } AS degree
     ORDER BY ${order}, e.id LIMIT $limit
     WITH collect({ e: e, entity: ${ENTITY_FIELDS('e')}, degree: degree }) AS top
     WITH top, [t IN top | t.e] AS ns
     CALL (ns) {
       UNWIND ns AS a
       MATCH (a)-[r:LINKED]->(b:Entity) WHERE b IN ns
       RETURN collect({ source: a.id, target: b.id, weight: r.weight, articles: coalesce(r.articles, 0),
                        manual: coalesce(r.manual, false) }) AS links
     }
     RETURN [t IN top | { entity: t.entity, degree: t.degree }] AS nodes, links`,
    { types: options.types?.length ? options.types : null, limit: int(options.limit) },
  );
  const nodes = (row?.nodes ?? []) as Array<{ entity: EntitySummary; degree: number }>;
  const links = (row?.links ?? []) as Array<{ source: string; target: string } & Record<string, unknown>>;
  const relations = await relationsAmong(graph, nodes.map((n) => n.entity.id));
  return {
    nodes: nodes.map((n) => entityNode(compact(n.entity), { degree: n.degree })),
    edges: [...links.map((l) => ({ data: { id: `${l.source}|${l.target}`, type: 'LINKED', ...l } })), ...relations],
  };
}
