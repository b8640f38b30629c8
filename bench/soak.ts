/**
 * Soak benchmark (issue #16 item 5): the real server (`server/src/index.ts`, as `npm start` runs it) in a
 * process of its own over the BBC corpus's graph, sixteen clients reading and writing notes for five minutes
 * on loopback. Prints the requests served, every status other than 200/201, latency percentiles, and the
 * server's resident memory minute by minute: flat means the last minute's is within a few percent of the
 * second's (the first minute is warm-up: caches fill, code is compiled).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { findFreePort, startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { DEFAULT_CORPUS } from './corpus.js';
import { sendAnalystRequest, topActorTraffic } from './analyst-traffic.js';
import { runIngest } from './ingest.js';
import { percentile } from './stats.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLIENTS = 16;
const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const SAMPLE_EVERY_MS = 5_000;

export interface SoakResult {
  seconds: number;
  clients: number;
  requests: number;
  perSecond: number;
  statuses: Record<string, number>;
  notesWritten: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Median resident memory of the server process in each minute, MB. */
  rssByMinuteMb: number[];
}

/** The process's resident set, MB (Linux /proc; elsewhere undefined). */
function residentMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) / 1024;
  } catch {
    return undefined;
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchSoak(corpusPath = DEFAULT_CORPUS, log: (line: string) => void = () => {}): Promise<SoakResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-soak-'));
  const db = await startEmbeddedNeo4j({ dataDir, heap: '2g', pageCacheMb: 1024 });
  try {
    log('soak: ingesting the corpus');
    await runIngest(db.uri, [corpusPath], { progress: false });
    const port = await findFreePort();
    const server = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/src/index.ts')], {
      cwd: ROOT,
      env: { ...process.env, NEO4J_URI: db.uri, PORT: String(port), HOST: '127.0.0.1', ACTORGRAPH_LOAD_SAMPLES: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        readline.createInterface({ input: server.stdout! }).on('line', (line) => line.includes('Actorgraph explorer:') && resolve());
        server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it listened`)));
      });
      return await soak(`http://127.0.0.1:${port}/api`, server.pid!, log);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function soak(base: string, pid: number, log: (line: string) => void): Promise<SoakResult> {
  const traffic = await topActorTraffic(base, 60, (id, i, ids) => [
    `/entities/${id}`,
    `/entities/${id}/neighbours?limit=100`,
    `/links/${id}/${ids[(i + 1) % ids.length]}/evidence`,
    `/paths?from=${id}&to=${ids[(i + 7) % ids.length]}`,
    `/search?q=${encodeURIComponent(['Blair', 'Chelsea', 'Microsoft', 'Yukos'][i % 4]!)}`,
  ]);
  const statuses = new Map<string, number>();
  const latencies: number[] = [];
  const memory: Array<{ at: number; mb: number }> = [];
  let notes = 0;
  const started = Date.now();
  const stopAt = started + SOAK_SECONDS * 1000;
  const sampler = setInterval(() => {
    const mb = residentMb(pid);
    if (mb !== undefined) memory.push({ at: Date.now() - started, mb });
    if (memory.length % 12 === 0) log(`soak: ${Math.round((Date.now() - started) / 1000)} s, ${latencies.length} requests, server ${mb?.toFixed(0)} MB`);
  }, SAMPLE_EVERY_MS);
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let k = 0; Date.now() < stopAt; k++) {
      const sent = performance.now();
      const { write, status } = await sendAnalystRequest(base, traffic, client, k, 'soak');
      latencies.push(performance.now() - sent);
      const key = String(status ?? 'no answer');
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (write && status === 201) notes++;
    }
  });
  await Promise.all(clients);
  clearInterval(sampler);
  const seconds = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const minutes = Math.ceil(SOAK_SECONDS / 60);
  const rssByMinuteMb = Array.from({ length: minutes }, (_, m) => median(memory.filter((s) => Math.floor(s.at / 60_000) === m).map((s) => s.mb)));
  return {
    seconds,
    clients: CLIENTS,
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    statuses: Object.fromEntries([...statuses].sort()),
    notesWritten: notes,
    latencyMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN },
    rssByMinuteMb,
  };
}

export function formatSoak(r: SoakResult): string {
  const errors = Object.entries(r.statuses).filter(([status]) => status !== '200' && status !== '201');
  const [second, last] = [r.rssByMinuteMb[1], r.rssByMinuteMb[r.rssByMinuteMb.length - 1]];
  const growth = second && last ? ((last - second) / second) * 100 : NaN;
  return [
    `soak: the server alone, ${r.clients} clients for ${r.seconds.toFixed(0)} s over loopback (reads, and a note write in ten)`,
    `  requests          ${r.requests} (${r.perSecond.toFixed(1)}/s), ${r.notesWritten} notes written`,
    `  other than 2xx    ${errors.length === 0 ? 'none' : errors.map(([status, n]) => `${n} × ${status}`).join(', ')}`,
    `  latency           p50 ${r.latencyMs.p50.toFixed(0)} ms, p95 ${r.latencyMs.p95.toFixed(0)} ms, p99 ${r.latencyMs.p99.toFixed(0)} ms, max ${r.latencyMs.max.toFixed(0)} ms`,
    `  server memory     ${r.rssByMinuteMb.map((mb, m) => `min ${m + 1}: ${mb.toFixed(0)} MB`).join(', ')}`,
    `  after warm-up     ${Number.isNaN(growth) ? 'n/a' : `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} % from minute 2 to minute ${r.rssByMinuteMb.length}`}`,
  ].join('\n');
}
