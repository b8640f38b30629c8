/**
 * One ingest run: read every input, skip what the store already has,
 * extract the rest in worker threads, and write in batches while the
 * workers go on. Bad inputs are reported and skipped; an unreachable Neo4j
 * or a Ctrl-C stops the run after the batch in flight, and running the same
 * command again finishes the job without duplicates.
 */
import type { Article, AnalystDecisions } from '../../core/src/model.js';
import { neo4jOnThisMachine } from '../../core/src/config.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { isDatabaseUnavailable } from '../../core/src/neo4j/database-errors.js';
import { countEntitiesAndLinks, hasArticles, readAnalystDecisions, type LoadItem } from '../../core/src/queries/ingest.js';
import { findStoredFiles, forgetStoredFiles, recordStoredFiles, type StoredFile } from '../../core/src/queries/source-files.js';
import { findInputFiles } from './input-files.js';
import {
  readArticleBuffer,
  readArticleFile,
  SUPPORTED_EXTENSIONS,
  type ReadFailure,
  type ReadOptions,
} from './stages/01-read-articles.js';
import { classifyArticles, loadGraph, type ArticleFate, type LoadBatch } from './stages/05-load-graph.js';
import { reconcileActors, resolveBatch, shortActorIds, warmReconcile } from './stages/06-reconcile-actors.js';
import { createDefaultExtractPool, type ExtractPool } from './workers/extract-pool.js';

export interface IngestOptions extends ReadOptions {
  /** Extraction threads; 0 extracts on the main thread. Default: one per core, less one beside a local Neo4j. */
  workers?: number;
  /**
   * Extraction workers started ahead by the caller (their start-up then overlaps opening Neo4j). The run
   * gives them the analyst decisions, and closes them when it ends. Without one, the run makes its own.
   */
  pool?: ExtractPool;
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
  /** Files whose bytes were those already stored whole: skipped unparsed, their articles unchanged. */
  filesUnchanged: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  failures: ReadFailure[];
  entitiesAdded: number;
  linksAdded: number;
  /** One-word actors merged into the fuller actor the graph says they mean (stage 6), as "source → target". */
  actorsMerged: string[];
  /** How long stage 6 took, within `elapsedMs`. */
  reconcileMs: number;
  elapsedMs: number;
  /** Why the run stopped early, when it did. */
  stoppedBecause?: string;
}

/**
 * Articles per write transaction, at most. Bigger transactions spend less on per-statement and
 * commit costs (the writer's share of a whole-corpus ingest fell from 31 s to 24 s going from 50
 * to 200), but the first must not wait that long for extraction: sizes start at FIRST_BATCH_SIZE
 * and double up to the limit, so the first write begins while the rest is still being extracted.
 */
const DEFAULT_BATCH_SIZE = 200;
/** Runs this long (in articles) plan stage 6's merges while they write: short ones seldom merge anything. */
const WARM_MERGES_FROM = 500;
const FIRST_BATCH_SIZE = 25;
/**
 * Batches extracted ahead of the one being written. Five, not three: the first writes plan every statement on
 * a cold Neo4j (two seconds or so), and with three the workers had nothing left to do before they ended.
 */
const EXTRACT_AHEAD = 5;

export async function ingestPaths(
  graph: Graph | undefined,
  paths: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const store = options.dryRun ? undefined : graph;
  // Asked for a number of workers, the run uses that many; by default a spare one soaks up the writer's idle CPU.
  const pool = options.pool ?? createDefaultExtractPool({
    workers: options.workers,
    databaseOnThisMachine: store !== undefined && neo4jOnThisMachine(store),
  });
  try {
    return await ingestWithPool(store, paths, options, pool);
  } finally {
    // However the run ends: live workers would keep the process from exiting.
    await pool.close();
  }
}

