// Issue #14: a neighbourhood's centre page read from the precomputed strongest-links list gives the very
// answer the full sorted read gives, for every filter and page, after ingest, after a changed article, after
// a merge and its undo, hide and unhide, and manual links; and a store without lists gets them on start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityType } from '../../core/src/model.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { addManualLink, setHidden } from '../../core/src/queries/curation.js';
import { writeArticles, type LoadItem } from '../../core/src/queries/ingest.js';
import { mergeEntity, undoMerge } from '../../core/src/queries/merge.js';
import { migrateGraph } from '../../core/src/queries/migrations.js';
import { readCentrePage, readFullPage, type LinkFilters } from '../../core/src/queries/neighbour-page.js';
import { TOP_LINKS } from '../../core/src/queries/top-links.js';
import type { ExtractedEntity } from '../../core/src/model.js';
import { article, extraction } from '../_setup/extraction-fixtures.js';
import { counterMismatches, topLinksMismatches } from '../_setup/graph-totals.js';
import { openTestGraph } from '../_setup/test-graph.js';

const HUB = 'country:HB';
const NEIGHBOURS = 420; // more than a list keeps: the hub has a list, the others none
const TYPES: EntityType[] = ['Person', 'Organization', 'Country'];
const PREFIX = { Person: 'person', Organization: 'org', Country: 'country' } as const;

/** The i-th actor: a name no other name contains ("Zed Abc"), a type by turns. */
function actor(i: number) {
  const code = [Math.floor(i / 676), Math.floor(i / 26) % 26, i % 26].map((d) => String.fromCharCode(97 + d)).join('');
  const name = `Zed ${code[0].toUpperCase()}${code.slice(1)}`;
  const type = TYPES[i % 3];
  return { id: `${PREFIX[type]}:zed-${code}`, type, name };
}
const n = (i: number) => actor(i).id;

/**
 * An article in which the hub hosts each listed actor (one sentence each, at the given weight) and some
 * pairs of actors meet (weight 1), so the small actors have links of their own.
 */
function worldArticle(id: string, published: string, hosted: Array<[number, number]>, pairs: Array<[number, number]> = []): LoadItem {
  let text = '';
  const entities = new Map<string, ExtractedEntity>();
  const mention = (who: { id: string; type: EntityType; name: string }, at: number) => {
    const e = entities.get(who.id) ?? { id: who.id, type: who.type, name: who.name, aliases: [], mentions: [] };
    e.mentions.push({ start: at, end: at + who.name.length, text: who.name });
    entities.set(who.id, e);
  };
  const links: Array<[string, string, number, Array<{ start: number; end: number }>]> = [];
  const sentence = (a: { id: string; type: EntityType; name: string }, verb: string, b: ReturnType<typeof actor>, weight: number) => {
    const start = text.length;
    mention(a, start);
    mention(b, start + a.name.length + verb.length + 2);
    text += `${a.name} ${verb} ${b.name}. `;
    links.push([a.id, b.id, weight, [{ start, end: text.length - 1 }]]);
  };
  const hub = { id: HUB, type: 'Country' as EntityType, name: 'Hubland' };
  for (const [i, weight] of hosted) sentence(hub, 'hosted', actor(i), weight);
  for (const [i, j] of pairs) sentence(actor(i), 'met', actor(j), 1);
  const a = article(id, text.trim(), published);
  return { article: a, extraction: extraction(id, [...entities.values()], links) };
}

const range = (from: number, to: number, step = 1) => Array.from({ length: Math.ceil((to - from) / step) }, (_, k) => from + k * step);
// Six articles, 70 actors each, one a month; weights 1 to 5 by turns, so ties are everywhere.
const FIRST = range(0, 6).map((k) =>
  worldArticle(
    `https://hub.example/${k}`,
    `2024-0${k + 1}-15`,
    range(70 * k, 70 * k + 70).map((i) => [i, 1 + ((i * 7) % 5)]),
    range(70 * k, 70 * k + 68, 4).map((i) => [i, i + 1]),
  ),
);
// A seventh names every tenth actor again: those rise to the top of the hub's list.
const RISE = worldArticle('https://hub.example/rise', '2024-07-15', range(0, NEIGHBOURS, 10).map((i) => [i, 2]));
// Changed: it drops those, so the hub's strongest shrink, some below links its list left out; it raises a few
// others instead, with a later date.
const RAISED = range(5, 50, 10);
const RISE_CHANGED = worldArticle('https://hub.example/rise', '2024-08-15', RAISED.map((i) => [i, 6]), [[3, 300]]);

