// Issue #14: every read route runs its queries with READ access, so that behind a Neo4j cluster
// (NEO4J_URI=neo4j://…) the driver routes them to secondaries and only writes reach the leader.
// Each GET route of the API document is called with a bearer token (the sign-in check reads too),
// and every session and query the driver opened meanwhile must have been a read.
import type { Driver, SessionConfig } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createAnalyst } from '../../core/src/queries/analysts.js';
import { createAnnotation } from '../../core/src/queries/annotations.js';
import { ACTORS, ARTICLES, loadFixtures } from '../_setup/api-fixtures.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { openTestGraph } from '../_setup/test-graph.js';

const { quinlan, renn, varga } = ACTORS;

/** The driver, with every access mode it is asked for written down ('WRITE' is the driver's default). */
function recordingDriver(driver: Driver, modes: string[]): Driver {
  return new Proxy(driver, {
    get(target, prop) {
      if (prop === 'session') {
        return (config: SessionConfig = {}) => {
          modes.push(config.defaultAccessMode ?? 'WRITE');
          const session = target.session(config);
          // A read session may still open a write transaction explicitly.
          const executeWrite = session.executeWrite.bind(session);
          session.executeWrite = ((work: never) => (modes.push('WRITE'), executeWrite(work))) as typeof session.executeWrite;
          return session;
        };
      }
      if (prop === 'executeQuery') {
        return (query: string, params?: Record<string, unknown>, config: { routing?: string } = {}) => {
          modes.push(config.routing ?? 'WRITE');
          return target.executeQuery(query, params, config as never);
        };
      }
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

describe('read routes use read access', () => {
  let graph: Graph;
  let api: TestServer;
  let token: string;
  let annotationId: string;
  const modes: string[] = [];
  beforeAll(async () => {
    graph = await openTestGraph();
    await loadFixtures(graph);
    ({ token } = await createAnalyst(graph, 'reader', 'viewer'));
    ({ id: annotationId } = await createAnnotation(graph, { targetKind: 'entity', targetId: renn.id, text: 'leads talks', tags: [] }, 'ana'));
    api = await startTestServer({ ...graph, driver: recordingDriver(graph.driver, modes) });
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  // One call per GET route of the API document, by its documented path.
  const calls: Record<string, () => string> = {
    '/api/me': () => '/api/me',
    '/api/search': () => '/api/search?q=Renn',
    '/api/top': () => '/api/top',
    '/api/entities/{id}': () => `/api/entities/${enc(renn.id)}`,
    '/api/entities/{id}/neighbours': () => `/api/entities/${enc(renn.id)}/neighbours?depth=2&minWeight=0.5`,
    '/api/entities/{id}/timeline': () => `/api/entities/${enc(renn.id)}/timeline`,
    '/api/paths': () => `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}`,
    '/api/links/{a}/{b}/evidence': () => `/api/links/${enc(quinlan.id)}/${enc(renn.id)}/evidence`,
    '/api/links/{a}/{b}/timeline': () => `/api/links/${enc(quinlan.id)}/${enc(renn.id)}/timeline`,
    '/api/articles/{id}': () => `/api/articles/${enc(ARTICLES[0].id)}`,
    '/api/annotations': () => `/api/annotations?targetKind=entity&targetId=${enc(renn.id)}`,
    '/api/annotations/{id}': () => `/api/annotations/${annotationId}`,
    '/api/rejections': () => '/api/rejections',
    '/api/audit': () => '/api/audit',
  };

  it('has a call for every GET route the API documents', async () => {
    const { body } = await api.call('GET', '/api/openapi.json');
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    expect(Object.keys(calls).sort()).toEqual(documented.sort());
  });

  for (const [route, url] of [...Object.entries(calls), ['/api/health', () => '/api/health'] as const]) {
    it(`GET ${route} only reads`, async () => {
      modes.length = 0;
      const { status } = await api.call('GET', url(), { token });
      expect(status).toBe(200);
      expect(modes.length).toBeGreaterThan(0);
      expect(modes.filter((mode) => mode !== 'READ')).toEqual([]);
    });
  }
});
