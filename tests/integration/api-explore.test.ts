// The explorer's questions over HTTP against the real server and Neo4j:
// search, entity, neighbourhood, paths with evidence, link evidence,
// article, timelines, top view, the OpenAPI document and input validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { ACTORS, ARTICLES, loadFixtures } from '../_setup/api-fixtures.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { openTestGraph } from '../_setup/test-graph.js';

const { quinlan, renn, varga, alliance, norway, otherRenn } = ACTORS;

describe('explorer API on the fixture world', () => {
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

  describe('GET /api/search', () => {
    it('finds an actor by an alias it was called in one article', async () => {
      const { status, body } = await api.call('GET', '/api/search?q=Toby');
      expect(status).toBe(200);
      expect(body.results[0]).toMatchObject({ id: renn.id, type: 'Person', aliases: expect.arrayContaining(['Toby Renn']) });
    });

    it('tolerates a typo', async () => {
      const { body } = await api.call('GET', '/api/search?q=Quinlen');
      expect(body.results[0].id).toBe(quinlan.id);
    });

    it('completes a prefix', async () => {
      const { body } = await api.call('GET', '/api/search?q=Harb');
      expect(body.results[0].id).toBe(alliance.id);
    });

    it('tells two Renns apart by their counts, the more mentioned first', async () => {
      const { body } = await api.call('GET', '/api/search?q=Renn&type=Person');
      const ids = body.results.map((r: { id: string }) => r.id);
      expect(ids.slice(0, 2).sort()).toEqual([otherRenn.id, renn.id].sort());
      const tobias = body.results.find((r: { id: string }) => r.id === renn.id);
      const aldo = body.results.find((r: { id: string }) => r.id === otherRenn.id);
      expect(tobias.mentionCount).toBeGreaterThan(aldo.mentionCount);
      expect(tobias.articleCount).toBe(2);
      expect(aldo.articleCount).toBe(1);
    });

    it('filters by type', async () => {
      const { body } = await api.call('GET', '/api/search?q=Renn&type=Organization');
      expect(body.results.every((r: { type: string }) => r.type === 'Organization')).toBe(true);
    });
  });

  describe('GET /api/entities/:id', () => {
    it('gives aliases, counts, articles newest first, strongest links and relations', async () => {
      const { status, body } = await api.call('GET', `/api/entities/${enc(renn.id)}`);
      expect(status).toBe(200);
      expect(body.entity).toMatchObject({ id: renn.id, name: 'Tobias Renn', type: 'Person', articleCount: 2 });
      expect(body.articles.total).toBe(2);
      expect(body.articles.items.map((a: { id: string }) => a.id)).toEqual([ARTICLES[1].id, ARTICLES[0].id]);
      expect(body.links.map((l: { entity: { id: string } }) => l.entity.id)).toEqual(
        expect.arrayContaining([quinlan.id, varga.id, alliance.id]),
      );
      expect(body.relations).toEqual(
        expect.arrayContaining([expect.objectContaining({ type: 'LEADS', direction: 'out', other: expect.objectContaining({ id: alliance.id }) })]),
      );
      expect(body.annotations).toEqual([]);
    });

    it('pages the articles', async () => {
      const { body } = await api.call('GET', `/api/entities/${enc(renn.id)}?articleLimit=1&articleOffset=1`);
      expect(body.articles.items.map((a: { id: string }) => a.id)).toEqual([ARTICLES[0].id]);
    });

    it('is a 404 for an unknown id', async () => {
      const { status, body } = await api.call('GET', '/api/entities/person:nobody');
      expect(status).toBe(404);
      expect(body.error.code).toBe('not_found');
    });
  });

  describe('GET /api/entities/:id/neighbours', () => {
    it('answers Cytoscape elements with the centre, its neighbours and the links among them', async () => {
      const { status, body } = await api.call('GET', `/api/entities/${enc(quinlan.id)}/neighbours`);
      expect(status).toBe(200);
      const ids = body.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(ids.sort()).toEqual([quinlan.id, renn.id, norway.id, alliance.id].sort());
      for (const n of body.nodes) expect(n.data).toMatchObject({ id: expect.any(String), type: expect.any(String), label: expect.any(String) });
      for (const e of body.edges) {
        expect(ids).toContain(e.data.source);
        expect(ids).toContain(e.data.target);
      }
      // Norway and the Alliance are linked to each other, not only to the centre.
      expect(body.edges.map((e: { data: { id: string } }) => e.data.id)).toContain(`${norway.id}|${alliance.id}`);
      expect(body.page).toMatchObject({ offset: 0, total: 3, nextOffset: null });
    });

    it('pages a hub with an explicit marker instead of cutting silently', async () => {
      const { body } = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours?limit=2`);
      expect(body.nodes).toHaveLength(3);
      expect(body.page.total).toBeGreaterThan(2);
      expect(body.page.nextOffset).toBe(2);
      const centre = body.nodes.find((n: { data: { id: string } }) => n.data.id === renn.id);
      expect(centre.data.more).toBe(body.page.total - 2);
      const next = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours?limit=2&offset=2`);
      const first = body.nodes.map((n: { data: { id: string } }) => n.data.id).filter((id: string) => id !== renn.id);
      const second = next.body.nodes.map((n: { data: { id: string } }) => n.data.id).filter((id: string) => id !== renn.id);
      expect(second.some((id: string) => first.includes(id))).toBe(false);
    });

    it('reaches two hops at depth 2 and filters by type and date', async () => {
      const one = await api.call('GET', `/api/entities/${enc(quinlan.id)}/neighbours?depth=1`);
      const two = await api.call('GET', `/api/entities/${enc(quinlan.id)}/neighbours?depth=2`);
      const ids = (b: { nodes: Array<{ data: { id: string } }> }) => b.nodes.map((n) => n.data.id);
      expect(ids(one.body)).not.toContain(varga.id);
      expect(ids(two.body)).toContain(varga.id);
      const people = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours?type=Person`);
      expect(people.body.nodes.filter((n: { data: { id: string } }) => n.data.id !== renn.id).every((n: { data: { type: string } }) => n.data.type === 'Person')).toBe(true);
      const february = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours?from=2025-02-01&to=2025-02-28`);
      expect(ids(february.body)).toContain(varga.id);
      expect(ids(february.body)).not.toContain(quinlan.id);
    });
  });

  describe('GET /api/paths', () => {
    it('finds several shortest paths between actors two hops apart, with evidence for every hop', async () => {
      const { status, body } = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}`);
      expect(status).toBe(200);
      // A small world: the search looks everywhere it means to (issue #14).
      expect(body).toMatchObject({ stoppedEarly: false, throughHubs: false });
      const shortest = body.paths.filter((p: { length: number }) => p.length === 2);
      expect(shortest.length).toBeGreaterThanOrEqual(2);
      const lengths = body.paths.map((p: { length: number }) => p.length);
      expect(lengths).toEqual([...lengths].sort());
      for (const path of body.paths) {
        expect(path.nodes[0]).toBe(quinlan.id);
        expect(path.nodes.at(-1)).toBe(varga.id);
      }
      const middles = shortest.map((p: { nodes: string[] }) => p.nodes[1]);
      expect(middles).toEqual(expect.arrayContaining([renn.id, norway.id]));
      for (const edge of body.edges) {
        expect(edge.data.evidenceTotal).toBeGreaterThan(0);
        const sentence = edge.data.evidence[0];
        expect(sentence.article).toMatchObject({ id: expect.any(String), title: expect.any(String), published: expect.any(String) });
        const names = sentence.highlights.map((h: { start: number; end: number }) => sentence.text.slice(h.start, h.end));
        expect(names.length).toBeGreaterThanOrEqual(2);
      }
    });

    it('avoids a hub or an entity type when asked', async () => {
      const avoiding = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}&avoid=${enc(renn.id)}`);
      expect(avoiding.body.paths.every((p: { nodes: string[] }) => !p.nodes.includes(renn.id))).toBe(true);
      expect(avoiding.body.paths.length).toBeGreaterThan(0);
      const noCountries = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}&excludeTypes=Country`);
      expect(noCountries.body.paths.every((p: { nodes: string[] }) => !p.nodes.includes(norway.id))).toBe(true);
      // The ends are always allowed, whatever their type or the avoid list.
      const toCountry = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=${enc(norway.id)}&excludeTypes=Country&avoid=${enc(norway.id)}`);
      expect(toCountry.body.paths.length).toBeGreaterThan(0);
      for (const path of toCountry.body.paths) expect([path.nodes[0], path.nodes.at(-1)]).toEqual([quinlan.id, norway.id]);
    });

    it('is a 404 when an end is unknown', async () => {
      const { status } = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=person:nobody`);
      expect(status).toBe(404);
    });
  });

  describe('GET /api/links/:a/:b/evidence', () => {
    it('gives the sentences naming both, with highlights and their articles, newest first, and the typed facts', async () => {
      const { status, body } = await api.call('GET', `/api/links/${enc(renn.id)}/${enc(alliance.id)}/evidence`);
      expect(status).toBe(200);
      expect(body.link.weight).toBeGreaterThan(0);
      // Two sentences name both; the link's two articles add four context sentences naming one of them.
      expect(body.sentences).toMatchObject({ direct: 2, total: 6 });
      const direct = body.sentences.items.filter((s: { both: boolean }) => s.both);
      expect(body.sentences.items.slice(0, 2)).toEqual(direct);
      const dates = direct.map((s: { article: { published: string } }) => s.article.published);
      expect(dates).toEqual([...dates].sort().reverse());
      const first = body.sentences.items[0];
      expect(first.article).toMatchObject({ id: ARTICLES[1].id, title: ARTICLES[1].title, source: 'Example Wire', url: ARTICLES[1].id });
      const highlighted = first.highlights.map((h: { start: number; end: number; entityId: string }) => [first.text.slice(h.start, h.end), h.entityId]);
      expect(highlighted).toEqual(expect.arrayContaining([['Harbour Alliance', alliance.id]]));
      expect(body.relations).toEqual([expect.objectContaining({ type: 'LEADS', source: renn.id, target: alliance.id })]);
    });
  });

  describe('GET /api/articles/:id', () => {
    it("gives the text with every mention's offsets and entity", async () => {
      const { status, body } = await api.call('GET', `/api/articles/${enc(ARTICLES[0].id)}`);
      expect(status).toBe(200);
      expect(body.text).toBe(ARTICLES[0].text);
      const spans = body.mentions.map((m: { start: number; end: number; entityId: string }) => [body.text.slice(m.start, m.end), m.entityId]);
      expect(spans).toEqual(expect.arrayContaining([['Marta Quinlan', quinlan.id], ['Quinlan', quinlan.id], ['Renn', renn.id], ['Norway', norway.id]]));
    });

    it('is a 404 for an unknown article', async () => {
      expect((await api.call('GET', `/api/articles/${enc('https://example.test/none')}`)).status).toBe(404);
    });
  });

  describe('timelines', () => {
    it('counts an entity per month', async () => {
      const { body } = await api.call('GET', `/api/entities/${enc(varga.id)}/timeline`);
      expect(body.buckets.map((b: { period: string }) => b.period)).toEqual(['2025-02', '2025-03']);
      expect(body.buckets[0]).toMatchObject({ articles: 1, mentions: 2 });
    });

    it('counts a link per month', async () => {
      const { body } = await api.call('GET', `/api/links/${enc(renn.id)}/${enc(alliance.id)}/timeline`);
      expect(body.buckets).toEqual([
        { period: '2025-01', mentions: 1, articles: 1 },
        { period: '2025-02', mentions: 1, articles: 1 },
      ]);
    });
  });

  describe('GET /api/top', () => {
    it('starts with the most mentioned actors and the links among them', async () => {
      const { body } = await api.call('GET', '/api/top?limit=3');
      expect(body.nodes).toHaveLength(3);
      const counts = body.nodes.map((n: { data: { mentionCount: number } }) => n.data.mentionCount);
      expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
      expect(body.edges.length).toBeGreaterThan(0);
      const byDegree = await api.call('GET', '/api/top?by=degree&limit=1');
      expect(byDegree.body.nodes[0].data.degree).toBeGreaterThanOrEqual(4);
    });
  });

  describe('the contract', () => {
    it('answers 400 naming the offending field', async () => {
      const cases: Array<[string, string]> = [
        ['/api/search', 'q'],
        ['/api/search?q=x&limit=5000', 'limit'],
        ['/api/search?q=x&type=Planet', 'type.0'],
        [`/api/entities/${enc(renn.id)}/neighbours?depth=4`, 'depth'],
        [`/api/entities/${enc(renn.id)}/neighbours?from=yesterday`, 'from'],
        [`/api/paths?from=${enc(renn.id)}`, 'to'],
        [`/api/paths?from=${enc(renn.id)}&to=${enc(varga.id)}&max=99`, 'max'],
        ['/api/top?by=fame', 'by'],
      ];
      for (const [path, field] of cases) {
        const { status, body } = await api.call('GET', path);
        expect({ path, status, code: body.error.code, field: body.error.details.field }).toEqual({ path, status: 400, code: 'invalid_request', field });
        expect(body.error.message).toContain(field.split('.')[0]);
      }
    });

    it('publishes an OpenAPI document generated from the validating schemas', async () => {
      const { status, body } = await api.call('GET', '/api/openapi.json');
      expect(status).toBe(200);
      expect(body.openapi).toMatch(/^3\./);
      const neighbours = body.paths['/api/entities/{id}/neighbours'].get;
      const depth = neighbours.parameters.find((p: { name: string }) => p.name === 'depth');
      expect(depth.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 3 });
      expect(body.paths['/api/annotations'].post.requestBody).toBeDefined();
      expect(body.paths['/api/entities/{id}/merge'].post.security).toEqual([{ bearer: [] }]);
    });

    it('sends security headers', async () => {
      const { headers } = await api.call('GET', '/api/health');
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('refuses a body over the size limit', async () => {
      const { status, body } = await api.call('POST', '/api/annotations', {
        body: { targetKind: 'entity', targetId: renn.id, text: 'x'.repeat(2_000_000) },
      });
      expect(status).toBe(413);
      expect(body.error).toBeDefined();
    });
  });
});