const FILTERS: Array<Partial<LinkFilters>> = [
  {},
  { types: ['Person'] },
  { types: ['Organization', 'Country'] },
  { minWeight: 3 },
  { minWeight: 6 },
  { from: '2024-05-01' },
  { to: '2024-02-15' },
  { from: '2024-02-01', to: '2024-04-30' },
  { types: ['Person'], minWeight: 2, from: '2024-02-01' },
];
const PAGES: Array<[number, number]> = [[0, 100], [200, 100], [0, 200], [290, 20], [0, 500], [400, 100]];
const CENTRES = [HUB, n(3), n(5), n(300)];

const filters = (f: Partial<LinkFilters>): LinkFilters => ({ types: null, minWeight: 0, from: null, to: null, ...f });

/** Every centre, filter and page: the list's answer equals the full read's; returns how many came from a list. */
async function expectSameAsFullRead(graph: Graph): Promise<number> {
  expect(await topLinksMismatches(graph)).toEqual([]);
  let fromList = 0;
  for (const id of CENTRES) {
    for (const f of FILTERS) {
      for (const [offset, limit] of PAGES) {
        const listed = await readCentrePage(graph, id, filters(f), offset, limit);
        const full = await readFullPage(graph, id, filters(f), offset, limit);
        const { via, ...answer } = listed!;
        expect({ id, f, offset, limit, ...answer }).toEqual({ id, f, offset, limit, ...full!, via: undefined });
        if (via !== 'all links') fromList++;
      }
    }
  }
  return fromList;
}

describe('the precomputed strongest links answer as the full read does', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
    // One batch per article: later batches keep the hub's list with the bounded refresh.
    for (const item of [...FIRST, RISE]) await writeArticles(graph, [item]);
  });
  afterAll(() => graph.close());

  it('after ingest, reading a hub from its list without a sort', async () => {
    const { records } = await graph.driver.executeQuery(`MATCH (e:Entity) WHERE e.topLinks IS NOT NULL RETURN e.id AS id, size(e.topLinks) AS size`);
    expect(records.map((r) => r.toObject())).toEqual([{ id: HUB, size: TOP_LINKS }]);
    expect(await expectSameAsFullRead(graph)).toBeGreaterThan(0);
    expect((await readCentrePage(graph, HUB, filters({}), 0, 200))!.via).toBe('list');
    expect((await readCentrePage(graph, HUB, filters({ minWeight: 2 }), 0, 100))!.via).toBe('list and count');
    // An entity with fewer links than a list keeps reads them all, as cheap as looking each up.
    expect((await readCentrePage(graph, n(0), filters({}), 0, 100))!.via).toBe('all links');
  });

  it('after a changed article shrinks the hub strongest links and raises others', async () => {
    await writeArticles(graph, [RISE_CHANGED], [RISE_CHANGED.article.id]);
    expect(await counterMismatches(graph)).toEqual([]);
    const page = await readCentrePage(graph, HUB, filters({}), 0, RAISED.length);
    expect(page!.items.map((item) => item.entity.id).sort()).toEqual(RAISED.map(n).sort());
    await expectSameAsFullRead(graph);
  });

  it('after a merge of two of the hub neighbours, and after its undo', async () => {
    // n(5) is among the hub's strongest; n(6) is not; both have links of their own.
    const { mergeId } = await mergeEntity(graph, n(5), n(6), 'ana');
    await expectSameAsFullRead(graph);
    const { mergeId: intoHub } = await mergeEntity(graph, n(300), HUB, 'ana');
    await expectSameAsFullRead(graph);
    await undoMerge(graph, intoHub, 'ana');
    await undoMerge(graph, mergeId, 'ana');
    expect(await counterMismatches(graph)).toEqual([]);
    await expectSameAsFullRead(graph);
  });

  it('with strong neighbours hidden, and after they are shown again', async () => {
    const strongest = (await readCentrePage(graph, HUB, filters({}), 0, 3))!.items.map((item) => item.entity.id);
    for (const id of strongest) await setHidden(graph, id, true, 'ana');
    await expectSameAsFullRead(graph);
    for (const id of strongest) await setHidden(graph, id, false, 'ana');
    await expectSameAsFullRead(graph);
  });

  it('after manual links, new and on an existing link', async () => {
    await addManualLink(graph, n(3), n(301), 'seen together at the summit', 'ana');
    await addManualLink(graph, HUB, n(5), 'a standing agreement', 'ana');
    await expectSameAsFullRead(graph);
  });

  it('a store without lists gets them on start (graph version 3)', async () => {
    await graph.driver.executeQuery(`MATCH (e:Entity) REMOVE e.topLinks, e.topWeights`);
    await graph.driver.executeQuery(`MERGE (v:SchemaVersion {name: 'graph'}) SET v.version = 2`);
    // Without lists the read still answers, from all links.
    expect((await readCentrePage(graph, HUB, filters({}), 0, 100))!.via).toBe('all links');
    await migrateGraph(graph);
    await expectSameAsFullRead(graph);
  });
});
