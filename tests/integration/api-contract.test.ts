// The API's contract under hostile or unlucky conditions: Cypher- and
// Lucene-injection strings in every parameter are inert, and a Neo4j that
// goes away mid-session gives 503 with a clear message, then recovers by
// itself when it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { ACTORS, ARTICLES, loadFixtures } from '../_setup/api-fixtures.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { startOwnNeo4j, type OwnNeo4j } from '../_setup/own-neo4j.js';
import { openTestGraph } from '../_setup/test-graph.js';

const INJECTIONS = [
  "' OR 1=1 //",
  '"}) DETACH DELETE n //',
  "x'}) MATCH (n) DETACH DELETE n RETURN 1 //",
  '`Entity`) DETACH DELETE n //',
  'name:*',
  '*:*',
  '"',
  '\\',
  '$id',
  '{id: 1}',
];

async function census(graph: Graph) {
  const { records } = await graph.driver.executeQuery(
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels',
  );
  return records[0].toObject();
}

describe('injection strings', () => {
  let graph: Graph;
  let api: TestServer;
  beforeAll(async () => {
    graph = await openTestGraph();
    await loadFixtures(graph);
    api = await startTestServer(graph);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('are inert in every read parameter: no 500, nothing matched by accident, nothing changed', async () => {
    const before = await census(graph);
    const renn = enc(ACTORS.renn.id);
    for (const raw of INJECTIONS) {
      const x = enc(raw);
      const requests = [
        `/api/search?q=${x}`,
        `/api/search?q=Renn&type=${x}`,
        `/api/entities/${x}`,
        `/api/entities/${x}/neighbours`,
        `/api/entities/${renn}/neighbours?type=${x}`,
        `/api/entities/${renn}/neighbours?from=${x}`,
        `/api/entities/${renn}/neighbours?minWeight=${x}`,
        `/api/entities/${x}/timeline`,
        `/api/paths?from=${x}&to=${renn}`,
        `/api/paths?from=${renn}&to=${enc(ACTORS.varga.id)}&avoid=${x}`,
        `/api/paths?from=${renn}&to=${enc(ACTORS.varga.id)}&excludeTypes=${x}`,
        `/api/links/${x}/${renn}/evidence`,
        `/api/links/${renn}/${x}/timeline`,
        `/api/articles/${x}`,
        `/api/top?by=${x}`,
        `/api/annotations?targetId=${x}&tag=${x}&author=${x}`,
        `/api/audit?targetId=${x}&analyst=${x}&action=${x}`,
      ];
      for (const url of requests) {
        const { status, body } = await api.call('GET', url);
        expect([200, 400, 404], `${url} -> ${status} ${JSON.stringify(body)}`).toContain(status);
        // The input may be echoed back as data; driver errors, Cypher errors or stack traces never are.
        if (status !== 200) expect(JSON.stringify(body)).not.toMatch(/Neo4jError|Neo\.ClientError|SyntaxError|\.ts:\d+/);
      }
    }
    // Lucene syntax is text, not a query: `name:*` or `*:*` must not list the index.
    for (const raw of ['name:*', '*:*', '*', '?', 'Renn OR *']) {
      const { body } = await api.call('GET', `/api/search?q=${enc(raw)}`);
      expect(body.results.map((r: { id: string }) => r.id).filter((id: string) => id !== ACTORS.renn.id && id !== ACTORS.otherRenn.id)).toEqual([]);
    }
    expect(await census(graph)).toEqual(before);
  });

  it('are stored as plain text in writes, and unknown ids stay unknown', async () => {
    const renn = ACTORS.renn.id;
    for (const raw of INJECTIONS) {
      const note = await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: renn, text: raw, tags: [raw] } });
      expect(note.status).toBe(201);
      expect(note.body).toMatchObject({ text: raw, tags: [raw] });
      expect((await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: raw, text: 'x' } })).status).toBe(404);
      expect((await api.call('POST', `/api/entities/${enc(renn)}/merge`, { body: { into: raw } })).status).toBe(404);
      expect([400, 404]).toContain((await api.call('POST', `/api/merges/${enc(raw)}/undo`)).status);
      expect([400, 404]).toContain((await api.call('PATCH', `/api/annotations/${enc(raw)}`, { body: { text: 'x', version: 1 } })).status);
    }
    const renamed = await api.call('PATCH', `/api/entities/${enc(renn)}`, { body: { name: INJECTIONS[1] } });
    expect(renamed.body.entity.name).toBe(INJECTIONS[1]);
    const { records } = await graph.driver.executeQuery('MATCH (e:Entity) RETURN count(e) AS n');
    expect(records[0].get('n')).toBe(Object.keys(ACTORS).length);
    expect((await api.call('GET', `/api/articles/${enc(ARTICLES[0].id)}`)).status).toBe(200);
  });
});

describe('Neo4j stopped mid-session', () => {
  let neo4j: OwnNeo4j;
  let api: TestServer;

  beforeAll(async () => {
    neo4j = await startOwnNeo4j('api-outage');
    await loadFixtures(neo4j.graph);
    api = await startTestServer(neo4j.graph);
  });
  afterAll(async () => {
    await api?.close();
    await neo4j?.close();
  });

  it('answers 503 with a clear message while Neo4j is down, and recovers by itself when it is back', async () => {
    const url = `/api/entities/${enc(ACTORS.renn.id)}`;
    expect((await api.call('GET', url)).status).toBe(200);

    await neo4j.stop();
    for (const request of [url, '/api/search?q=Renn', `/api/paths?from=${enc(ACTORS.renn.id)}&to=${enc(ACTORS.varga.id)}`]) {
      const started = Date.now();
      const { status, body } = await api.call('GET', request);
      expect(status).toBe(503);
      expect(body.error.code).toBe('database_unavailable');
      expect(body.error.message).toMatch(/Neo4j/);
      expect(JSON.stringify(body)).not.toMatch(/\.ts:|MATCH/);
      // Promptly: the API does not sit in the driver's retry loop.
      expect(Date.now() - started).toBeLessThan(12_000);
    }
    const write = await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: ACTORS.renn.id, text: 'x' } });
    expect(write.status).toBe(503);
    expect((await api.call('GET', '/api/health')).status).toBe(503);

    await neo4j.start();
    let status = 0;
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      status = (await api.call('GET', url)).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(status).toBe(200);
    expect((await api.call('GET', '/api/search?q=Renn')).body.results[0].id).toBe(ACTORS.renn.id);
  });
});
