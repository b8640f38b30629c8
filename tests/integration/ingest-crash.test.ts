// Issue #16 item 3: `kill -9` of `npm run ingest` mid-run, or of the embedded Neo4j's JVM mid-write, loses
// nothing and doubles nothing: after a restart, the same command run again leaves the graph a clean run leaves,
// dump for dump. Each write transaction lands whole or not at all, and every run decides each article's fate again.
// Kill points are seeded: after the k-th article is stored, plus a few milliseconds, so that the kill lands inside
// a later batch's extraction or transaction.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, type Graph } from '../../core/src/neo4j/connect.js';
import { startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../core/src/neo4j/embedded.js';
import { ensureSchema } from '../../core/src/neo4j/schema.js';
import { seededRandom } from '../../core/src/seeded-random.js';
import { SAMPLES_DIR } from '../../ingest/src/load-samples.js';
import { writeGeneratedNews } from '../_setup/generated-news.js';
import { comparableDump, countArticles, runIngest, startIngest, waitForArticles, type Neo4jLogin } from '../_setup/ingest-process.js';
import { openTestGraph, wipe } from '../_setup/test-graph.js';

const SEED = 16;
/** The samples' 10 articles and 70 generated ones, written 5 to a transaction. */
const ARTICLES = 80;

interface KillPoint {
  /** Killed once this many articles are stored… */
  afterArticles: number;
  /** …and this many milliseconds more. */
  delayMs: number;
}

/**
 * `count` kill points from the seed, in the first half of the run: never before the first batch, and with half
 * the articles still to go, so that a fast machine cannot finish the run before the kill lands (with 19 of 50
 * left, one did).
 */
function killPoints(random: () => number, count: number): KillPoint[] {
  return Array.from({ length: count }, () => ({
    afterArticles: 1 + Math.floor(random() * (ARTICLES / 2 - 1)),
    delayMs: Math.floor(random() * 300),
  }));
}

const random = seededRandom(SEED);
const PROCESS_KILLS = killPoints(random, 3);
const JVM_KILLS = killPoints(random, 2);

describe('kill -9 mid-ingest, then the same command again', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-crash-'));
  const args = ['--json', '--workers', '1', '--batch', '5', folder];
  let graph: Graph;
  let clean: string;
  const login = (): Neo4jLogin => ({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') });

  beforeAll(async () => {
    cpSync(SAMPLES_DIR, folder, { recursive: true });
    rmSync(path.join(folder, 'README.md'));
    writeGeneratedNews(folder, ARTICLES - 10, SEED);
    graph = await openTestGraph();
    const run = await runIngest(args, login());
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ new: ARTICLES, failed: 0 });
    clean = await comparableDump(graph);
  });
  afterAll(async () => {
    await graph?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Runs the command again to its end: what a user does after a crash. */
  async function runAgain(target: Graph, neo4j: Neo4jLogin, storedBefore: number): Promise<void> {
    const again = await runIngest(args, neo4j);
    expect(again.code, again.stderr).toBe(0);
    // What the killed run committed is found unchanged; the rest is new.
    expect(JSON.parse(again.stdout)).toMatchObject({ new: ARTICLES - storedBefore, unchanged: storedBefore, failed: 0 });
    expect((await comparableDump(target)).split('\n')).toEqual(clean.split('\n'));
  }

  it.each(PROCESS_KILLS)(
    'of the ingest process after $afterArticles articles + $delayMs ms',
    { timeout: 300_000 },
    async ({ afterArticles, delayMs }) => {
      await wipe(graph);
      const ingest = startIngest(args, login());
      expect(await waitForArticles(graph, afterArticles, ingest)).toBe(true);
      await sleep(delayMs);
      ingest.child.kill('SIGKILL');
      // Killed, not finished before the kill: the kill landed mid-run.
      expect((await ingest.exited).signal).toBe('SIGKILL');
      const stored = await countArticles(graph);
      expect(stored).toBeLessThan(ARTICLES);
      await runAgain(graph, login(), stored);
    },
  );

  describe('of the embedded Neo4j JVM', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-crash-db-'));
    let db: EmbeddedNeo4j;
    let own: Graph;
    const connect = async () => {
      const driver = createDriver(db.uri);
      own = { driver, uri: db.uri, close: () => driver.close() };
      await ensureSchema(own);
    };
    beforeAll(async () => {
      db = await startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 64 });
      await connect();
    });
    afterAll(async () => {
      await own?.close();
      await db?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it.each(JVM_KILLS)(
      'after $afterArticles articles + $delayMs ms, restarted on the same store',
      { timeout: 300_000 },
      async ({ afterArticles, delayMs }) => {
        await wipe(own);
        const ingest = startIngest(args, { uri: db.uri });
        expect(await waitForArticles(own, afterArticles, ingest)).toBe(true);
        await sleep(delayMs);
        process.kill(db.pid, 'SIGKILL');
        // The ingest stops with the documented reason, after its driver's retries.
        const cut = await ingest.exited;
        expect(cut.code, cut.stderr).toBe(1);
        expect(JSON.parse(cut.stdout).stoppedBecause).toMatch(/Neo4j became unreachable; what was written is intact/);

        await own.close();
        await db.stop();
        db = await startEmbeddedNeo4j({ dataDir, port: db.port, heap: '512m', pageCacheMb: 64 });
        await connect();
        const stored = await countArticles(own);
        expect(stored).toBeLessThan(ARTICLES);
        await runAgain(own, { uri: db.uri }, stored);
      },
    );
  });
});
