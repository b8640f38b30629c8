// Analysts' work over HTTP: annotations with author, history and version
// checks; merges that move aliases, links and evidence and undo exactly;
// the other corrections with their audit trail; and who may write.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createAnalyst } from '../../core/src/queries/analysts.js';
import { ACTORS, ARTICLES, loadFixtures } from '../_setup/api-fixtures.js';
import { enc, startTestServer, type TestServer } from '../_setup/api-server.js';
import { snapshot } from '../_setup/api-snapshot.js';
import { openTestGraph, wipe } from '../_setup/test-graph.js';

const { quinlan, renn, varga, alliance, norway, otherRenn, chile } = ACTORS;

describe('analysts on a loopback server (single user, no sign-in)', () => {
  let graph: Graph;
  let api: TestServer;
  beforeAll(async () => {
    graph = await openTestGraph();
    api = await startTestServer(graph, { host: '127.0.0.1', localAnalyst: 'ana' });
  });
  beforeEach(async () => {
    await wipe(graph);
    await loadFixtures(graph);
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  it('says who it is and that no sign-in is needed', async () => {
    const { body } = await api.call('GET', '/api/me');
    expect(body).toMatchObject({ analyst: { name: 'ana', local: true }, signInRequired: false, canWrite: true });
  });

  describe('annotations', () => {
    it('round-trip with author, times, edits and history, and soft delete', async () => {
      const created = await api.call('POST', '/api/annotations', {
        body: { targetKind: 'entity', targetId: renn.id, text: 'Chairs the Alliance since 2024?', tags: ['check'] },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ author: 'ana', version: 1, deleted: false, targetId: renn.id, tags: ['check'] });
      expect(Date.parse(created.body.createdAt)).not.toBeNaN();
      const id = created.body.id;

      const listed = await api.call('GET', `/api/annotations?targetKind=entity&targetId=${enc(renn.id)}`);
      expect(listed.body.annotations.map((a: { id: string }) => a.id)).toEqual([id]);
      const onEntity = await api.call('GET', `/api/entities/${enc(renn.id)}`);
      expect(onEntity.body.annotations[0]).toMatchObject({ id, text: 'Chairs the Alliance since 2024?' });

      const edited = await api.call('PATCH', `/api/annotations/${id}`, { body: { text: 'Chairs the Alliance.', version: 1 } });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ text: 'Chairs the Alliance.', tags: ['check'], version: 2, author: 'ana', updatedBy: 'ana' });

      // A second editor still holding version 1 is told, not silently overwritten.
      const stale = await api.call('PATCH', `/api/annotations/${id}`, { body: { text: 'Lost update', version: 1 } });
      expect(stale.status).toBe(409);
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { currentVersion: 2 } });

      // If-Match works as well as a version in the body.
      const viaHeader = await api.call('PATCH', `/api/annotations/${id}`, { body: { tags: ['checked'] }, headers: { 'if-match': '"2"' } });
      expect(viaHeader.body).toMatchObject({ version: 3, tags: ['checked'] });
      const noVersion = await api.call('PATCH', `/api/annotations/${id}`, { body: { tags: ['x'] } });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.error.details.field).toBe('version');

      const deleted = await api.call('DELETE', `/api/annotations/${id}`, { body: { version: 3 } });
      expect(deleted.body).toMatchObject({ deleted: true, version: 4 });
      expect((await api.call('GET', `/api/annotations?targetId=${enc(renn.id)}`)).body.annotations).toEqual([]);
      const withDeleted = await api.call('GET', `/api/annotations?targetId=${enc(renn.id)}&deleted=true`);
      expect(withDeleted.body.annotations).toHaveLength(1);

      const history = await api.call('GET', `/api/annotations/${id}`);
      expect(history.headers.get('etag')).toBe('"4"');
      expect(history.body.history.map((h: { version: number; text: string }) => [h.version, h.text])).toEqual([
        [1, 'Chairs the Alliance since 2024?'],
        [2, 'Chairs the Alliance.'],
        [3, 'Chairs the Alliance.'],
      ]);

      const audit = await api.call('GET', `/api/audit?targetId=${enc(renn.id)}`);
      expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual([
        'annotation.delete',
        'annotation.update',
        'annotation.update',
        'annotation.create',
      ]);
    });

    it('annotate a link (either order of ends) and an article, and refuse unknown targets', async () => {
      const link = await api.call('POST', '/api/annotations', { body: { targetKind: 'link', targetId: `${renn.id}|${quinlan.id}`, text: 'Old friends' } });
      expect(link.status).toBe(201);
      expect(link.body.targetId).toBe(`${quinlan.id}|${renn.id}`);
      const listed = await api.call('GET', `/api/annotations?targetKind=link&targetId=${enc(`${renn.id}|${quinlan.id}`)}`);
      expect(listed.body.annotations).toHaveLength(1);

      const article = await api.call('POST', '/api/annotations', { body: { targetKind: 'article', targetId: ARTICLES[0].id, tags: ['source:verified'] } });
      expect(article.status).toBe(201);
      expect((await api.call('GET', `/api/articles/${enc(ARTICLES[0].id)}`)).body.annotations).toHaveLength(1);

      expect((await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: 'person:nobody', text: 'x' } })).status).toBe(404);
      const badLink = await api.call('POST', '/api/annotations', { body: { targetKind: 'link', targetId: renn.id, text: 'x' } });
      expect(badLink.status).toBe(400);
      expect(badLink.body.error.details.field).toBe('targetId');
    });
  });

  describe('merge', () => {
    it('moves aliases, mentions, links (weights summed), evidence, facts and notes to the target, and undoes exactly', async () => {
      // Aldo Renn turns out to be Tobias Renn under another first name (the fixture's deliberate confusion).
      await api.call('POST', '/api/annotations', { body: { targetKind: 'entity', targetId: otherRenn.id, text: 'Same person?' } });
      await api.call('POST', '/api/annotations', { body: { targetKind: 'link', targetId: `${otherRenn.id}|${chile.id}`, text: 'Restaurant' } });
      const before = await snapshot(graph);
      const rennBefore = (await api.call('GET', `/api/entities/${enc(renn.id)}`)).body.entity;
      const chileLinkBefore = (await api.call('GET', `/api/links/${enc(renn.id)}/${enc(chile.id)}/evidence`)).body;

      const merged = await api.call('POST', `/api/entities/${enc(otherRenn.id)}/merge`, { body: { into: renn.id } });
      expect(merged.status).toBe(200);
      expect(merged.body.entity.aliases).toContain('Aldo Renn');
      expect(merged.body.entity.mentionCount).toBe(rennBefore.mentionCount + 1);
      expect(merged.body.entity.articleCount).toBe(rennBefore.articleCount + 1);
      expect(merged.body.merged).toMatchObject({ id: otherRenn.id, mergedInto: renn.id });

      // The merged-away entity is out of search; its alias now finds the target.
      const search = await api.call('GET', '/api/search?q=Aldo');
      expect(search.body.results.map((r: { id: string }) => r.id)).toEqual([renn.id]);
      // Its link and evidence now belong to the target, weights summed onto the existing link.
      const chileLink = await api.call('GET', `/api/links/${enc(renn.id)}/${enc(chile.id)}/evidence`);
      expect(chileLink.body.link.weight).toBe((chileLinkBefore.link?.weight ?? 0) + 1);
      expect(chileLink.body.sentences.items.map((s: { text: string }) => s.text)).toContain('Aldo Renn opened a restaurant in Chile.');
      const article = await api.call('GET', `/api/articles/${enc(ARTICLES[3].id)}`);
      expect(article.body.mentions[0]).toMatchObject({ entityId: renn.id, start: 0, end: 9 });
      // Notes followed.
      expect((await api.call('GET', `/api/entities/${enc(renn.id)}`)).body.annotations.map((a: { text: string }) => a.text)).toContain('Same person?');
      const linkNotes = await api.call('GET', `/api/annotations?targetKind=link&targetId=${enc(`${chile.id}|${renn.id}`)}`);
      expect(linkNotes.body.annotations.map((a: { text: string }) => a.text)).toEqual(['Restaurant']);
      // Later ingests read this Alias row and keep "Aldo Renn" on Tobias Renn.
      const { records } = await graph.driver.executeQuery("MATCH (a:Alias {key: 'Person:aldo renn'}) RETURN a.entityId AS id");
      expect(records[0]?.get('id')).toBe(renn.id);

      const undo = await api.call('POST', `/api/merges/${merged.body.mergeId}/undo`);
      expect(undo.status).toBe(200);
      expect(await snapshot(graph)).toEqual(before);
      const again = await api.call('POST', `/api/merges/${merged.body.mergeId}/undo`);
      expect(again.status).toBe(409);

      const audit = await api.call('GET', `/api/audit?targetId=${enc(otherRenn.id)}&action=entity.merge`);
      expect(audit.body.events[0]).toMatchObject({ analyst: 'ana', action: 'entity.merge', targetId: otherRenn.id });
    });

    it('merges an entity linked to the target, and refuses nonsense', async () => {
      const before = await snapshot(graph);
      const merged = await api.call('POST', `/api/entities/${enc(varga.id)}/merge`, { body: { into: renn.id } });
      expect(merged.status).toBe(200);
      // Their own link disappears instead of becoming a loop; Varga's other links move over.
      const neighbours = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours`);
      const ids = neighbours.body.nodes.map((n: { data: { id: string } }) => n.data.id);
      expect(ids).not.toContain(varga.id);
      expect(ids).toContain(norway.id);
      expect(neighbours.body.edges.every((e: { data: { source: string; target: string } }) => e.data.source !== e.data.target)).toBe(true);
      await api.call('POST', `/api/merges/${merged.body.mergeId}/undo`);
      expect(await snapshot(graph)).toEqual(before);

      expect((await api.call('POST', `/api/entities/${enc(renn.id)}/merge`, { body: { into: renn.id } })).status).toBe(400);
      expect((await api.call('POST', `/api/entities/${enc(renn.id)}/merge`, { body: { into: 'person:nobody' } })).status).toBe(404);
      expect((await api.call('POST', `/api/entities/${enc(renn.id)}/merge`, { body: {} })).body.error.details.field).toBe('into');
      const stale = await api.call('POST', `/api/entities/${enc(renn.id)}/merge`, { body: { into: quinlan.id, version: 99 } });
      expect(stale.status).toBe(409);
    });
  });

  describe('other corrections, each audited', () => {
    it('renames (old name kept as alias), changes type, hides and unhides', async () => {
      const renamed = await api.call('PATCH', `/api/entities/${enc(alliance.id)}`, { body: { name: 'North Harbour Alliance', version: 0 } });
      expect(renamed.status).toBe(200);
      expect(renamed.body.entity).toMatchObject({ name: 'North Harbour Alliance', aliases: ['Harbour Alliance'], version: 1 });
      const stale = await api.call('PATCH', `/api/entities/${enc(alliance.id)}`, { body: { name: 'Again', version: 0 } });
      expect(stale.status).toBe(409);

      const retyped = await api.call('PATCH', `/api/entities/${enc(alliance.id)}`, { body: { type: 'Country' } });
      expect(retyped.body.entity.type).toBe('Country');
      const { records } = await graph.driver.executeQuery('MATCH (e:Entity {id: $id}) RETURN labels(e) AS labels, e.typeSetByAnalyst AS set', { id: alliance.id });
      expect(records[0].get('labels').sort()).toEqual(['Country', 'Entity']);
      expect(records[0].get('set')).toBe(true);

      await api.call('POST', `/api/entities/${enc(quinlan.id)}/hide`);
      expect((await api.call('GET', '/api/search?q=Quinlan')).body.results).toEqual([]);
      expect((await api.call('GET', '/api/search?q=Quinlan&hidden=true')).body.results[0].id).toBe(quinlan.id);
      const around = await api.call('GET', `/api/entities/${enc(renn.id)}/neighbours`);
      expect(around.body.nodes.map((n: { data: { id: string } }) => n.data.id)).not.toContain(quinlan.id);
      await api.call('POST', `/api/entities/${enc(quinlan.id)}/unhide`);
      expect((await api.call('GET', '/api/search?q=Quinlan')).body.results[0].id).toBe(quinlan.id);

      const audit = await api.call('GET', '/api/audit');
      expect(audit.body.events.map((e: { action: string }) => e.action)).toEqual(['entity.unhide', 'entity.hide', 'entity.retype', 'entity.rename']);
      expect(audit.body.events[3]).toMatchObject({ analyst: 'ana', before: { name: 'Harbour Alliance' }, after: { name: 'North Harbour Alliance' } });
    });

    it('rejects a string (ingest will skip it), and adds a manual link with a note', async () => {
      const rejected = await api.call('POST', '/api/rejections', { body: { text: 'Trade Ministry', hideEntity: ACTORS.ministry.id } });
      expect(rejected.status).toBe(201);
      expect(rejected.body.rejection).toMatchObject({ key: 'trade ministry', analyst: 'ana' });
      expect((await api.call('GET', '/api/rejections')).body.rejections.map((r: { key: string }) => r.key)).toEqual(['trade ministry']);
      expect((await api.call('GET', `/api/entities/${enc(ACTORS.ministry.id)}`)).body.entity.hidden).toBe(true);

      const link = await api.call('POST', '/api/links', { body: { a: varga.id, b: quinlan.id, note: 'Studied together (interview, 2019)' } });
      expect(link.status).toBe(201);
      // Stored from the smaller id to the larger, whichever order the analyst gave.
      expect(link.body.link).toMatchObject({ source: varga.id, target: quinlan.id, manual: true, note: 'Studied together (interview, 2019)' });
      const paths = await api.call('GET', `/api/paths?from=${enc(quinlan.id)}&to=${enc(varga.id)}`);
      expect(paths.body.paths[0]).toMatchObject({ length: 1 });
      expect(paths.body.edges.find((e: { data: { id: string } }) => e.data.id === `${varga.id}|${quinlan.id}`).data.note).toContain('Studied');
    });
  });
});

describe('a server bound beyond loopback', () => {
  let graph: Graph;
  let api: TestServer;
  let analystToken: string;
  let viewerToken: string;
  beforeAll(async () => {
    graph = await openTestGraph();
    await loadFixtures(graph);
    analystToken = (await createAnalyst(graph, 'beatriz', 'analyst')).token;
    viewerToken = (await createAnalyst(graph, 'victor', 'viewer')).token;
    api = await startTestServer(graph, { host: '0.0.0.0', loginAttemptsPerMinute: 5 });
  });
  afterAll(async () => {
    await api?.close();
    await graph?.close();
  });

  // Every write route refuses anonymous callers here: write-access.test.ts checks each one the API lists.
  it('still answers reads anonymously, and says a sign-in is needed to write', async () => {
    expect((await api.call('GET', `/api/entities/${enc(renn.id)}`)).body.entity.name).toBe('Tobias Renn');
    expect((await api.call('GET', '/api/audit')).body.events).toEqual([]);
    expect((await api.call('GET', '/api/me')).body).toMatchObject({ analyst: null, signInRequired: true, canWrite: false });
  });

  it("attributes an analyst's writes to them, and gives a viewer 403", async () => {
    const me = await api.call('GET', '/api/me', { token: analystToken });
    expect(me.body).toMatchObject({ analyst: { name: 'beatriz', role: 'analyst' }, canWrite: true });
    const note = await api.call('POST', '/api/annotations', { token: analystToken, body: { targetKind: 'entity', targetId: renn.id, text: 'Seen in Oslo' } });
    expect(note.status).toBe(201);
    expect(note.body.author).toBe('beatriz');
    const audit = await api.call('GET', '/api/audit');
    expect(audit.body.events[0]).toMatchObject({ analyst: 'beatriz', action: 'annotation.create' });

    const viewer = await api.call('POST', '/api/annotations', { token: viewerToken, body: { targetKind: 'entity', targetId: renn.id, text: 'x' } });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error.code).toBe('forbidden');
    expect((await api.call('GET', `/api/entities/${enc(renn.id)}`, { token: viewerToken })).status).toBe(200);
  });

  it('refuses a wrong token, and rate-limits sign-in attempts', async () => {
    expect((await api.call('GET', '/api/me', { token: 'ag_wrong' })).status).toBe(401);
    const ok = await api.call('POST', '/api/login', { body: { token: analystToken } });
    expect(ok.body.analyst).toMatchObject({ name: 'beatriz' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api.call('POST', '/api/login', { body: { token: `ag_guess${i}` } })).status);
    // Five refused tokens a minute allowed here (the wrong token above counts; the viewer's 403 does not): then 429.
    expect(statuses[0]).toBe(401);
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThan(0);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
