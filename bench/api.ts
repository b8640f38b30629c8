/**
 * API benchmark: a generated graph (100,000 entities, 1,000,000 links by
 * default) in a throw-away embedded Neo4j; then search, neighbourhood
 * (depth 1 and 2, limit 200) and paths at concurrency 16, once through
 * HTTP (the real Express app on loopback) and once as the same query
 * functions straight on the driver, in the same run; p50/p95 and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDriver, type Graph } from '../core/src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { ensureSchema } from '../core/src/neo4j/schema.js';
import { getNeighbours } from '../core/src/queries/neighbours.js';
import { findPaths } from '../core/src/queries/paths.js';
import { searchEntities } from '../core/src/queries/search.js';
import { createApp } from '../server/src/app.js';
import { seededRandom } from '../core/src/seeded-random.js';
import { generateGraph, zipfSampler } from './generate-graph.js';
import { percentile } from './stats.js';

export interface ApiBenchOptions {
  entities?: number;
  links?: number;
  concurrency?: number;
  /** Measured requests per workload and side (after warm-up). */
  requests?: number;
  warmup?: number;
  /** Stop a workload early after this long, whatever the count. */
  maxSecondsPerWorkload?: number;
  log?: (line: string) => void;
  /**
   * Query this Neo4j instead of starting a throw-away one, e.g. a graph that
   * generate-graph wrote earlier with the same sizes (default seed): nothing is written.
   */
  uri?: string;
}

export interface Latency {
  p50: number;
  p95: number;
  count: number;
  errors: number;
}

export interface WorkloadResult {
  name: string;
  api: Latency;
  driver: Latency;
  /** API p95 / driver p95 (target ≤ 1.3) */
  p95Ratio: number;
  /** p95 target for the API, ms, when the issue sets one */
  targetP95?: number;
}

export interface ApiBenchResult {
  entities: number;
  links: number;
  generateSeconds: number;
  concurrency: number;
  workloads: WorkloadResult[];
}

interface Workload {
  name: string;
  targetP95?: number;
  /** The i-th request of this workload, as an API path and as a direct call. */
  http(i: number): string;
  direct(i: number): Promise<unknown>;
}

/** Runs `count` calls with `concurrency` in flight; returns per-call latencies in ms. */
async function load(count: number, concurrency: number, maxMs: number, call: (i: number) => Promise<void>): Promise<Latency> {
  const times: number[] = [];
  let errors = 0;
  let next = 0;
  const deadline = Date.now() + maxMs;
  const worker = async () => {
    while (next < count && Date.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await call(i);
        times.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)), count: times.length, errors };
}

const round = (x: number) => Math.round(x * 10) / 10;

