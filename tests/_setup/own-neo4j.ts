/**
 * A Neo4j of a test's own, for tests that stop and start it while the run's shared one must stay up: a fixed
 * data folder and port, so that after a restart it is the same database at the same address, and a graph
 * connected to it with the schema in place (the driver reconnects by itself).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver, type Graph } from '../../core/src/neo4j/connect.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../core/src/neo4j/embedded.js';
import { ensureSchema } from '../../core/src/neo4j/schema.js';

export interface OwnNeo4j {
  graph: Graph;
  /** Stops the database; the graph's requests fail as Neo4j being unavailable until `start`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Closes the graph, stops the database and removes its folder. */
  close(): Promise<void>;
}

export async function startOwnNeo4j(name: string): Promise<OwnNeo4j> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `actorgraph-${name}-`));
  const port = await findFreePort();
  const launch = () => startEmbeddedNeo4j({ dataDir, port, heap: '512m', pageCacheMb: 64 });
  let db: EmbeddedNeo4j | undefined = await launch();
  const driver = createDriver(db.uri);
  const graph: Graph = { driver, uri: db.uri, close: () => driver.close() };
  await ensureSchema(graph);
  return {
    graph,
    async stop() {
      await db?.stop();
      db = undefined;
    },
    async start() {
      db ??= await launch();
    },
    async close() {
      await driver.close();
      await db?.stop();
      db = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
