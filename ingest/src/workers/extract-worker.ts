/**
 * Runs extraction for the pool: one article in, its Extraction out.
 * A failing article answers with an error; the worker carries on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractArticle } from '../pipeline.js';
import { fromTransfer, type ExtractRequest, type ExtractResponse, type WorkerInit } from './messages.js';

const decisions = fromTransfer((workerData as WorkerInit).decisions);

parentPort!.on('message', (request: ExtractRequest) => {
  let response: ExtractResponse;
  try {
    response = { id: request.id, extraction: extractArticle(request.article, decisions) };
  } catch (error) {
    response = { id: request.id, error: (error as Error).message ?? String(error) };
  }
  parentPort!.postMessage(response);
});
