/**
 * Declares an API route once: its method, path, schemas and handler. The
 * route validates its input with the schemas (400 naming the offending
 * field) and records itself, so the OpenAPI document describes exactly what
 * is enforced.
 */
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import { ValidationError } from '../../../core/src/errors.js';
import type { Analyst } from '../../../core/src/queries/analysts.js';
import { currentAnalyst } from '../middleware/auth.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';
type Schema = z.ZodType;

export interface RouteSpec<Q extends Schema, P extends Schema, B extends Schema> {
  method: Method;
  /** Express path under /api, e.g. `/entities/:id`. */
  path: string;
  summary: string;
  tag: string;
  query?: Q;
  params?: P;
  body?: B;
  /** Writes need an analyst (see middleware/auth.ts). */
  write?: boolean;
  /** Status of a successful answer; 200 unless said. */
  status?: number;
  /** Extra middleware run before validation (e.g. a rate limit). */
  before?: RequestHandler[];
}

export interface HandlerInput<Q, P, B> {
  query: Q;
  params: P;
  body: B;
  /** Who is asking; always set on write routes. */
  analyst?: Analyst;
  req: Request;
  res: Response;
}

type Infer<S> = S extends Schema ? z.output<S> : undefined;

/** Everything declared so far, for the OpenAPI document. */
export type AnySpec = RouteSpec<Schema, Schema, Schema>;

export class ApiRoutes {
  readonly specs: AnySpec[] = [];

  constructor(
    private readonly router: Router,
    private readonly writeGuard: RequestHandler,
  ) {}

  add<Q extends Schema, P extends Schema, B extends Schema>(
    spec: RouteSpec<Q, P, B>,
    handler: (input: HandlerInput<Infer<Q>, Infer<P>, Infer<B>>) => Promise<unknown>,
  ): void {
    this.specs.push(spec as unknown as AnySpec);
    const guards = [...(spec.before ?? []), ...(spec.write ? [this.writeGuard] : [])];
    this.router[spec.method](spec.path, ...guards, async (req: Request, res: Response) => {
      const input = {
        query: parse(spec.query, req.query, 'query'),
        params: parse(spec.params, req.params, 'path'),
        body: parse(spec.body, req.body ?? {}, 'body'),
        analyst: currentAnalyst(res),
        req,
        res,
      } as HandlerInput<Infer<Q>, Infer<P>, Infer<B>>;
      const result = await handler(input);
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.status(spec.status ?? 200).json(result);
    });
  }
}

function parse(schema: Schema | undefined, value: unknown, location: 'query' | 'path' | 'body'): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
  const first = issues[0];
  throw new ValidationError(
    `Invalid ${location === 'path' ? 'path parameter' : location === 'query' ? 'query parameter' : 'body field'} "${first.field}": ${first.message}`,
    { details: { location, field: first.field, issues } },
  );
}
