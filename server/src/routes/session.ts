/** Who am I, and is sign-in needed: what the client asks before offering edits. */
import { AuthError } from '../../../core/src/errors.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import { findAnalystByToken } from '../../../core/src/queries/analysts.js';
import type { ApiRoutes } from '../api/route.js';
import * as S from '../api/schemas.js';
import { currentAnalyst } from '../middleware/auth.js';

export interface SessionOptions {
  allowLocalDefault: boolean;
  localName: string;
}

export function sessionRoutes(api: ApiRoutes, graph: Graph, { allowLocalDefault, localName }: SessionOptions): void {
  api.add({ method: 'get', path: '/me', tag: 'session', summary: 'The analyst this request acts as, and whether sign-in is required to write' }, async ({ res }) => {
    const analyst = currentAnalyst(res);
    return {
      analyst: analyst ?? (allowLocalDefault ? { name: localName, role: 'admin', local: true } : null),
      signInRequired: !allowLocalDefault,
      canWrite: analyst ? analyst.role !== 'viewer' : allowLocalDefault,
    };
  });

  // Rate-limited in app.ts (failed attempts only).
  api.add(
    { method: 'post', path: '/login', tag: 'session', summary: 'Check a token and say whose it is; send it as a Bearer token afterwards', body: S.LoginBody },
    async ({ body }) => {
      const analyst = await findAnalystByToken(graph, body.token);
      if (!analyst) throw new AuthError('Unknown or revoked token');
      return { analyst };
    },
  );
}
