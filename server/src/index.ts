/**
 * `npm start`: open the graph (embedded Neo4j unless NEO4J_URI says
 * otherwise), serve the API and the explorer, and shut down cleanly.
 */
import type { Server } from 'node:http';
import { resolveNeo4jConfig } from '../../core/src/config.js';
import { AppError } from '../../core/src/errors.js';
import { openGraph, type Graph } from '../../core/src/neo4j/connect.js';
import { loadSamplesIntoEmptyGraph } from '../../ingest/src/load-samples.js';
import { createApp } from './app.js';
import { resolveServerConfig } from './config.js';

async function main(): Promise<void> {
  const serverConfig = resolveServerConfig();
  const neo4jConfig = resolveNeo4jConfig();
  console.log(neo4jConfig.uri ? `Connecting to Neo4j at ${neo4jConfig.uri} …` : `Starting embedded Neo4j in ${neo4jConfig.dataDir} …`);
  const graph = await openGraph(neo4jConfig);
  console.log(`Neo4j ready at ${graph.uri}`);
  // Start-up only: the request path never runs the NLP.
  if (process.env.ACTORGRAPH_LOAD_SAMPLES !== '0') {
    const samples = await loadSamplesIntoEmptyGraph(graph);
    if (samples) console.log(`Loaded the sample articles into the empty graph: ${samples.new} articles, ${samples.entitiesAdded} actors.`);
  }

  const app = createApp({ graph, host: serverConfig.host });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(serverConfig.port, serverConfig.host, () => resolve(listening));
    listening.once('error', reject);
  });
  console.log(`Actorgraph explorer: http://${serverConfig.host === '127.0.0.1' ? 'localhost' : serverConfig.host}:${serverConfig.port}`);
  stopOnSignals(server, graph);
}

function stopOnSignals(server: Server, graph: Graph): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping …`);
    server.close();
    server.closeAllConnections();
    void graph.close().then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `Error: ${error.message}` : error);
  process.exit(1);
});
