/**
 * The typed relations (LEADS, OPPOSES, …) among actors already chosen for an
 * answer, as directed edges: the explorer draws them as labelled arrows from
 * the first view on, not only after an expand.
 */
import { RELATION_TYPES } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { readRows } from './run.js';
import { compact, type EdgeElement } from './shapes.js';

// Types from the closed list, so each actor's relationships are read by type, never all of a hub's.
const TYPED = RELATION_TYPES.join('|');

export async function relationsAmong(graph: Graph, ids: string[]): Promise<EdgeElement[]> {
  if (ids.length < 2) return [];
  const rows = await readRows(
    graph,
    `MATCH (a:Entity)-[r:${TYPED}]->(b:Entity)
     WHERE a.id IN $ids AND b.id IN $ids AND a <> b
     RETURN a.id AS source, b.id AS target, type(r) AS type, coalesce(r.articles, 0) AS articles,
            r.firstSeen AS firstSeen, r.lastSeen AS lastSeen`,
    { ids },
  );
  return rows.map((row) => {
    const { source, target, type, ...rest } = row as { source: string; target: string; type: string };
    return { data: { id: relationEdgeId(type, source, target), source, target, type, ...compact(rest) } };
  });
}

/** One id per typed relation, the same in every answer and in the client. */
export function relationEdgeId(type: string, source: string, target: string): string {
  return `${type}:${source}>${target}`;
}
