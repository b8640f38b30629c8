/**
 * Runs extraction for the pool: one article in, its Extraction out.
 * A failing article answers with an error; the worker carries on.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { AnalystDecisions } from '../../../core/src/model.js';
import { fromTransfer, type ExtractResponse, type ToWorker, type WorkerInit } from './messages.js';

const init = workerData as WorkerInit;
/** Set by the pool's first message, before any article. */
let decisions: AnalystDecisions | undefined;

if (init.background) {
  // A spare worker uses only CPU nothing else wants. On Linux this lowers this thread alone, not the process.
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here: it still extracts, at the priority it has.
  }
}

// The NLP loads after the priority is set: a spare worker's start-up (a second of CPU) takes only spare CPU too.
// Messages wait in the port meanwhile.
const { extractArticle } = await import('../pipeline.js');
const { mentionModel } = await import('../stages/02-find-mentions.js');

// Loaded now, not on the first article: the worker starts while the main thread is still opening Neo4j.
// A model that fails to load fails each article instead, as the pool expects of a broken setup.
try {
  mentionModel();
} catch {
  // Reported by the first extraction.
}

parentPort!.on('message', (message: ToWorker) => {
  if ('decisions' in message) {
    decisions = fromTransfer(message.decisions);
    return;
  }
  const request = message;
  let response: ExtractResponse;
  try {
    if (!decisions) throw new Error('extraction worker: an article came before the analyst decisions');
    response = { id: request.id, extraction: extractArticle(request.article, decisions) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) };
  }
  parentPort!.postMessage(response);
});
