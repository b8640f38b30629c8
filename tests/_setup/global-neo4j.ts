/**
 * Starts one throw-away embedded Neo4j (own temp folder, free port) for the
 * whole integration run and stops it after. With TEST_NEO4J_URI set, tests run
 * against that server instead: it is wiped, so never point it at real data.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../core/src/neo4j/embedded.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

let embedded: EmbeddedNeo4j | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.TEST_NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
  } else {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-test-'));
    embedded = await startEmbeddedNeo4j({ dataDir, heap: '1g', pageCacheMb: 256 });
    project.provide('neo4jUri', embedded.uri);
  }
  project.provide('neo4jUser', process.env.TEST_NEO4J_USER ?? 'neo4j');
  project.provide('neo4jPassword', process.env.TEST_NEO4J_PASSWORD ?? '');
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
