// Who may write, as a matrix: every write route the API publishes (read from its own OpenAPI document, so
// a new route cannot be left out) × every role × a server that answers only this machine or the network.
// Requests carry no valid body or an unknown id: a caller allowed through gets 400 or 404, and nothing in
// the graph changes whoever asks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createAnalyst } from '../../core/src/queries/analysts.js';
import { loadFixtures } from '../_setup/api-fixtures.js';
import { startTestServer, type TestServer } from '../_setup/api-server.js';
import { snapshot } from '../_setup/api-snapshot.js';
import { openTestGraph, wipe } from '../_setup/test-graph.js';

type Caller = 'anonymous' | 'viewer' | 'analyst' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'viewer', 'analyst', 'admin'];

const UNAUTHENTICATED = '401 unauthenticated';
const FORBIDDEN = '403 forbidden';
const THROUGH = 'through';

/** What each caller is told, per kind of server: refused (status and error code), or let through to the route itself. */
const EXPECTED: Record<'loopback' | 'network', Record<Caller, string>> = {
  // On a loopback-only server the local user writes under their own name, without signing in.
  loopback: { anonymous: THROUGH, viewer: FORBIDDEN, analyst: THROUGH, admin: THROUGH },
  network: { anonymous: UNAUTHENTICATED, viewer: FORBIDDEN, analyst: THROUGH, admin: THROUGH },
};

interface WriteRoute {
  method: string;
  path: string;
}

describe('write access, every route × role × bind address', () => {
  let graph: Graph;
  const tokens = new Map<Caller, string | undefined>([['anonymous', undefined]]);
  beforeAll(async () => {
    graph = await openTestGraph();
    await wipe(graph);
    await loadFixtures(graph);
    for (const role of ['viewer', 'analyst', 'admin'] as const) tokens.set(role, (await createAnalyst(graph, `matrix-${role}`, role)).token);
  });
  afterAll(async () => graph?.close());

  for (const bind of ['loopback', 'network'] as const) {
    describe(`a server bound to ${bind === 'loopback' ? '127.0.0.1' : '0.0.0.0'}`, () => {
      let api: TestServer;
      beforeAll(async () => {
        api = await startTestServer(graph, { host: bind === 'loopback' ? '127.0.0.1' : '0.0.0.0' });
      });
      afterAll(async () => api?.close());

      it('answers every write as documented, and nothing in the graph changes', async () => {
        const routes = await writeRoutes(api);
        // The API's own list: if it shrank to nothing, this test would prove nothing.
        expect(routes.length).toBeGreaterThanOrEqual(11);
        const before = await snapshot(graph);
        const answers: string[] = [];
        const expected: string[] = [];
        for (const route of routes) {
          for (const caller of CALLERS) {
            const response = await api.call(route.method, route.path, { token: tokens.get(caller), body: {} });
            // 400 (no valid body) and 404 (unknown id) come from the route itself; anything else is shown as it is.
            const outcome = response.status === 400 || response.status === 404 ? THROUGH : `${response.status} ${response.body?.error?.code}`;
            answers.push(`${route.method} ${route.path} as ${caller}: ${outcome}`);
            expected.push(`${route.method} ${route.path} as ${caller}: ${EXPECTED[bind][caller]}`);
          }
        }
        expect(answers).toEqual(expected);
        expect(await snapshot(graph)).toEqual(before);
        // Refused and invalid writes leave no trace in the audit either.
        const audit = await api.call('GET', '/api/audit');
        expect(audit.body.events).toEqual([]);
      });

      it('never hands a token back', async () => {
        for (const caller of CALLERS) {
          const token = tokens.get(caller);
          const me = await api.call('GET', '/api/me', { token });
          expect(me.status).toBe(200);
          if (token) expect(JSON.stringify(me.body)).not.toContain(token);
        }
        const login = await api.call('POST', '/api/login', { body: { token: tokens.get('analyst') } });
        expect(JSON.stringify(login.body)).not.toContain(tokens.get('analyst'));
      });
    });
  }
});

/** Every operation the OpenAPI document marks as needing a bearer token, its path parameters filled with an unknown id. */
async function writeRoutes(api: TestServer): Promise<WriteRoute[]> {
  const doc = (await api.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { security?: unknown }>> };
  const routes: WriteRoute[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (!operation.security) continue;
      routes.push({ method: method.toUpperCase(), path: path.replace(/\{\w+\}/g, 'no-such-id') });
    }
  }
  return routes;
}
