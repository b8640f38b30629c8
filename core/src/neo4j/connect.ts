/**
 * One way to reach the graph, embedded or not: `openGraph()` starts the
 * embedded Neo4j when `NEO4J_URI` is unset, connects the official driver,
 * makes sure the schema exists, and hands back a `Graph` to query through.
 */
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import type { Neo4jConfig } from '../config.js';
import { DatabaseUnavailableError } from '../errors.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j, type EmbeddedOptions } from './embedded.js';
import { ensureSchema } from './schema.js';

export interface Graph {
  driver: Driver;
  /** The database to run queries in; undefined is the server's default. */
  database?: string;
  uri: string;
  /** Present when this process started the database itself. */
  embedded?: EmbeddedNeo4j;
  /** Closes the driver, then stops the embedded database if there is one. */
  close(): Promise<void>;
}

export interface OpenGraphOptions {
  /** Bolt port for the embedded database; 0 (default) picks a free one. */
  embeddedPort?: number;
  onLog?: (line: string) => void;
  /** Whether an embedded database serves for long (`server`, default) or does one job (`batch`). */
  lifetime?: EmbeddedOptions['lifetime'];
}

export async function openGraph(config: Neo4jConfig, options: OpenGraphOptions = {}): Promise<Graph> {
  const embedded = config.uri
    ? undefined
    : await startEmbeddedNeo4j({
        dataDir: config.dataDir,
        port: options.embeddedPort ?? 0,
        heap: config.heap,
        pageCacheMb: config.pageCacheMb,
        onLog: options.onLog,
        lifetime: options.lifetime,
      });
  const uri = config.uri ?? embedded!.uri;
  // Embedded Neo4j runs without authentication and is bound to loopback only.
  const auth = embedded ? undefined : neo4j.auth.basic(config.user, config.password);
  const driver = createDriver(uri, auth);
  const graph: Graph = {
    driver,
    database: config.database,
    uri,
    embedded,
    async close() {
      await driver.close();
      await embedded?.stop();
    },
  };
  try {
    await driver.verifyConnectivity({ database: config.database });
    await ensureSchema(graph);
  } catch (error) {
    await graph.close();
    throw new DatabaseUnavailableError(`core/connect: cannot use Neo4j at ${uri}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return graph;
}

/** A driver that hands back plain JS numbers: our counts never pass 2^53. */
export function createDriver(uri: string, auth?: AuthToken): Driver {
  return neo4j.driver(uri, auth, {
    disableLosslessIntegers: true,
    // Fail fast when Neo4j is gone, so the API can answer 503 promptly.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime: 15_000,
    logging: { level: 'error', logger: () => {} },
  });
}
