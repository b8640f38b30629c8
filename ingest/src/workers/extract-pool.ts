/**
 * Extraction spread over worker threads, one per core by default, so the
 * main thread is free to read files and write to Neo4j. Workers start on
 * the first article to extract. With zero workers extraction runs inline
 * (handy in tests and for debugging).
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { AnalystDecisions, Article, Extraction } from '../../../core/src/model.js';
import { toTransfer, type ExtractRequest, type ExtractResponse, type WorkerInit } from './messages.js';

export interface ExtractPool {
  extract(article: Article): Promise<Extraction>;
  /** Starts the workers now, when extraction is sure to come: their start-up overlaps other work. */
  warm(): void;
  close(): Promise<void>;
}

interface Job {
  id: number;
  article: Article;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

const WORKER_ENTRY = new URL('./extract-worker.mjs', import.meta.url);

/**
 * Articles a worker holds at once: one being extracted and one ready, so it never waits for the main thread,
 * and few enough that a spare worker starved of CPU delays no more than two articles.
 */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * A worker's young generation, in MB (V8's default is 48: three 16 MB semi-spaces). compromise builds a
 * short-lived object per word, and a roomier nursery lets far more of them die there instead of being
 * promoted and marked again. Over the BBC corpus, four alternating pairs of ingests: the Node process's CPU
 * averaged 37.2 s with 192 MB against 40.1 s with the default (three pairs in four favoured 192).
 */
const YOUNG_GENERATION_MB = 192;

/**
 * One worker per core; one fewer when Neo4j runs on this machine, since its writer is the ingest's
 * critical path and needs a core of its own. On two cores beside an embedded Neo4j, the BBC corpus
 * took 26-27 s with one worker and 30-31 s with two (the writer was starved, not the workers).
 */
export function defaultWorkerCount(options: { databaseOnThisMachine?: boolean } = {}): number {
  return Math.max(1, os.availableParallelism() - (options.databaseOnThisMachine ? 1 : 0));
}

/**
 * Spare workers run at the lowest priority, on CPU time nothing else wants. Beside a local Neo4j one
 * takes the writer's core while the writer waits for extraction, and yields it as soon as the writer runs.
 */
export function defaultSpareWorkerCount(options: { databaseOnThisMachine?: boolean } = {}): number {
  // Only where a thread can lower its own priority alone (elsewhere setpriority lowers the whole process).
  return options.databaseOnThisMachine && process.platform === 'linux' ? 1 : 0;
}

export function createExtractPool(decisions: AnalystDecisions, workers = defaultWorkerCount(), spareWorkers = 0): ExtractPool {
  if (workers <= 0) {
    // Loaded on first use: the NLP takes most of a second to load, and with workers the main thread never needs it.
    let pipeline: Promise<typeof import('../pipeline.js')> | undefined;
    return {
      extract: async (article) => (await (pipeline ??= import('../pipeline.js'))).extractArticle(article, decisions),
      warm: () => {},
      close: async () => {},
    };
  }

  const transfer = toTransfer(decisions);
  /** Articles no worker has taken yet, in order. */
  const queue: Job[] = [];
  /** Each worker's articles in flight; normal workers first, so they are offered work first. */
  const load = new Map<Worker, Map<number, Job>>();
  let nextId = 0;
  let closed = false;

  // Workers take articles as they finish others: a slow (spare) worker never sits on a queue of them.
  const dispatch = (): void => {
    while (queue.length > 0) {
      let chosen: [Worker, Map<number, Job>] | undefined;
      for (const entry of load) if (entry[1].size < IN_FLIGHT_PER_WORKER && (!chosen || entry[1].size < chosen[1].size)) chosen = entry;
      if (!chosen) return;
      const job = queue.shift()!;
      chosen[1].set(job.id, job);
      const request: ExtractRequest = { id: job.id, article: job.article };
      chosen[0].postMessage(request);
    }
  };

  const spawnWorker = (background: boolean): void => {
    const init: WorkerInit = { decisions: transfer, background };
    const worker = new Worker(WORKER_ENTRY, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const jobs = new Map<number, Job>();
    load.set(worker, jobs);
    worker.on('message', (response: ExtractResponse) => {
      const job = jobs.get(response.id);
      jobs.delete(response.id);
      if (job) {
        if ('error' in response) job.reject(new Error(response.error));
        else job.resolve(response.extraction);
      }
      dispatch();
    });
    // A crashed worker fails only its own articles; a fresh one takes its place.
    worker.on('error', (error) => {
      for (const job of jobs.values()) job.reject(new Error(`extraction worker crashed: ${error.message}`));
      load.delete(worker);
      if (!closed) {
        spawnWorker(background);
        dispatch();
      }
    });
  };

  const warm = (): void => {
    if (closed || load.size > 0) return;
    for (let i = 0; i < workers; i++) spawnWorker(false);
    for (let i = 0; i < spareWorkers; i++) spawnWorker(true);
  };

  return {
    warm,
    extract(article) {
      if (closed) return Promise.reject(new Error('ingest/extract-pool: the pool is closed'));
      // Workers start on the first article that needs them: a re-ingest with nothing new starts none.
      warm();
      return new Promise<Extraction>((resolve, reject) => {
        queue.push({ id: nextId++, article, resolve, reject });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const running = [...load.keys()];
      await Promise.all(running.map((worker) => worker.terminate()));
      const unfinished = [...queue, ...[...load.values()].flatMap((jobs) => [...jobs.values()])];
      for (const job of unfinished) job.reject(new Error('ingest/extract-pool: closed before the article was done'));
      queue.length = 0;
      load.clear();
    },
  };
}
