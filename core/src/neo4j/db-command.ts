/**
 * `npm run db`: starts the embedded Neo4j alone, prints its Bolt URI, and
 * keeps it running until Ctrl-C. Useful for Neo4j Browser, cypher-shell or
 * scripts against the same data folder the app uses (not at the same time).
 */
import { resolveNeo4jConfig } from '../config.js';
import { AppError } from '../errors.js';
import { startEmbeddedNeo4j } from './embedded.js';

async function main(): Promise<void> {
  const config = resolveNeo4jConfig();
  if (config.uri) {
    console.log(`NEO4J_URI is set (${config.uri}): nothing embedded to start.`);
    return;
  }
  const port = Number(process.env.NEO4J_BOLT_PORT ?? 7687);
  console.error(`Starting embedded Neo4j in ${config.dataDir} …`);
  const db = await startEmbeddedNeo4j({
    dataDir: config.dataDir,
    port,
    heap: config.heap,
    pageCacheMb: config.pageCacheMb,
  });
  console.log(db.uri);
  console.error('Ready: no authentication, loopback only. Ctrl-C stops it.');
  const stop = () => {
    console.error('Stopping Neo4j …');
    void db.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof AppError ? `Error: ${error.message}` : error);
  process.exit(1);
});
