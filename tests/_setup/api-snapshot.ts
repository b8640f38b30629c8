/**
 * The part of the graph a merge may touch, as comparable data, so a test can
 * prove an undo restored it exactly (versions excluded: they only grow).
 */
import type { Graph } from '../../core/src/neo4j/connect.js';

export async function snapshot(graph: Graph) {
  const { records } = await graph.driver.executeQuery(
    `CALL () {
       MATCH (e:Entity) WITH e ORDER BY e.id
       RETURN collect([e.id, labels(e), [k IN keys(e) WHERE k <> 'version' | [k, e[k]]]]) AS entities
     }
     CALL () {
       MATCH (x)-[r]->(y) WHERE NOT x:AuditEvent
       WITH coalesce(x.id, x.key) + ' -' + type(r) + '-> ' + coalesce(y.id, y.key) AS rel, properties(r) AS p
       ORDER BY rel
       RETURN collect([rel, p]) AS rels
     }
     CALL () {
       MATCH (a:Alias) WITH a ORDER BY a.key RETURN collect([a.key, a.entityId]) AS aliases
     }
     CALL () {
       MATCH (n:Annotation) WITH n ORDER BY n.id RETURN collect([n.id, n.targetId]) AS notes
     }
     RETURN entities, rels, aliases, notes`,
  );
  const row = records[0].toObject();
  // Relationship order among equal keys is arbitrary; sort by full content.
  row.rels = (row.rels as unknown[]).map((r) => JSON.stringify(r)).sort();
  row.entities = (row.entities as Array<[string, string[], Array<[string, unknown]>]>).map(([id, labels, props]) => [
    id,
    [...labels].sort(),
    props.sort((a, b) => a[0].localeCompare(b[0])).map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v]),
  ]);
  return row;
}

