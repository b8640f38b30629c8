/**
 * Who is asking. `identify` reads a bearer token (a wrong one is a 401, not
 * an anonymous request); `requireAnalyst` guards writes: a viewer gets 403,
 * nobody gets 401, except when the server only answers this machine and
 * `allowLocalDefault` lets the local user write under their own name.
 */
import os from 'node:os';
import type { RequestHandler, Response } from 'express';
import { AuthError } from '../../../core/src/errors.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import { findAnalystByToken, type Analyst } from '../../../core/src/queries/analysts.js';

const KEY = 'analyst';

export function currentAnalyst(res: Response): Analyst | undefined {
  return res.locals[KEY] as Analyst | undefined;
}

/** The local single user's name: ACTORGRAPH_ANALYST, else the OS account. */
export function localAnalystName(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.ACTORGRAPH_ANALYST?.trim();
  if (fromEnv) return fromEnv;
  try {
    return os.userInfo().username || 'local';
  } catch {
    return 'local';
  }
}

export function identify(graph: Graph): RequestHandler {
  return async function identifyAnalyst(req, res, next) {
    const header = req.get('authorization');
    if (!header) return next();
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new AuthError('Authorization must be "Bearer <token>"');
    const analyst = await findAnalystByToken(graph, match[1]);
    if (!analyst) throw new AuthError('Unknown or revoked token');
    res.locals[KEY] = analyst;
    next();
  };
}

export interface RequireAnalystOptions {
  /** Let requests without a token write as the local user (loopback-only servers). */
  allowLocalDefault: boolean;
  /** Name writes are attributed to in that case. */
  localName?: string;
}

export function requireAnalyst({ allowLocalDefault, localName = localAnalystName() }: RequireAnalystOptions): RequestHandler {
  return function requireWriter(_req, res, next) {
    const analyst = currentAnalyst(res);
    if (!analyst) {
      if (!allowLocalDefault) throw new AuthError('Sign in to change anything: send "Authorization: Bearer <token>"');
      res.locals[KEY] = { name: localName, role: 'admin' } satisfies Analyst;
      return next();
    }
    if (analyst.role === 'viewer') throw new AuthError(`${analyst.name} is a viewer and may not change anything`, 403);
    next();
  };
}
