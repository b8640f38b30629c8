/**
 * Extraction spread over worker threads, one per core by default, so the
 * main thread is free to read files and write to Neo4j. Workers start on
 * the first article to extract, or earlier when warmed: the ingest command
 * starts them before it opens Neo4j. Every extraction honours the analyst
 * decisions read from Neo4j, so none starts before `decide`. With zero
 * workers extraction runs inline (handy in tests and for debugging).
 */
import { Worker } from 'node:worker_threads';
import os from 'node:os';
import type { AnalystDecisions, Article, Extraction } from '../../../core/src/model.js';
import { extractWorkerBundle } from './worker-bundle.js';
import { toTransfer, type DecisionsMessage, type ExtractRequest, type ExtractResponse, type WorkerInit } from './messages.js';

export interface ExtractPool {
  /** The analyst decisions every extraction honours: set once, before the first `extract`. */
  decide(decisions: AnalystDecisions): void;
  extract(article: Article): Promise<Extraction>;
  /** Starts the workers now, when extraction is likely to come: their start-up overlaps other work. */
  warm(): void;
  close(): Promise<void>;
}

interface Job {
  id: number;
  article: Article;
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

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

/** The pool an ingest uses by default: its workers, and a spare one beside a Neo4j on this machine. */
export function createDefaultExtractPool(options: { workers?: number; databaseOnThisMachine: boolean }): ExtractPool {
  if (options.workers !== undefined) return createExtractPool(options.workers);
  return createExtractPool(defaultWorkerCount(options), defaultSpareWorkerCount(options));
}

const UNDECIDED = 'ingest/extract-pool: extract() before decide(): every extraction needs the analyst decisions';

export function createExtractPool(workers = defaultWorkerCount(), spareWorkers = 0): ExtractPool {
  if (workers <= 0) {
    // Loaded on first use: the NLP takes most of a second to load, and with workers the main thread never needs it.
    let pipeline: Promise<typeof import('../pipeline.js')> | undefined;
    let decided: AnalystDecisions | undefined;
    return {
      decide: (decisions) => void (decided = decisions),
      extract: async (article) => {
        if (!decided) throw new Error(UNDECIDED);
        return (await (pipeline ??= import('../pipeline.js'))).extractArticle(article, decided);
      },
      warm: () => {},
      close: async () => {},
    };
  }

  /** The decisions as each worker receives them, as its first message. */
  let decisions: DecisionsMessage | undefined;
  /** Articles no worker has taken yet, in order. */
  const queue: Job[] = [];
  /** Each worker's articles in flight; normal workers first, so they are offered work first. */
  const load = new Map<Worker, Map<number, Job>>();
  let nextId = 0;
  let closed = false;
  let started = false;
  /** Why the workers could not start, when they could not: every article fails with it. */
  let startFailure: Error | undefined;

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

  const spawnWorker = (entry: URL, background: boolean): void => {
    const init: WorkerInit = { background };
    const worker = new Worker(entry, { workerData: init, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    if (decisions) worker.postMessage(decisions);
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
        spawnWorker(entry, background);
        dispatch();
      }
    });
  };

  const warm = (): void => {
    if (closed || started) return;
    started = true;
    extractWorkerBundle().then(
      (entry) => {
        if (closed) return;
        for (let i = 0; i < workers; i++) spawnWorker(entry, false);
        for (let i = 0; i < spareWorkers; i++) spawnWorker(entry, true);
        dispatch();
      },
      (error: Error) => {
        startFailure = new Error(`extraction workers could not start: ${error.message}`);
        for (const job of queue.splice(0)) job.reject(startFailure);
      },
    );
  };

  return {
    warm,
    decide(decided) {
      if (decisions) throw new Error('ingest/extract-pool: the analyst decisions are set once per pool');
      decisions = { decisions: toTransfer(decided) };
      // Ports keep their order: every worker has them before its first article.
      for (const worker of load.keys()) worker.postMessage(decisions);
      dispatch();
    },
    extract(article) {
      if (closed) return Promise.reject(new Error('ingest/extract-pool: the pool is closed'));
      if (!decisions) return Promise.reject(new Error(UNDECIDED));
      if (startFailure) return Promise.reject(startFailure);
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
