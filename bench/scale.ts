/**
 * Scale benchmark (issue #18): synthetic extractions replayed into an empty
 * embedded Neo4j through ingest's own write path (writeArticles, one
 * transaction per batch), timing every window of articles from first to last,
 * so a write whose cost grows with the corpus shows as a rising column. Then
 * the store's size, peak memory, and two reads the explorer makes of the
 * biggest hub, through the API's query functions.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDriver, type Graph } from '../core/src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { ensureSchema } from '../core/src/neo4j/schema.js';
import { getLinkEvidence } from '../core/src/queries/evidence.js';
import { writeArticles } from '../core/src/queries/ingest.js';
import { getNeighbours } from '../core/src/queries/neighbours.js';
import { childPeakRssBytes, directoryBytes } from './resources.js';
import { syntheticCorpus } from './synthetic-articles.js';

export interface ScaleOptions {
  articles?: number;
  /** Articles per write transaction, as ingest's largest batches. */
  batch?: number;
  seed?: number;
  actors?: number;
  log?: (line: string) => void;
}

export interface ScaleResult {
  articles: number;
  batch: number;
  window: number;
  /** Seconds inside writeArticles for each window of `window` articles, in order. */
  windows: number[];
  /** The machine's 1-minute load average at the end of each window: these machines are shared. */
  loads: number[];
  writeSeconds: number;
  wallSeconds: number;
  heap: string;
  pageCacheMb: number;
  storeBytes: number;
  nodePeakBytes: number;
  jvmPeakBytes?: number;
  counts: { entities: number; links: number; sentences: number; mentions: number };
  hubLink: { a: string; b: string; weight: number; articles: number; sentences: number };
  /** Milliseconds: the first call (cold), then the median of the next five. */
  evidenceMs: { first: number; median: number };
  neighboursMs: { first: number; median: number; nodes: number };
}

const MB = 1024 * 1024;

