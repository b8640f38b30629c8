/**
 * Files that an ingest read whole and stored without a single failure, known
 * by the sha256 of their bytes. The next ingest skips such a file before
 * parsing it: re-reading a folder of unchanged files costs one hash per file.
 */
import type { Graph } from '../neo4j/connect.js';
import { retryRaces } from './retry-races.js';

export interface StoredFile {
  path: string;
  /** sha256 of the file's bytes when it was read */
  fingerprint: string;
  /** articles the file held, reported as unchanged when it is skipped */
  articles: number;
}

export async function findStoredFiles(graph: Graph, paths: string[]): Promise<Map<string, StoredFile>> {
  if (paths.length === 0) return new Map();
  const { records } = await graph.driver.executeQuery(
    `UNWIND $paths AS path
     MATCH (f:SourceFile {path: path})
     RETURN f.path AS path, f.fingerprint AS fingerprint, f.articles AS articles`,
    { paths },
    { database: graph.database, routing: 'READ' },
  );
  return new Map(records.map((r) => [r.get('path') as string, r.toObject() as StoredFile]));
}

export async function recordStoredFiles(graph: Graph, files: StoredFile[]): Promise<void> {
  if (files.length === 0) return;
  // Two ingests of one folder record the same paths: the loser of a create race merges on a second try.
  await retryRaces(() => graph.driver.executeQuery(
    `UNWIND $files AS file
     MERGE (f:SourceFile {path: file.path})
     SET f.fingerprint = file.fingerprint, f.articles = file.articles, f.storedAt = $now`,
    { files, now: new Date().toISOString() },
    { database: graph.database },
  ));
}

/** Forgets files, so the next ingest reads them again (used when one failed part-way). */
export async function forgetStoredFiles(graph: Graph, paths: string[]): Promise<void> {
  if (paths.length === 0) return;
  await graph.driver.executeQuery('UNWIND $paths AS path MATCH (f:SourceFile {path: path}) DELETE f', { paths }, { database: graph.database });
}
