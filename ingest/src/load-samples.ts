/**
 * A new user's first graph: the project's samples/ ingested into an empty
 * database at start-up, so `npm install && npm start` opens on something to
 * explore. A graph that already holds articles is left alone.
 */
import { fileURLToPath } from 'node:url';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { hasArticles } from '../../core/src/queries/ingest.js';
import { ingestPaths, type IngestSummary } from './ingest-paths.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/', import.meta.url));

/** @returns the run's summary, or undefined when the graph was not empty. */
export async function loadSamplesIntoEmptyGraph(graph: Graph, samplesDir = SAMPLES_DIR): Promise<IngestSummary | undefined> {
  if (await hasArticles(graph)) return undefined;
  // Ten short articles: extracting on this thread beats starting workers.
  return ingestPaths(graph, [samplesDir], { workers: 0 });
}
