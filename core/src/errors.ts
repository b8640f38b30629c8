/**
 * The one error hierarchy of Actorgraph. Every error the product raises on
 * purpose is an AppError: it carries a stable `code` that tests and clients
 * check (never the message) and the HTTP status it maps to.
 */

export interface AppErrorOptions {
  details?: unknown;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, status: number, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.status = status;
    this.details = options.details;
  }
}

/** A request or an input names something that does not exist. */
export class NotFoundError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('not_found', 404, message, options);
  }
}

/** A parameter, a body or a configuration value is not acceptable; `details` says which. */
export class ValidationError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('invalid_request', 400, message, options);
  }
}

/** An input file or record could not be read; `details` names where (path, line). */
export class InputError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('bad_input', 422, message, options);
  }
}

/** The caller is not signed in, or may not do this. */
export class AuthError extends AppError {
  constructor(message: string, status: 401 | 403 = 401, options?: AppErrorOptions) {
    super(status === 401 ? 'unauthenticated' : 'forbidden', status, message, options);
  }
}

/** Someone else changed the thing first (version check failed). */
export class ConflictError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('conflict', 409, message, options);
  }
}

/** Neo4j cannot be reached or refused to start; retrying later may work. */
export class DatabaseUnavailableError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('database_unavailable', 503, message, options);
  }
}

/** The embedded Neo4j's data folder is already used by another running instance. */
export class DataDirInUseError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('data_dir_in_use', 409, message, options);
  }
}

/** Something needed on this machine (Java, Maven, the Neo4j jars) is missing. */
export class SetupError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('setup_missing', 500, message, options);
  }
}

/** A query ran past its time budget (e.g. a path search across hubs); narrowing the question helps. */
export class QueryTimeoutError extends AppError {
  constructor(message: string, options?: AppErrorOptions) {
    super('query_timeout', 504, message, options);
  }
}
