/**
 * Ingest benchmark: the whole corpus into an empty embedded Neo4j through
 * `npm run ingest` (a child process, as an analyst runs it), next to raw
 * compromise over the same texts on one thread in this same run; then the
 * unchanged corpus again, as a ratio of the first ingest. Raw compromise
 * reads half the texts just before the ingest and half just after: this
 * machine's speed drifts by a quarter within minutes, and a baseline taken
 * wholly before the ingest moved the ratio with it (0.85x and 1.00x for the
 * same code within the hour).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { DEFAULT_CORPUS, readCorpus } from './corpus.js';
import { timeRawCompromise } from './raw-compromise.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface IngestBenchResult {
  articles: number;
  stored: number;
  duplicates: number;
  firstIngestSeconds: number;
  articlesPerSecond: number;
  rawCompromiseSeconds: number;
  /** first ingest wall time / raw compromise time (target ≤ 0.8) */
  ingestVsCompromise: number;
  reingestSeconds: number;
  /** re-ingest / first ingest (target ≤ 0.05) */
  reingestRatio: number;
  reingestAdded: number;
  peakMemoryMb: number;
  /** Stage 6 of the first ingest: one-word actors merged, and its share of the time. */
  actorsMerged: number;
  reconcileSeconds: number;
}

interface IngestJsonSummary {
  actorsMerged: string[];
  reconcileMs: number;
  new: number;
  duplicates: number;
  unchanged: number;
  failed: number;
  peakMemoryMb: number;
}

export async function benchIngest(corpusPath = DEFAULT_CORPUS): Promise<IngestBenchResult> {
  const texts = readCorpus(corpusPath).map((article) => article.text);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-ingest-'));
  // The database `npm run ingest` starts for itself, started ahead so its start-up is not timed.
  const db = await startEmbeddedNeo4j({ dataDir, heap: '2g', pageCacheMb: 1024, lifetime: 'batch' });
  try {
    const half = Math.ceil(texts.length / 2);
    const rawBefore = timeRawCompromise(texts.slice(0, half));
    const first = await runIngest(db.uri, corpusPath);
    const rawAfter = timeRawCompromise(texts.slice(half));
    const rawCompromiseSeconds = (rawBefore + rawAfter) / 1000;
    const again = await runIngest(db.uri, corpusPath);
    return {
      articles: texts.length,
      stored: first.summary.new,
      duplicates: first.summary.duplicates,
      firstIngestSeconds: first.seconds,
      articlesPerSecond: texts.length / first.seconds,
      rawCompromiseSeconds,
      ingestVsCompromise: first.seconds / rawCompromiseSeconds,
      reingestSeconds: again.seconds,
      reingestRatio: again.seconds / first.seconds,
      reingestAdded: again.summary.new,
      peakMemoryMb: first.summary.peakMemoryMb,
      actorsMerged: first.summary.actorsMerged.length,
      reconcileSeconds: first.summary.reconcileMs / 1000,
    };
  } finally {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `npm run ingest -- --json PATH...` as a child process against `uri`, as an analyst runs it; `kill` sends SIGKILL.
 * With `progress`, its progress lines go to this terminal.
 */
export function startIngest(uri: string, paths: string[], { progress = false } = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'ingest/src/cli/ingest-command.ts'), '--json', ...paths], {
    cwd: ROOT,
    env: { ...process.env, NEO4J_URI: uri },
    stdio: ['ignore', 'pipe', progress ? 'inherit' : 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { exited, kill: () => child.kill('SIGKILL') };
}

/** An ingest run to its end: wall time and its JSON summary (exit 1, some input failed, still counts). */
export async function runIngest(
  uri: string,
  paths: string | string[],
  { progress = true } = {},
): Promise<{ seconds: number; summary: IngestJsonSummary }> {
  const started = performance.now();
  const { code, stdout, stderr } = await startIngest(uri, typeof paths === 'string' ? [paths] : paths, { progress }).exited;
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`bench/ingest: ingest exited with ${code}: ${stderr.slice(-500)}`);
  return { seconds, summary: JSON.parse(stdout) as IngestJsonSummary };
}

export function formatIngestBench(result: IngestBenchResult): string {
  return [
    `ingest: ${result.articles} articles -> ${result.stored} stored, ${result.duplicates} duplicates`,
    `  first ingest        ${result.firstIngestSeconds.toFixed(1)} s (${result.articlesPerSecond.toFixed(1)} articles/s, peak ${result.peakMemoryMb.toFixed(0)} MB)`,
    `  of which stage 6    ${result.reconcileSeconds.toFixed(1)} s joining ${result.actorsMerged} one-word actors to fuller ones`,
    `  raw compromise      ${result.rawCompromiseSeconds.toFixed(1)} s (one thread, same texts, half before and half after the ingest)`,
    `  ingest / compromise ${result.ingestVsCompromise.toFixed(2)}x   (target <= 0.80)`,
    `  re-ingest           ${result.reingestSeconds.toFixed(1)} s, ${result.reingestAdded} added`,
    `  re-ingest / first   ${(result.reingestRatio * 100).toFixed(1)}%   (target <= 5%)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(formatIngestBench(await benchIngest(process.argv[2] ?? DEFAULT_CORPUS)));
}
