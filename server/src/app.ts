/**
 * The Express app: the JSON API under /api and the built explorer at /.
 * Built from its dependencies, so tests run it against any Neo4j.
 */
import express, { Router, type Express } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isLoopbackHost } from '../../core/src/config.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { buildOpenApi } from './api/openapi.js';
import { ApiRoutes } from './api/route.js';
import { identify, localAnalystName, requireAnalyst } from './middleware/auth.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { loginRateLimit, securityHeaders } from './middleware/security.js';
import { annotationRoutes } from './routes/annotations.js';
import { curationRoutes } from './routes/curation.js';
import { exploreRoutes } from './routes/explore.js';
import { healthRoutes } from './routes/health.js';
import { sessionRoutes } from './routes/session.js';

export interface AppOptions {
  graph: Graph;
  /** Folder of the built client; the default is Vite's output, dist/client. */
  clientDir?: string;
  /**
   * The interface the server is bound to. On loopback (the default) a
   * request without a token may write as the local user; beyond it, every
   * write needs an analyst's token.
   */
  host?: string;
  /** Who anonymous local writes are attributed to; ACTORGRAPH_ANALYST or the OS user by default. */
  localAnalyst?: string;
  /** Failed sign-in attempts allowed per minute and address. */
  loginAttemptsPerMinute?: number;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export function createApp({
  graph,
  clientDir = DEFAULT_CLIENT_DIR,
  host = '127.0.0.1',
  localAnalyst = localAnalystName(),
  loginAttemptsPerMinute = 10,
}: AppOptions): Express {
  const allowLocalDefault = isLoopbackHost(host);
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  app.use(express.json({ limit: '1mb' }));

  app.use('/api', healthRoutes(graph));
  app.use('/api', loginRateLimit(loginAttemptsPerMinute));
  app.use('/api', identify(graph));

  const router = Router();
  const api = new ApiRoutes(router, requireAnalyst({ allowLocalDefault, localName: localAnalyst }));
  sessionRoutes(api, graph, { allowLocalDefault, localName: localAnalyst });
  exploreRoutes(api, graph);
  annotationRoutes(api, graph);
  curationRoutes(api, graph);
  const openapi = buildOpenApi(api.specs, VERSION);
  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/api', router);
  app.use('/api', notFoundHandler);

  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(errorHandler);
  return app;
}
