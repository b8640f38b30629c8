/**
 * The one place errors become HTTP answers: an AppError keeps its status and
 * code; anything else is logged here and answered as a bare 500, so no stack
 * trace or Cypher ever reaches a client.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, NotFoundError } from '../../../core/src/errors.js';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new NotFoundError(`No route ${req.method} ${req.baseUrl}${req.path}`);
};

export const errorHandler: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message, details: error.details } };
    res.status(error.status).json(body);
    return;
  }
  // Express's own errors (malformed JSON, body too large) carry a status.
  const status = typeof error?.status === 'number' && error.status < 500 ? error.status : 500;
  if (status === 500) console.error(error);
  const message = status === 500 ? 'Internal server error' : String(error.message ?? 'Bad request');
  const body: ErrorBody = { error: { code: status === 500 ? 'internal' : 'bad_request', message } };
  res.status(status).json(body);
};