export async function benchApi(options: ApiBenchOptions = {}): Promise<ApiBenchResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  const concurrency = options.concurrency ?? 16;
  const requests = options.requests ?? 400;
  const warmup = options.warmup ?? 60;
  const maxMs = (options.maxSecondsPerWorkload ?? 60) * 1000;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-api-'));
  const db = options.uri ? undefined : await startEmbeddedNeo4j({ dataDir, heap: '2g', pageCacheMb: 2048 });
  const uri = options.uri ?? db!.uri;
  const driver = createDriver(uri);
  const graph: Graph = { driver, uri, close: () => driver.close() };
  let server: Server | undefined;
  try {
    if (!options.uri) await ensureSchema(graph);
    log(`api bench: ${options.uri ? 'recomputing' : 'generating'} ${options.entities ?? 100_000} entities and ${options.links ?? 1_000_000} links …`);
    let lastLog = 0;
    const generated = await generateGraph(graph, {
      entities: options.entities ?? 100_000,
      links: options.links ?? 1_000_000,
      write: !options.uri,
      onProgress: (done, total, what) => {
        if (Date.now() - lastLog > 10_000 || done === total) {
          lastLog = Date.now();
          log(`  ${what}: ${done}/${total}`);
        }
      },
    });
    log(`api bench: graph ready in ${generated.seconds.toFixed(0)} s`);

    const app = createApp({ graph, clientDir: path.join(dataDir, 'no-client') });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

    // Query targets: analysts look at prominent actors more than obscure ones, so centres and
    // path ends are drawn by the same power law as the links (hubs included), from a fixed seed.
    const random = seededRandom(7);
    const pick = zipfSampler(generated.ids.length, 0.75, random);
    const targets = Array.from({ length: 4096 }, () => pick());
    const id = (i: number) => generated.ids[targets[i % targets.length]];
    const typo = (name: string) => {
      const w = name.split(' ')[0];
      const at = 1 + Math.floor(random() * (w.length - 2));
      return w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2); // swap two letters
    };
    const searches = Array.from({ length: 512 }, (_, i) => {
      const name = generated.names[targets[i]];
      return i % 3 === 0 ? name.slice(0, 4) : i % 3 === 1 ? typo(name) : name;
    });
    const q = (i: number) => searches[i % searches.length];
    const neighbourhood = (depth: 1 | 2) => ({ depth, limit: 200, offset: 0 });

    const workloads: Workload[] = [
      {
        name: 'search',
        http: (i) => `/search?q=${encodeURIComponent(q(i))}&limit=20`,
        direct: (i) => searchEntities(graph, { q: q(i), limit: 20 }),
      },
      {
        name: 'neighbours depth 1',
        targetP95: 50,
        http: (i) => `/entities/${encodeURIComponent(id(i))}/neighbours?depth=1&limit=200`,
        direct: (i) => getNeighbours(graph, id(i), neighbourhood(1)),
      },
      {
        name: 'neighbours depth 2',
        targetP95: 50,
        http: (i) => `/entities/${encodeURIComponent(id(i))}/neighbours?depth=2&limit=200`,
        direct: (i) => getNeighbours(graph, id(i), neighbourhood(2)),
      },
      {
        name: 'paths',
        targetP95: 150,
        http: (i) => `/paths?from=${encodeURIComponent(id(2 * i))}&to=${encodeURIComponent(id(2 * i + 1))}&max=4&limit=5`,
        direct: (i) => findPaths(graph, { from: id(2 * i), to: id(2 * i + 1), max: 4, limit: 5 }),
      },
    ];

    const results: WorkloadResult[] = [];
    for (const w of workloads) {
      const viaHttp = async (i: number) => {
        const res = await fetch(base + w.http(i));
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      };
      const viaDriver = async (i: number) => {
        await w.direct(i);
      };
      // Warm both paths (query plans, page cache) on requests not measured after.
      await load(warmup, concurrency, maxMs, (i) => viaDriver(10_000 + i));
      await load(warmup, concurrency, maxMs, (i) => viaHttp(10_000 + i));
      // Alternate halves so neither side gets a systematically warmer cache.
      const half = Math.floor(requests / 2);
      const d1 = await load(half, concurrency, maxMs / 2, viaDriver);
      const a1 = await load(half, concurrency, maxMs / 2, viaHttp);
      const a2 = await load(half, concurrency, maxMs / 2, (i) => viaHttp(half + i));
      const d2 = await load(half, concurrency, maxMs / 2, (i) => viaDriver(half + i));
      const merge = (x: Latency, y: Latency): Latency => ({
        p50: round((x.p50 + y.p50) / 2),
        p95: round((x.p95 + y.p95) / 2),
        count: x.count + y.count,
        errors: x.errors + y.errors,
      });
      const api = merge(a1, a2);
      const direct = merge(d1, d2);
      results.push({ name: w.name, api, driver: direct, p95Ratio: round((api.p95 / direct.p95) * 100) / 100, targetP95: w.targetP95 });
      log(`  ${w.name}: api p95 ${api.p95} ms, driver p95 ${direct.p95} ms`);
    }
    return { entities: generated.entities, links: generated.links, generateSeconds: round(generated.seconds), concurrency, workloads: results };
  } finally {
    await new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
    await graph.close();
    await db?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatApiBench(result: ApiBenchResult): string {
  const lines = [
    `API on a generated graph: ${result.entities.toLocaleString('en')} entities, ${result.links.toLocaleString('en')} links (generated in ${result.generateSeconds} s), concurrency ${result.concurrency}`,
    '  workload              API p50   API p95   driver p50  driver p95  API/driver p95  target',
  ];
  for (const w of result.workloads) {
    const target = [w.targetP95 ? `p95 ≤ ${w.targetP95} ms ${w.api.p95 <= w.targetP95 ? 'ok' : 'MISSED'}` : '', `ratio ≤ 1.3 ${w.p95Ratio <= 1.3 ? 'ok' : 'MISSED'}`]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${w.name.padEnd(20)} ${`${w.api.p50} ms`.padStart(8)} ${`${w.api.p95} ms`.padStart(9)} ${`${w.driver.p50} ms`.padStart(11)} ${`${w.driver.p95} ms`.padStart(11)} ${w.p95Ratio.toFixed(2).padStart(15)}  ${target}` +
        (w.api.errors + w.driver.errors ? `  (${w.api.errors + w.driver.errors} errors)` : ''),
    );
  }
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const uriAt = process.argv.indexOf('--uri');
  benchApi({
    entities: arg('entities'),
    links: arg('links'),
    requests: arg('requests'),
    concurrency: arg('concurrency'),
    uri: uriAt > 0 ? process.argv[uriAt + 1] : undefined,
  })
    .then((result) => console.log(formatApiBench(result)))
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
