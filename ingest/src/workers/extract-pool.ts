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

interface Pending {
  resolve: (extraction: Extraction) => void;
  reject: (error: Error) => void;
}

const WORKER_ENTRY = new URL('./extract-worker.mjs', import.meta.url);

/**
 * One worker per core; one fewer when Neo4j runs on this machine, since its writer is the ingest's
 * critical path and needs a core of its own. On two cores beside an embedded Neo4j, the BBC corpus
 * took 26-27 s with one worker and 30-31 s with two (the writer was starved, not the workers).
 */
export function defaultWorkerCount(options: { databaseOnThisMachine?: boolean } = {}): number {
  return Math.max(1, os.availableParallelism() - (options.databaseOnThisMachine ? 1 : 0));
}

export function createExtractPool(decisions: AnalystDecisions, workers = defaultWorkerCount()): ExtractPool {
  if (workers <= 0) {
    // Loaded on first use: the NLP takes most of a second to load, and with workers the main thread never needs it.
    let pipeline: Promise<typeof import('../pipeline.js')> | undefined;
    return {
      extract: async (article) => (await (pipeline ??= import('../pipeline.js'))).extractArticle(article, decisions),
      warm: () => {},
      close: async () => {},
    };
  }

  const init: WorkerInit = { decisions: toTransfer(decisions) };
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, Set<number>>();
  let nextId = 0;

  const spawnWorker = (): Worker => {
    const worker = new Worker(WORKER_ENTRY, { workerData: init });
    load.set(worker, new Set());
    worker.on('message', (response: ExtractResponse) => {
      const job = pending.get(response.id);
      pending.delete(response.id);
      load.get(worker)?.delete(response.id);
      if (!job) return;
      if ('error' in response) job.reject(new Error(response.error));
      else job.resolve(response.extraction);
    });
    // A crashed worker fails only its own articles; a fresh one takes its place.
    worker.on('error', (error) => {
      for (const id of load.get(worker) ?? []) {
        pending.get(id)?.reject(new Error(`extraction worker crashed: ${error.message}`));
        pending.delete(id);
      }
      load.delete(worker);
      if (!closed) spawnWorker();
    });
    return worker;
  };

  let closed = false;
  const warm = (): void => {
    if (!closed && load.size === 0) for (let i = 0; i < workers; i++) spawnWorker();
  };

  return {
    warm,
    extract(article) {
      if (closed) return Promise.reject(new Error('ingest/extract-pool: the pool is closed'));
      // Workers start on the first article that needs them: a re-ingest with nothing new starts none.
      warm();
      const id = nextId++;
      // The least busy worker takes the next article.
      const [worker, jobs] = [...load.entries()].reduce((a, b) => (b[1].size < a[1].size ? b : a));
      jobs.add(id);
      return new Promise<Extraction>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        const request: ExtractRequest = { id, article };
        worker.postMessage(request);
      });
    },
    async close() {
      closed = true;
      await Promise.all([...load.keys()].map((worker) => worker.terminate()));
      for (const job of pending.values()) job.reject(new Error('ingest/extract-pool: closed before the article was done'));
      pending.clear();
    },
  };
}
