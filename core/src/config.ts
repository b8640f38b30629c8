/**
 * Where the graph lives, read from the environment. With `NEO4J_URI` unset
 * Actorgraph runs its own embedded Neo4j in `DATA_DIR`; with it set, the same
 * code talks to that server, cluster or Aura instance.
 */
import path from 'node:path';
import { ValidationError } from './errors.js';

export interface Neo4jConfig {
  /** `bolt://`, `neo4j://`, `neo4j+s://` …; undefined starts the embedded database. */
  uri?: string;
  user: string;
  password: string;
  /** Undefined uses the server's default database. */
  database?: string;
  /** Folder of the embedded database's store (`DATA_DIR/neo4j`). */
  dataDir: string;
  /** Embedded JVM heap, e.g. `2g`. */
  heap: string;
  /** Embedded page cache in MiB. */
  pageCacheMb: number;
}

export const DEFAULT_NEO4J_CONFIG = {
  user: 'neo4j',
  password: '',
  dataDir: './data',
  // Fits beside the app, ingest workers and a browser on a 2-core, 24 GiB machine.
  heap: '2g',
  pageCacheMb: 1024,
} as const;

export function resolveNeo4jConfig(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const uri = nonEmpty(env.NEO4J_URI);
  if (uri && !/^(bolt|neo4j)(\+s|\+ssc)?:\/\/./.test(uri)) {
    throw new ValidationError(`NEO4J_URI must start with bolt:// or neo4j:// (got "${uri}")`, {
      details: { field: 'NEO4J_URI' },
    });
  }
  const pageCacheMb = Number(env.NEO4J_PAGECACHE_MB ?? DEFAULT_NEO4J_CONFIG.pageCacheMb);
  if (!Number.isInteger(pageCacheMb) || pageCacheMb < 16) {
    throw new ValidationError('NEO4J_PAGECACHE_MB must be a whole number of MiB, at least 16', {
      details: { field: 'NEO4J_PAGECACHE_MB' },
    });
  }
  const heap = nonEmpty(env.NEO4J_HEAP) ?? DEFAULT_NEO4J_CONFIG.heap;
  if (!/^\d+[mg]$/i.test(heap)) {
    throw new ValidationError('NEO4J_HEAP must look like 512m or 2g', { details: { field: 'NEO4J_HEAP' } });
  }
  return {
    uri,
    user: nonEmpty(env.NEO4J_USER) ?? DEFAULT_NEO4J_CONFIG.user,
    password: env.NEO4J_PASSWORD ?? DEFAULT_NEO4J_CONFIG.password,
    database: nonEmpty(env.NEO4J_DATABASE),
    dataDir: path.resolve(nonEmpty(env.DATA_DIR) ?? DEFAULT_NEO4J_CONFIG.dataDir, 'neo4j'),
    heap,
    pageCacheMb,
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim() !== '' ? value.trim() : undefined;
}

/** Whether a host name or address is this machine's loopback (`[::1]` as URLs write it too). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.');
}

/** Whether Neo4j runs on this machine: embedded, or a server at a loopback address. */
export function neo4jOnThisMachine(config: Pick<Neo4jConfig, 'uri'>): boolean {
  if (config.uri === undefined) return true;
  try {
    return isLoopbackHost(new URL(config.uri).hostname);
  } catch {
    return false;
  }
}
