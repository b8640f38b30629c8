/**
 * The Express app: the JSON API under /api and the built explorer at /.
 * Built from its dependencies, so tests run it against any Neo4j.
 */
import express, { type Express } from 'express';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { healthRoutes } from './routes/health.js';

export interface AppOptions {
  graph: Graph;
  /** Folder of the built client; the default is Vite's output, dist/client. */
  clientDir?: string;
}

const DEFAULT_CLIENT_DIR = fileURLToPath(new URL('../../dist/client/', import.meta.url));

export function createApp({ graph, clientDir = DEFAULT_CLIENT_DIR }: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb' }));

  app.use('/api', healthRoutes(graph));
  app.use('/api', notFoundHandler);

  if (existsSync(clientDir)) app.use(express.static(clientDir));
  app.use(errorHandler);
  return app;
}
