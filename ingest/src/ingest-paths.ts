/**
 * One ingest run: read every input, skip what the store already has,
 * extract the rest in worker threads, and write in batches while the
 * workers go on. Bad inputs are reported and skipped; an unreachable Neo4j
 * or a Ctrl-C stops the run after the batch in flight, and running the same
 * command again finishes the job without duplicates.
 */
import type { Article, AnalystDecisions } from '../../core/src/model.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { isDatabaseUnavailable } from '../../core/src/neo4j/database-errors.js';
import { countGraph, readAnalystDecisions, type LoadItem } from '../../core/src/queries/ingest.js';
import { findInputFiles } from './input-files.js';
import {
  readArticleBuffer,
  readArticleFile,
  SUPPORTED_EXTENSIONS,
  type ReadFailure,
  type ReadOptions,
} from './stages/01-read-articles.js';
import { classifyArticles, loadGraph, newSeenInRun, type LoadBatch, type SeenInRun } from './stages/05-load-graph.js';
import { createExtractPool, defaultWorkerCount } from './workers/extract-pool.js';

export interface IngestOptions extends ReadOptions {
  /** Extraction threads; 0 extracts on the main thread. Default: one per core. */
  workers?: number;
  /** Extract and report, write nothing (no database needed). */
  dryRun?: boolean;
  /** Articles per write transaction. */
  batchSize?: number;
  /** Bytes of standard input, when a path is `-`. */
  stdin?: () => Promise<Buffer>;
  /** Format of standard input, by extension (`jsonl`, `txt`, `html`, …). */
  stdinFormat?: string;
  /** Aborting stops the run after the batch in flight. */
  signal?: AbortSignal;
  onProgress?: (progress: IngestProgress) => void;
}

export interface IngestProgress {
  /** Articles decided so far (written, skipped or failed). */
  done: number;
  /** Articles read so far; grows while files are read. */
  total: number;
}

export interface IngestSummary {
  files: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  failures: ReadFailure[];
  entitiesAdded: number;
  linksAdded: number;
  elapsedMs: number;
  /** Why the run stopped early, when it did. */
  stoppedBecause?: string;
}

const DEFAULT_BATCH_SIZE = 50;