async function ingestWithPool(
  store: Graph | undefined,
  paths: string[],
  options: IngestOptions,
  pool: ExtractPool,
): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = {
    files: 0, filesUnchanged: 0, new: 0, updated: 0, unchanged: 0, duplicates: 0, failed: 0, failures: [],
    entitiesAdded: 0, linksAdded: 0, actorsMerged: [], reconcileMs: 0, elapsedMs: 0,
  };

  const { articles, readFiles } = await readInputs(paths, options, summary, store);
  // Something to extract, most likely: the workers load the NLP while the store is asked what it holds.
  if (articles.length > 0) pool.warm();
  // What these files held before may change now, and the run may stop part-way: until it ends
  // cleanly, no file read this time is known as stored.
  if (store) await forgetStoredFiles(store, readFiles.map((file) => file.path));
  const progress: IngestProgress = { done: 0, total: articles.length + summary.failures.length };
  progress.done = summary.failures.length;
  options.onProgress?.(progress);

  const decisions: AnalystDecisions = store
    ? await readAnalystDecisions(store)
    : { aliases: new Map(), rejected: new Set(), retyped: new Map() };
  pool.decide(decisions);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  let before: { entities: number; links: number } | undefined;
  let writing: Promise<void> = Promise.resolve();
  let databaseLost = false;
  let warming: Promise<void> = Promise.resolve();
  /** One-word actors this run wrote or may now resolve, for stage 6. */
  const touched = new Set<string>();

  try {
    // An empty store holds nothing to compare with: everything is extracted, and every fate is
    // decided within this run, without asking Neo4j.
    const storeEmpty = !store || !(await hasArticles(store));
    // Every fate is decided before any extraction: a re-ingest of unchanged files ends here, and
    // extraction can run ahead of the writes.
    const fates = await classifyArticles(storeEmpty ? undefined : store, articles);
    const writesAnything = fates.some(({ fate }) => fate !== 'unchanged' && fate !== 'repeated');
    if (store && writesAnything) before = await countEntitiesAndLinks(store);
    const bounds = batchBounds(articles.length, batchSize);
    const batchCount = bounds.length;
    const prepared: Array<Promise<PreparedBatch>> = [];
    const prepare = (k: number): Promise<PreparedBatch> =>
      (prepared[k] ??= prepareBatch(articles.slice(...bounds[k]!), fates.slice(...bounds[k]!), pool.extract));

    for (let k = 0; k < batchCount; k++) {
      if (options.signal?.aborted) {
        summary.stoppedBecause = 'interrupted';
        break;
      }
      // The workers stay a few batches ahead, so they never wait for Neo4j (nor it for them).
      for (let ahead = k; ahead < Math.min(batchCount, k + 1 + EXTRACT_AHEAD); ahead++) void prepare(ahead);
      const batch = await prepare(k);
      const broken = systemicFailure(batch);
      if (broken) {
        summary.stoppedBecause = `extraction itself is failing (${broken}); nothing more was tried`;
        break;
      }
      await writing;
      tally(summary, batch);
      if (store && batch.items.length > 0) batch.items = await resolveBatch(store, batch.items);
      for (const item of batch.items) shortActorIds(item.extraction.entities, touched);
      writing = store ? writeBatch(store, batch, summary) : Promise.resolve();
      // A long run ends with stage 6's merges: their statements are planned meanwhile, after the first batch.
      if (k === 0 && store && articles.length >= WARM_MERGES_FROM) warming = writing.then(() => warmReconcile(store), () => {});
      // Written (or being written): its extractions need not stay in memory for the rest of the run.
      delete prepared[k];
      // Observed at the next await; never an unhandled rejection meanwhile.
      writing.catch(() => {});
      progress.done += batch.size;
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
    // Extraction is over: the workers' memory goes before stage 6 (closing again later does nothing).
    await pool.close();
  }

  if (store && !databaseLost && !summary.stoppedBecause) await recordStoredFiles(store, cleanFiles(readFiles, summary));
  if (store && !databaseLost && touched.size > 0) {
    await warming;
    const reconcileStarted = Date.now();
    try {
      const { merged } = await reconcileActors(store, touched);
      summary.actorsMerged = merged.map((m) => `${m.source} → ${m.target} (${m.reason})`);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      databaseLost = true;
      summary.stoppedBecause = 'Neo4j became unreachable while joining one-word actors to full names; every article is stored, and the one-word actors not yet joined stay as they are until a later ingest touches them or an analyst merges them';
    }
    summary.reconcileMs = Date.now() - reconcileStarted;
  }
  if (store && before && !databaseLost) {
    const after = await countEntitiesAndLinks(store);
    summary.entitiesAdded = after.entities - before.entities;
    summary.linksAdded = after.links - before.links;
  }
  summary.failed = summary.failures.length;
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/**
 * [start, end) of each batch: FIRST_BATCH_SIZE (or less), doubling up to `max`, and halving again towards the
 * end. The first write need not wait for hundreds of extractions; the last is small, because once extraction
 * is over it writes alone, with one core idle (a 200-article batch there cost the BBC ingest about a second).
 */
export function batchBounds(total: number, max: number): Array<[number, number]> {
  const head: Array<[number, number]> = [];
  const tail: Array<[number, number]> = [];
  let headSize = Math.max(1, Math.min(FIRST_BATCH_SIZE, max));
  let tailSize = headSize;
  let start = 0;
  let end = total;
  while (start < end) {
    if (end - start <= Math.max(headSize, tailSize)) {
      head.push([start, end]);
      break;
    }
    // The smaller side grows next, so both ramps climb together; what is left between them is one batch.
    if (headSize <= tailSize) {
      head.push([start, start + headSize]);
      start += headSize;
      headSize = Math.min(max, headSize * 2);
    } else {
      tail.unshift([end - tailSize, end]);
      end -= tailSize;
      tailSize = Math.min(max, tailSize * 2);
    }
  }
  return [...head, ...tail];
}

/** Every article of a batch failing extraction the same way is a broken setup, not bad input. */
function systemicFailure(batch: { items: unknown[]; extractionErrors: string[] }): string | undefined {
  const errors = batch.extractionErrors;
  const allFailed = errors.length >= 3 && batch.items.length === 0;
  return allFailed && new Set(errors).size === 1 ? errors[0] : undefined;
}

/**
 * Reads every input. With a store, a file whose bytes are those it held when last stored whole is
 * not parsed: its articles count as unchanged.
 */
async function readInputs(
  paths: string[],
  options: IngestOptions,
  summary: IngestSummary,
  store: Graph | undefined,
): Promise<{ articles: Article[]; readFiles: StoredFile[] }> {
  const articles: Article[] = [];
  const readFiles: StoredFile[] = [];
  const fromFiles = paths.filter((input) => input !== '-');
  if (fromFiles.length < paths.length) {
    if (!options.stdin) throw new Error('ingest: `-` needs standard input');
    // Standard input has no lasting name, so its articles carry no origin.
    const outcome = readArticleBuffer(`stdin.${options.stdinFormat ?? 'jsonl'}`, await options.stdin(), options);
    summary.files += 1;
    articles.push(...outcome.articles.map(({ record: _record, ...article }) => article));
    summary.failures.push(...outcome.failures);
  }
  const { files, missing } = await findInputFiles(fromFiles, SUPPORTED_EXTENSIONS);
  summary.failures.push(...missing);
  const stored = store ? await findStoredFiles(store, files) : new Map<string, StoredFile>();
  for (const file of files) {
    const before = stored.get(file);
    const outcome = await readArticleFile(file, { ...options, alreadyStored: (fingerprint) => fingerprint === before?.fingerprint });
    summary.files += 1;
    if (outcome.unchanged && before) {
      summary.filesUnchanged += 1;
      summary.unchanged += before.articles;
      continue;
    }
    if (outcome.fingerprint) readFiles.push({ path: file, fingerprint: outcome.fingerprint, articles: outcome.articles.length });
    const manyRecords = outcome.articles.length > 1 || MULTI_RECORD.test(file);
    // A record is named by its place in the file, failed records counted: fixing a broken line renames nothing.
    outcome.articles.forEach(({ record, ...article }, i) =>
      articles.push({ ...article, origin: manyRecords ? recordOrigin(file, record ?? i + 1) : file }),
    );
    summary.failures.push(...outcome.failures);
  }
  return { articles, readFiles };
}

/** Files none of whose records failed, in reading or in writing. */
function cleanFiles(files: StoredFile[], summary: IngestSummary): StoredFile[] {
  const failed = new Set(summary.failures.map((failure) => fileOfOrigin(failure.path)));
  return files.filter((file) => !failed.has(file.path));
}

/** The name of the n-th record of a file that holds many (failed records counted). */
function recordOrigin(file: string, record: number): string {
  return `${file}#${record}`;
}

/** The file an origin names: the origin itself, or what precedes `#<n>`. */
function fileOfOrigin(origin: string): string {
  return origin.replace(/#\d+$/, '');
}

// Files that hold many articles: each record is named by its position.
const MULTI_RECORD = /\.(jsonl|ndjson|json|xml|rss|atom)$/i;

/** A batch extracted and sorted by fate, with its counts kept apart until the batch is written. */
interface PreparedBatch extends LoadBatch {
  size: number;
  counts: Pick<IngestSummary, 'new' | 'updated' | 'unchanged' | 'duplicates'>;
  failures: ReadFailure[];
  extractionErrors: string[];
}

async function prepareBatch(
  chunk: Article[],
  fates: ArticleFate[],
  extract: (article: Article) => Promise<LoadItem['extraction']>,
): Promise<PreparedBatch> {
  const batch: PreparedBatch = {
    items: [], duplicates: [], size: chunk.length, failures: [], extractionErrors: [],
    counts: { new: 0, updated: 0, unchanged: 0, duplicates: 0 },
  };
  const extractions = chunk.map((article, i) => {
    const { fate } = fates[i]!;
    return fate === 'new' || fate === 'updated' ? extract(article).then(
      (extraction) => ({ ok: true as const, extraction }),
      (error: Error) => ({ ok: false as const, message: error.message }),
    ) : undefined;
  });
  for (const [i, article] of chunk.entries()) {
    const fate = fates[i]!;
    if (fate.fate === 'unchanged') {
      batch.counts.unchanged += 1;
    } else if (fate.fate === 'repeated') {
      batch.failures.push({ path: article.origin ?? article.id, message: 'an article with this id but another text came earlier in this run; the first was kept' });
    } else if (fate.fate === 'duplicate') {
      batch.counts.duplicates += 1;
      batch.duplicates.push({ article, duplicateOf: fate.duplicateOf });
    } else {
      const result = await extractions[i]!;
      if (!result.ok) {
        batch.failures.push({ path: article.origin ?? article.id, message: `extraction failed: ${result.message}` });
        batch.extractionErrors.push(result.message);
        continue;
      }
      batch.counts[fate.fate] += 1;
      batch.items.push({ article, extraction: result.extraction, replaces: fate.fate === 'updated' ? fate.replaces : undefined });
    }
  }
  return batch;
}

function tally(summary: IngestSummary, batch: PreparedBatch): void {
  for (const key of ['new', 'updated', 'unchanged', 'duplicates'] as const) summary[key] += batch.counts[key];
  summary.failures.push(...batch.failures);
}

/**
 * Writes a batch in one transaction. If the batch is refused for its data,
 * each article is tried alone, so one bad article cannot sink the others.
 */
async function writeBatch(graph: Graph, batch: LoadBatch, summary: IngestSummary): Promise<void> {
  try {
    countSkipped(summary, batch, (await loadGraph(graph, batch)).skipped);
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw error;
    for (const item of batch.items) {
      try {
        countSkipped(summary, batch, (await loadGraph(graph, { items: [item], duplicates: [] })).skipped);
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

/** Articles another ingest stored meanwhile, found when this one claimed them: unchanged, not new. */
function countSkipped(summary: IngestSummary, batch: LoadBatch, skipped: string[]): void {
  for (const id of skipped) {
    const item = batch.items.find((i) => i.article.id === id);
    if (!item) continue;
    if (item.replaces) summary.updated -= 1;
    else summary.new -= 1;
    summary.unchanged += 1;
  }
}
