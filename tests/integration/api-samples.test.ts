// The done-when checks on the project's own samples, ingested by the real
// pipeline: search by alias and with a typo, paths two or more hops long with
// evidence for every hop, annotations with author and history, a merge that
// moves aliases, links and evidence and is undone exactly, and every read route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { SAMPLES_DIR } from '../../ingest/src/load-samples.js';
import { snapshot } from '../_setup/api-snapshot.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { openTestGraph } from '../_setup/test-graph.js';

describe('the API on the ingested samples', () => {
  let graph: Graph;
  let api: TestServer;
  const idOf = async (q: string, type = 'Person') => {
    const { body } = await api.call('GET', `/api/search?q=${enc(q)}&type=${type}`);
    expect(body.results.length, `search "${q}"`).toBeGreaterThan(0);
    return body.results[0].id as string;
  };

  beforeAll(async () => {
    graph = await openTestGraph();
    const summary = await ingestPaths(graph, [SAMPLES_DIR], { workers: 0 });
    expect(summary.failed).toBe(0);
    api = await startTestServer(graph, { localAnalyst: 'sample-analyst' });
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('finds actors by an alias and with a typo', async () => {
    const nato = await api.call('GET', '/api/search?q=NATO');
    expect(nato.body.results[0]).toMatchObject({ type: 'Organization', name: expect.stringMatching(/North Atlantic Treaty Organi[sz]ation/) });
    const macron = await api.call('GET', '/api/search?q=Macrn');
    expect(macron.body.results[0]).toMatchObject({ type: 'Person', name: 'Emmanuel Macron' });
    const kim = await api.call('GET', `/api/search?q=${enc('Kim Jong un')}`);
    expect(kim.body.results[0].name).toBe('Kim Jong-un');
    expect(kim.body.results[0].articleCount).toBeGreaterThanOrEqual(2);
  });

  it('connects actors two or more hops apart, with evidence sentences for every hop', async () => {
    const moon = await idOf('Moon Jae-in');
    const macron = await idOf('Emmanuel Macron');
    const { status, body } = await api.call('GET', `/api/paths?from=${enc(moon)}&to=${enc(macron)}&max=5`);
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    expect(body.paths[0].length).toBeGreaterThanOrEqual(2);
    for (const edge of body.edges) {
      expect(edge.data.evidenceTotal, `evidence for ${edge.data.id}`).toBeGreaterThan(0);
      // Both ends are named in the hop's evidence: in one sentence, or (same-article links) across its sentences.
      const named = new Set(edge.data.evidence.flatMap((s: { highlights: Array<{ entityId: string }> }) => s.highlights.map((h) => h.entityId)));
      expect(named.has(edge.data.source) && named.has(edge.data.target), edge.data.id).toBe(true);
      expect(edge.data.evidence[0].article.title).toBeTruthy();
    }
  });

  it('answers every read route', async () => {
    const kim = await idOf('Kim Jong-un');
    const trump = await idOf('Donald Trump');
    const entity = await api.call('GET', `/api/entities/${enc(kim)}`);
    expect(entity.body.articles.items.length).toBeGreaterThanOrEqual(2);
    expect(entity.body.links.map((l: { entity: { id: string } }) => l.entity.id)).toContain(trump);
    const neighbours = await api.call('GET', `/api/entities/${enc(kim)}/neighbours?depth=2&limit=50`);
    expect(neighbours.body.nodes.length).toBeGreaterThan(3);
    const evidence = await api.call('GET', `/api/links/${enc(kim)}/${enc(trump)}/evidence`);
    expect(evidence.body.sentences.items.length).toBeGreaterThan(0);
    const article = await api.call('GET', `/api/articles/${enc(evidence.body.sentences.items[0].article.id)}`);
    expect(article.body.mentions.some((m: { entityId: string }) => m.entityId === kim)).toBe(true);
    const timeline = await api.call('GET', `/api/entities/${enc(kim)}/timeline`);
    expect(timeline.body.buckets.map((b: { period: string }) => b.period)).toContain('2018-06');
    const linkTimeline = await api.call('GET', `/api/links/${enc(kim)}/${enc(trump)}/timeline`);
    expect(linkTimeline.body.buckets.length).toBeGreaterThan(0);
    const top = await api.call('GET', '/api/top?limit=20');
    expect(top.body.nodes).toHaveLength(20);
    expect(top.body.edges.length).toBeGreaterThan(0);
  });

  it('answers with the typed relations among the actors it returns, as directed edges', async () => {
    type Edge = { data: { id: string; type: string; source: string; target: string } };
    const top = await api.call('GET', '/api/top?limit=40');
    const shown = new Set(top.body.nodes.map((n: { data: { id: string } }) => n.data.id));
    const typed: Edge[] = top.body.edges.filter((e: Edge) => e.data.type !== 'LINKED');
    expect(typed.length).toBeGreaterThan(0);
    for (const { data } of typed) {
      expect(shown.has(data.source) && shown.has(data.target), data.id).toBe(true);
      expect(data.id).toBe(`${data.type}:${data.source}>${data.target}`);
    }

    // The same fact comes with its source actor's neighbourhood.
    const [fact] = typed;
    const neighbours = await api.call('GET', `/api/entities/${enc(fact!.data.source)}/neighbours?limit=50`);
    expect(neighbours.body.edges.map((e: Edge) => e.data.id)).toContain(fact!.data.id);
  });

  it('keeps annotations with author and history', async () => {
    const kim = await idOf('Kim Jong-un');
    const created = await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: kim, text: 'Check the 2019 Hanoi summit', tags: ['todo'] } });
    const edited = await api.call('PATCH', `/api/annotations/${created.body.id}`, { body: { tags: ['done'], version: 1 } });
    expect(edited.body).toMatchObject({ author: 'sample-analyst', version: 2, tags: ['done'] });
    const read = await api.call('GET', `/api/annotations/${created.body.id}`);
    expect(read.body.history.map((h: { tags: string[] }) => h.tags)).toEqual([['todo']]);
  });

  it('merges one actor into another, moving aliases, links and evidence, and undoes it exactly', async () => {
    const moon = await idOf('Moon Jae-in');
    const kim = await idOf('Kim Jong-un');
    const before = await snapshot(graph);
    const moonLinks = (await api.call('GET', `/api/entities/${enc(moon)}?linkLimit=100`)).body.links.map((l: { entity: { id: string } }) => l.entity.id);
    const merged = await api.call('POST', `/api/entities/${enc(moon)}/merge`, { body: { into: kim } });
    expect(merged.status).toBe(200);
    expect(merged.body.entity.aliases).toContain('Moon Jae-in');
    const kimLinks = (await api.call('GET', `/api/entities/${enc(kim)}?linkLimit=100`)).body.links.map((l: { entity: { id: string } }) => l.entity.id);
    for (const other of moonLinks.filter((id: string) => id !== kim)) expect(kimLinks).toContain(other);
    expect((await api.call('GET', `/api/search?q=${enc('Moon Jae-in')}`)).body.results[0].id).toBe(kim);
    const other = moonLinks.find((id: string) => id !== kim);
    const evidence = await api.call('GET', `/api/links/${enc(kim)}/${enc(other)}/evidence`);
    expect(evidence.body.sentences.items.length).toBeGreaterThan(0);

    expect((await api.call('POST', `/api/merges/${merged.body.mergeId}/undo`)).status).toBe(200);
    expect(await snapshot(graph)).toEqual(before);
  });
});
