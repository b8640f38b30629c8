/**
 * Connects an integration test to the run's Neo4j (see global-neo4j.ts),
 * with the schema in place and the database emptied first.
 */
import neo4j from 'neo4j-driver';
import { inject } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createDriver } from '../../core/src/neo4j/connect.js';
import { ensureSchema } from '../../core/src/neo4j/schema.js';

export async function openTestGraph(): Promise<Graph> {
  const uri = inject('neo4jUri');
  const password = inject('neo4jPassword');
  const driver = createDriver(uri, password ? neo4j.auth.basic(inject('neo4jUser'), password) : undefined);
  const graph: Graph = { driver, uri, close: () => driver.close() };
  await ensureSchema(graph);
  await wipe(graph);
  return graph;
}

export async function wipe(graph: Graph): Promise<void> {
  await graph.driver.executeQuery('MATCH (n) DETACH DELETE n', {});
}
