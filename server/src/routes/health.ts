/** GET /api/health: is the server up, and can it reach Neo4j right now? */
import { Router } from 'express';
import type { Graph } from '../../../core/src/neo4j/connect.js';

export function healthRoutes(graph: Graph): Router {
  const router = Router();
  router.get('/health', async (_req, res) => {
    const started = Date.now();
    try {
      const { records } = await graph.driver.executeQuery(
        'CALL dbms.components() YIELD versions, edition RETURN versions[0] AS version, edition',
        {},
        // A read: behind a cluster, any member that answers says Neo4j is up for the explorer.
        { database: graph.database, routing: 'READ' },
      );
      res.json({
        status: 'ok',
        neo4j: {
          status: 'up',
          version: records[0]?.get('version'),
          edition: records[0]?.get('edition'),
          embedded: Boolean(graph.embedded),
          latencyMs: Date.now() - started,
        },
      });
    } catch (error) {
      res.status(503).json({
        status: 'degraded',
        neo4j: { status: 'down', embedded: Boolean(graph.embedded), message: (error as Error).message },
      });
    }
  });
  return router;
}