export async function ingestPaths(
  graph: Graph | undefined,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = {
    files: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0, failed: 0, failures: [],
    entitiesAdded: 0, linksAdded: 0, elapsedMs: 0,
  };
  const store = options.dryRun ? undefined : graph;

  const articles = await readInputs(paths, options, summary);
  const progress: IngestProgress = { done: 0, total: articles.length + summary.failures.length };
  progress.done = summary.failures.length;
  options.onProgress?.(progress);

  const before = store ? await countGraph(store) : undefined;
  const decisions: AnalystDecisions = store
    ? await readAnalystDecisions(store)
    : { aliases: new Map(), rejected: new Set(), retyped: new Map() };
  const pool = createExtractPool(decisions, options.workers ?? defaultWorkerCount());
  const seenInRun = newSeenInRun();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let writing: Promise<void> = Promise.resolve();
  let databaseLost = false;

  try {
    for (let at = 0; at < articles.length; at += batchSize) {
      if (options.signal?.aborted) {
        summary.stoppedBecause = 'interrupted';
        break;
      }
      const chunk = articles.slice(at, at + batchSize);
      const batch = await prepareBatch(store, chunk, seenInRun, pool.extract, summary);
      const broken = systemicFailure(batch);
      if (broken) {
        summary.stoppedBecause = `extraction itself is failing (${broken}); nothing more was tried`;
        break;
      }
      // The previous batch was writing while this one was extracted.
      await writing;
      writing = store ? writeBatch(store, batch, summary) : Promise.resolve();
      // Observed at the next await; never an unhandled rejection meanwhile.
      writing.catch(() => {});
      progress.done += chunk.length;
      options.onProgress?.(progress);
    }
    await writing;
  } catch (error) {
    // The batch still writing may fail too; its outcome is the same stop.
    await writing.catch(() => {});
    if (!isDatabaseUnavailable(error)) throw error;
    databaseLost = true;
    summary.stoppedBecause = 'Neo4j became unreachable; what was written is intact — run the same command again to finish';
  } finally {
    await pool.close();
  }

  if (store && before && !databaseLost) {
    const after = await countGraph(store);
    summary.entitiesAdded = after.entities - before.entities;
    summary.linksAdded = after.links - before.links;
  }
  summary.failed = summary.failures.length;
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/** Every article of a batch failing extraction the same way is a broken setup, not bad input. */
function systemicFailure(batch: { items: unknown[]; extractionErrors: string[] }): string | undefined {
  const errors = batch.extractionErrors;
  const allFailed = errors.length >= 3 && batch.items.length === 0;
  return allFailed && new Set(errors).size === 1 ? errors[0] : undefined;
}

async function readInputs(paths: string[], options: IngestOptions, summary: IngestSummary): Promise<Article[]> {
  const articles: Article[] = [];
  const fromFiles = paths.filter((input) => input !== '-');
  if (fromFiles.length < paths.length) {
    if (!options.stdin) throw new Error('ingest: `-` needs standard input');
    // Standard input has no lasting name, so its articles carry no origin.
    const outcome = readArticleBuffer(`stdin.${options.stdinFormat ?? 'jsonl'}`, await options.stdin(), options);
    summary.files += 1;
    articles.push(...outcome.articles);
    summary.failures.push(...outcome.failures);
  }
  const { files, missing } = await findInputFiles(fromFiles, SUPPORTED_EXTENSIONS);
  summary.failures.push(...missing);
  for (const file of files) {
    const outcome = await readArticleFile(file, options);
    summary.files += 1;
    const manyRecords = outcome.articles.length > 1 || MULTI_RECORD.test(file);
    outcome.articles.forEach((article, i) => articles.push({ ...article, origin: manyRecords ? `${file}#${i + 1}` : file }));
    summary.failures.push(...outcome.failures);
  }
  return articles;
}

// Files that hold many articles: each record is named by its position.
const MULTI_RECORD = /\.(jsonl|ndjson|json|xml|rss|atom)$/i;

async function prepareBatch(
  store: Graph | undefined,
  chunk: Article[],
  seenInRun: SeenInRun,
  extract: (article: Article) => Promise<LoadItem['extraction']>,
  summary: IngestSummary,
): Promise<LoadBatch & { extractionErrors: string[] }> {
  const fates = await classifyArticles(store, chunk, seenInRun);
  const batch: LoadBatch & { extractionErrors: string[] } = { items: [], duplicates: [], extractionErrors: [] };
  const extractions = chunk.map((article, i) => {
    const { fate } = fates[i];
    return fate === 'new' || fate === 'updated' ? extract(article).then(
      (extraction) => ({ ok: true as const, extraction }),
      (error: Error) => ({ ok: false as const, message: error.message }),
    ) : undefined;
  });
  for (const [i, article] of chunk.entries()) {
    const fate = fates[i];
    if (fate.fate === 'unchanged') {
      summary.unchanged += 1;
    } else if (fate.fate === 'repeated') {
      summary.failures.push({ path: article.origin ?? article.id, message: 'an article with this id but another text came earlier in this run; the first was kept' });
    } else if (fate.fate === 'duplicate') {
      summary.duplicates += 1;
      batch.duplicates.push({ article, duplicateOf: fate.duplicateOf });
    } else {
      const result = await extractions[i]!;
      if (!result.ok) {
        summary.failures.push({ path: article.origin ?? article.id, message: `extraction failed: ${result.message}` });
        batch.extractionErrors.push(result.message);
        continue;
      }
      summary[fate.fate] += 1;
      batch.items.push({ article, extraction: result.extraction, replaces: fate.fate === 'updated' ? fate.replaces : undefined });
    }
  }
  return batch;
}

/**
 * Writes a batch in one transaction. If the batch is refused for its data,
 * each article is tried alone, so one bad article cannot sink the others.
 */
async function writeBatch(graph: Graph, batch: LoadBatch, summary: IngestSummary): Promise<void> {
  try {
    await loadGraph(graph, batch);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    for (const item of batch.items) {
      try {
        await loadGraph(graph, { items: [item], duplicates: [] });
      } catch (single) {
        if (isDatabaseUnavailable(single)) throw single;
        const name = item.article.origin ?? item.article.id;
        summary.failures.push({ path: name, message: `not stored: ${(single as Error).message}` });
        if (item.replaces) summary.updated -= 1;
        else summary.new -= 1;
      }
    }
    await loadGraph(graph, { items: [], duplicates: batch.duplicates });
  }
}