export async function benchScale(options: ScaleOptions = {}): Promise<ScaleResult> {
  const articles = options.articles ?? 200_000;
  const batch = options.batch ?? 200;
  // Windows of 10,000; a small run gets ten windows so it still shows a trend.
  const window = articles >= 30_000 ? 10_000 : Math.max(batch, Math.round(articles / 10 / batch) * batch);
  const log = options.log ?? (() => {});
  // Heap as the project's default; a page cache that holds the whole store (~4 GB at 200,000 articles), as
  // Neo4j advises: with the default 1 GB, the store outgrew it at ~65,000 articles and 10,000-article windows
  // went from ~100 s to 150-200 s, a cost of the configuration, not of the graph model. Both overridable.
  const heap = process.env.NEO4J_HEAP ?? '2g';
  const pageCacheMb = Number(process.env.NEO4J_PAGECACHE_MB ?? 5120);
  const corpus = syntheticCorpus({ seed: options.seed ?? 42, actors: options.actors ?? 80_000 });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-scale-'));
  const db = await startEmbeddedNeo4j({ dataDir, heap, pageCacheMb, lifetime: 'batch' });
  const driver = createDriver(db.uri);
  const graph: Graph = { driver, uri: db.uri, close: () => driver.close() };
  try {
    await ensureSchema(graph);
    const started = performance.now();
    const windows: number[] = [];
    const loads: number[] = [];
    let inWindow = 0;
    for (let from = 0; from < articles; from += batch) {
      const items = [];
      for (let i = from; i < Math.min(from + batch, articles); i++) items.push(corpus.article(i));
      // Only the write is timed: generating the next batch is not ingest's cost.
      const t = performance.now();
      await writeArticles(graph, items);
      inWindow += (performance.now() - t) / 1000;
      const done = Math.min(from + batch, articles);
      if (done % window === 0 || done === articles) {
        windows.push(inWindow);
        loads.push(os.loadavg()[0]);
        log(`scale: ${done} articles, last window ${inWindow.toFixed(1)} s, load ${os.loadavg()[0].toFixed(1)}, ${((performance.now() - started) / 1000).toFixed(0)} s so far`);
        inWindow = 0;
      }
    }
    const wallSeconds = (performance.now() - started) / 1000;

    const [a, b] = [corpus.actor(0).id, corpus.actor(1).id];
    const evidence = await timed(() => getLinkEvidence(graph, a, b, { offset: 0, limit: 20 }));
    const neighbours = await timed(() => getNeighbours(graph, a, { depth: 1, limit: 200, offset: 0 }));
    const link = evidence.result.link;
    return {
      articles,
      batch,
      window,
      windows,
      loads,
      writeSeconds: windows.reduce((x, y) => x + y, 0),
      wallSeconds,
      heap,
      pageCacheMb,
      storeBytes: directoryBytes(dataDir),
      nodePeakBytes: process.resourceUsage().maxRSS * 1024,
      jvmPeakBytes: childPeakRssBytes('java'),
      counts: await countGraph(graph),
      hubLink: { a, b, weight: link?.weight ?? 0, articles: link?.articles ?? 0, sentences: evidence.result.sentences.total },
      evidenceMs: evidence.ms,
      neighboursMs: { ...neighbours.ms, nodes: neighbours.result.nodes.length },
    };
  } finally {
    await graph.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function timed<T>(read: () => Promise<T>): Promise<{ result: T; ms: { first: number; median: number } }> {
  let t = performance.now();
  const result = await read();
  const first = performance.now() - t;
  const again: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await read();
    again.push(performance.now() - t);
  }
  again.sort((x, y) => x - y);
  return { result, ms: { first, median: again[2] } };
}

// Counts by label and type come from Neo4j's count store: instant at any size.
async function countGraph(graph: Graph): Promise<ScaleResult['counts']> {
  const { records } = await graph.driver.executeQuery(
    `CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH ()-[l:LINKED]->() RETURN count(l) AS links }
     CALL () { MATCH (s:Sentence) RETURN count(s) AS sentences }
     CALL () { MATCH ()-[m:MENTIONS]->() RETURN count(m) AS mentions }
     RETURN entities, links, sentences, mentions`,
  );
  return records[0].toObject() as ScaleResult['counts'];
}

export function formatScaleBench(r: ScaleResult): string {
  const per = (seconds: number) => `${(r.window / seconds).toFixed(0)} articles/s`;
  const second = r.windows[1];
  const last = r.windows[r.windows.length - 1];
  const lines = [
    `scale: ${r.articles.toLocaleString('en')} synthetic articles into an empty embedded Neo4j (heap ${r.heap}, page cache ${r.pageCacheMb} MB), ${r.batch} per transaction`,
    `  ${'articles'.padStart(9)}  write time (per ${r.window.toLocaleString('en')})  machine load`,
    ...r.windows.map(
      (s, i) => `  ${((i + 1) * r.window).toLocaleString('en').padStart(9)}  ${s.toFixed(1).padStart(6)} s  ${per(s).padEnd(17)} ${r.loads[i].toFixed(1)}`,
    ),
    `  last / second window  ${second && last ? (last / second).toFixed(2) : 'n/a'}x   (target <= 1.3)`,
    `  writes ${r.writeSeconds.toFixed(0)} s of ${r.wallSeconds.toFixed(0)} s wall (the rest: generating the synthetic articles)`,
    `  store on disk         ${(r.storeBytes / MB).toFixed(0)} MB (${(r.storeBytes / r.articles / 1024).toFixed(1)} kB per article, transaction logs included)`,
    `  graph                 ${r.counts.entities.toLocaleString('en')} entities, ${r.counts.links.toLocaleString('en')} links, ${r.counts.mentions.toLocaleString('en')} mentions, ${r.counts.sentences.toLocaleString('en')} evidence sentences`,
    `  peak memory           Node ${(r.nodePeakBytes / MB).toFixed(0)} MB, Neo4j JVM ${r.jvmPeakBytes ? `${(r.jvmPeakBytes / MB).toFixed(0)} MB` : 'unknown'} (resident)`,
    `  hub link              ${r.hubLink.a} - ${r.hubLink.b}: weight ${r.hubLink.weight}, ${r.hubLink.articles.toLocaleString('en')} articles, ${r.hubLink.sentences.toLocaleString('en')} evidence sentences`,
    `  its evidence (20)     ${r.evidenceMs.first.toFixed(0)} ms first, ${r.evidenceMs.median.toFixed(0)} ms median of 5 more`,
    `  hub neighbours (d1, limit 200)  ${r.neighboursMs.first.toFixed(0)} ms first, ${r.neighboursMs.median.toFixed(0)} ms median of 5 more (${r.neighboursMs.nodes} nodes)`,
  ];
  return lines.join('\n');
}
