/**
 * Makes the embedded Neo4j's class-data-sharing archive (core/src/neo4j/embedded.ts CLASS_ARCHIVE): starts
 * it on a scratch store with -XX:ArchiveClassesAtExit, runs what Actorgraph asks of it (the schema, an
 * ingest of the bundled samples, the explorer's first reads), and stops it, which writes every class it
 * loaded. Run by `npm install` (scripts/install-neo4j.mjs) once the jars are in place; about a minute.
 * Usage: node --import tsx scripts/create-class-archive.ts
 */
import { mkdtempSync, renameSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CLASS_ARCHIVE, startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { openGraph } from '../core/src/neo4j/connect.js';
import { searchEntities } from '../core/src/queries/search.js';
import { topEntities } from '../core/src/queries/top.js';
import { ingestPaths } from '../ingest/src/ingest-paths.js';
import { SAMPLES_DIR } from '../ingest/src/load-samples.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-class-archive-'));
const partial = path.join(scratch, 'neo4j-classes.jsa');
try {
  const db = await startEmbeddedNeo4j({
    dataDir: path.join(scratch, 'data'),
    heap: '1g',
    pageCacheMb: 128,
    createClassArchive: partial,
    // Writing the archive at exit takes a while on a slow disk.
    stopTimeoutMs: 180_000,
  });
  try {
    // The embedded database runs without authentication: any credentials do.
    const graph = await openGraph({ uri: db.uri, user: 'neo4j', password: 'unused', dataDir: scratch, heap: '1g', pageCacheMb: 128 });
    try {
      await ingestPaths(graph, [SAMPLES_DIR], { workers: 0 });
      await topEntities(graph, { by: 'mentions', limit: 60 });
      await searchEntities(graph, { q: 'Korea', limit: 10 });
    } finally {
      await graph.driver.close();
    }
  } finally {
    await db.stop();
  }
  if (!existsSync(partial)) throw new Error('the JVM wrote no archive');
  // Moved into place whole: a JVM starting meanwhile never maps half a file.
  renameSync(partial, CLASS_ARCHIVE);
  console.log(`actorgraph: class archive for the embedded Neo4j written (${path.relative(process.cwd(), CLASS_ARCHIVE)}).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
