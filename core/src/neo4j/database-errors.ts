/**
 * The one place Neo4j driver errors become Actorgraph errors: a database
 * that is gone or unreachable is a DatabaseUnavailableError (HTTP 503, stop
 * the ingest run), whatever the driver's wording.
 */
import { Neo4jError } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError } from '../errors.js';

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'ECONNREFUSED',
  'ECONNRESET',
  // Reachable, but its database is still starting (or stopping): "not currently available to serve your request".
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** True when the error says Neo4j cannot be reached right now (a retry later may work). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof DatabaseUnavailableError) return true;
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (error instanceof Neo4jError && error.retriable) return /connect|unavailable|closed/i.test(error.message);
  return false;
}

/** AppErrors pass through; an unreachable database becomes DatabaseUnavailableError; the rest is returned as is. */
export function toAppError(error: unknown, origin: string): unknown {
  if (error instanceof AppError) return error;
  if (isDatabaseUnavailable(error)) {
    return new DatabaseUnavailableError(`${origin}: Neo4j is not reachable right now; try again when it is back`, {
      cause: error,
    });
  }
  return error;
}
