// A run cut short — Neo4j going away, or the analyst pressing Ctrl-C — keeps
// what it wrote intact, and the same command run again finishes the job
// without duplicates.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver, type Graph } from '../../core/src/neo4j/connect.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../core/src/neo4j/embedded.js';
import { ensureSchema } from '../../core/src/neo4j/schema.js';
import { countGraph } from '../../core/src/queries/ingest.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { openTestGraph } from '../_setup/test-graph.js';

const LEADERS = ['Ada Marsh', 'Bruno Keller', 'Clara Ortiz', 'Dmitri Voss', 'Elena Sato', 'Farid Haddad'];
const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'Canada', 'Kenya'];

/** Twelve short articles in the project's own words. */
function writeArticles(folder: string): void {
  for (let i = 0; i < 12; i++) {
    const a = LEADERS[i % 6];
    const b = LEADERS[(i + 1) % 6];
    const text = `Talks number ${i + 1}\n\nMay ${i + 1}, 2024\n\nForeign minister ${a} met ${b} in ${COUNTRIES[i % 6]} on Monday for round ${i + 1} of the talks. ${a} said ${COUNTRIES[i % 6]} and ${COUNTRIES[(i + 2) % 6]} would keep talking.\n`;
    writeFileSync(path.join(folder, `talks-${String(i + 1).padStart(2, '0')}.txt`), text);
  }
}

async function linkWeights(graph: Graph): Promise<number> {
  const { records } = await graph.driver.executeQuery('MATCH ()-[l:LINKED]->() RETURN sum(l.weight) AS total');
  return records[0].get('total');
}

describe('an interrupted ingest', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-interrupted-'));
  beforeAll(() => writeArticles(folder));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('stops after the batch in flight on Ctrl-C, and a second run finishes without duplicates', { timeout: 400_000 }, async () => {
    const graph = await openTestGraph();
    try {
      const controller = new AbortController();
      const stopped = await ingestPaths(graph, [folder], {
        workers: 0,
        batchSize: 3,
        signal: controller.signal,
        onProgress: ({ done }) => done >= 3 && controller.abort(),
      });
      expect(stopped.stoppedBecause).toBe('interrupted');
      expect(stopped.new).toBe(3);
      expect((await countGraph(graph)).articles).toBe(3);

      const finished = await ingestPaths(graph, [folder], { workers: 0, batchSize: 3 });
      expect(finished).toMatchObject({ new: 9, unchanged: 3, failed: 0 });
      const afterTwoRuns = { counts: await countGraph(graph), weights: await linkWeights(graph) };

      // The same corpus in one clean run gives exactly the same graph.
      await graph.driver.executeQuery('MATCH (n) DETACH DELETE n');
      await ingestPaths(graph, [folder], { workers: 0 });
      expect({ counts: await countGraph(graph), weights: await linkWeights(graph) }).toEqual(afterTwoRuns);
    } finally {
      await graph.close();
    }
  });

  describe('when Neo4j goes away', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-goes-away-'));
    let db: EmbeddedNeo4j;
    beforeAll(async () => {
      db = await startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 64 });
    });
    afterAll(async () => {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('stops cleanly with a clear reason, and the same command run again completes the graph', { timeout: 400_000 }, async () => {
      const port = db.port;
      let driver = createDriver(db.uri);
      let graph: Graph = { driver, uri: db.uri, close: () => driver.close() };
      await ensureSchema(graph);

      let stopping: Promise<void> | undefined;
      const cut = await ingestPaths(graph, [folder], {
        workers: 0,
        batchSize: 2,
        onProgress: ({ done }) => {
          if (done >= 4 && !stopping) stopping = db.stop();
        },
      });
      await stopping;
      expect(cut.stoppedBecause).toMatch(/Neo4j/);
      await graph.close();

      db = await startEmbeddedNeo4j({ dataDir, port, heap: '512m', pageCacheMb: 64 });
      driver = createDriver(db.uri);
      graph = { driver, uri: db.uri, close: () => driver.close() };
      const before = await countGraph(graph);
      expect(before.articles).toBeGreaterThanOrEqual(2);
      expect(before.articles).toBeLessThan(12);

      const again = await ingestPaths(graph, [folder], { workers: 0 });
      expect(again.failed).toBe(0);
      expect(again.new + again.unchanged).toBe(12);
      expect((await countGraph(graph)).articles).toBe(12);
      await graph.close();
    });
  });
});
