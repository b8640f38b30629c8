/**
 * Runs extraction for the pool: one article in, its Extraction out.
 * A failing article answers with an error; the worker carries on.
 */
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../pipeline.js';
import { fromTransfer, type ExtractRequest, type ExtractResponse, type WorkerInit } from './messages.js';

const init = workerData as WorkerInit;
const decisions = fromTransfer(init.decisions);

if (init.background) {
  // A spare worker uses only CPU nothing else wants. On Linux this lowers this thread alone, not the process.
  try {
    os.setPriority(os.constants.priority.PRIORITY_LOW);
  } catch {
    // Not allowed here: it still extracts, at the priority it has.
  }
}

parentPort!.on('message', (request: ExtractRequest) => {
  let response: ExtractResponse;
  try {
    response = { id: request.id, extraction: extractArticle(request.article, decisions) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) };
  }
  parentPort!.postMessage(response);
});
