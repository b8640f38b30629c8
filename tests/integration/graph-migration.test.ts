// Issue #18: a store written by the list-keeping model (per-article lists on links and relations) is
// converted on start, once; afterwards a changed article subtracts exactly what it had added.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { ensureSchema } from '../../core/src/neo4j/schema.js';
import { getLinkEvidence } from '../../core/src/queries/evidence.js';
import { writeArticles } from '../../core/src/queries/ingest.js';
import { GRAPH_VERSION, migrateGraph, readGraphVersion } from '../../core/src/queries/migrations.js';
import { article, entity, extraction, sentenceOf } from '../_setup/extraction-fixtures.js';
import { counterMismatches } from '../_setup/graph-totals.js';
import { openTestGraph } from '../_setup/test-graph.js';

const A1 = 'https://old.example/1';
const A2 = 'https://old.example/2';

/** Two articles, a link and a fact, stored the way the list-keeping model stored them. */
async function writeOldStore(graph: Graph) {
  await graph.driver.executeQuery(
    `CREATE (ada:Entity:Person {id: 'person:ada-lind', type: 'Person', name: 'Ada Lind', aliases: [], mentionCount: 2, articleCount: 2, version: 0, hidden: false}),
            (cora:Entity:Person {id: 'person:cora-vey', type: 'Person', name: 'Cora Vey', aliases: [], mentionCount: 2, articleCount: 2, version: 0, hidden: false}),
            (bolt:Entity:Organization {id: 'org:bolt-party', type: 'Organization', name: 'Bolt Party', aliases: [], mentionCount: 2, articleCount: 2, version: 0, hidden: false}),
            (a1:Article {id: $a1, title: 'one', text: 'Ada Lind met Cora Vey. Ada Lind leads Bolt Party. Cora Vey leads Bolt Party.', contentHash: 'old-1', published: '2024-01-01'}),
            (a2:Article {id: $a2, title: 'two', text: 'Ada Lind spoke. Cora Vey spoke. Ada Lind leads Bolt Party.', contentHash: 'old-2', published: '2024-02-01'}),
            (a1)-[:MENTIONS {count: 1, starts: [0], ends: [8]}]->(ada), (a1)-[:MENTIONS {count: 1, starts: [13], ends: [21]}]->(cora),
            (a1)-[:MENTIONS {count: 1, starts: [39], ends: [49]}]->(bolt),
            (a2)-[:MENTIONS {count: 1, starts: [0], ends: [8]}]->(ada), (a2)-[:MENTIONS {count: 1, starts: [16], ends: [24]}]->(cora),
            (a2)-[:MENTIONS {count: 1, starts: [48], ends: [58]}]->(bolt),
            (ada)-[:LINKED {articleIds: [$a1, $a2], articleWeights: [1.0, 0.25], weight: 1.25, articles: 2, firstSeen: '2024-01-01', lastSeen: '2024-02-01'}]->(cora),
            (ada)-[:LEADS {sentences: [$a1 + '#23', $a2 + '#32'], sentenceArticleIds: [$a1, $a2], articles: 2, firstSeen: '2024-01-01', lastSeen: '2024-02-01'}]->(bolt),
            (cora)-[:LEADS {sentences: [$a1 + '#50'], sentenceArticleIds: [$a1], articles: 1, firstSeen: '2024-01-01', lastSeen: '2024-01-01'}]->(bolt)`,
    { a1: A1, a2: A2 },
  );
}

async function props(graph: Graph, cypher: string) {
  const { records } = await graph.driver.executeQuery(cypher, { a1: A1, a2: A2 });
  return records.map((r) => r.toObject());
}

describe('migrating a store from per-link lists to per-article records', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeOldStore(graph);
  });
  afterAll(() => graph.close());

  it('moves every list onto its articles, keeps the counters, and marks the store migrated', async () => {
    expect(await readGraphVersion(graph)).toBe(1);
    await ensureSchema(graph);
    expect(await readGraphVersion(graph)).toBe(GRAPH_VERSION);

    expect(await props(graph, `MATCH ()-[l:LINKED]->() RETURN properties(l) AS l`)).toEqual([
      { l: { weight: 1.25, articles: 2, firstSeen: '2024-01-01', lastSeen: '2024-02-01' } },
    ]);
    expect(await props(graph, `MATCH (a:Article) RETURN a.id AS id, a.linkKeys AS keys, a.linkWeights AS weights,
                                      a.relationKeys AS relations, a.statements AS statements ORDER BY id`)).toEqual([
      {
        id: A1, keys: ['person:ada-lind|person:cora-vey'], weights: [1],
        relations: expect.arrayContaining(['LEADS|person:ada-lind|org:bolt-party', 'LEADS|person:cora-vey|org:bolt-party']),
        statements: expect.arrayContaining(['23|LEADS|person:ada-lind|org:bolt-party', '50|LEADS|person:cora-vey|org:bolt-party']),
      },
      {
        id: A2, keys: ['person:ada-lind|person:cora-vey'], weights: [0.25],
        relations: ['LEADS|person:ada-lind|org:bolt-party'], statements: ['32|LEADS|person:ada-lind|org:bolt-party'],
      },
    ]);
    const leads = await props(graph, `MATCH (x)-[r:LEADS]->() RETURN x.id AS id, properties(r) AS r ORDER BY id`);
    expect(leads.map((row) => row.r)).toEqual([
      { articles: 2, firstSeen: '2024-01-01', lastSeen: '2024-02-01' },
      { articles: 1, firstSeen: '2024-01-01', lastSeen: '2024-01-01' },
    ]);
    expect(await counterMismatches(graph)).toEqual([]);
    // The evidence API answers the facts' sentences from the articles' statements; stored before the learned
    // classifier existed, they were the rules'.
    const evidence = await getLinkEvidence(graph, 'person:ada-lind', 'org:bolt-party', { offset: 0, limit: 10 });
    expect(evidence.relations).toEqual([
      { type: 'LEADS', source: 'person:ada-lind', target: 'org:bolt-party', articles: 2, sentences: [`${A1}#23`, `${A2}#32`], foundBy: 'rules' },
    ]);
  });

  it('is idempotent: run again (even with the version forgotten), it changes nothing', async () => {
    const before = await props(graph, `MATCH (a:Article) RETURN a {.*} AS a ORDER BY a.id`);
    await graph.driver.executeQuery(`MATCH (v:SchemaVersion) DETACH DELETE v`);
    await migrateGraph(graph);
    expect(await props(graph, `MATCH (a:Article) RETURN a {.*} AS a ORDER BY a.id`)).toEqual(before);
    expect(await counterMismatches(graph)).toEqual([]);
  });

  it('lets a later change of an article subtract exactly what it had added', async () => {
    const text = 'Cora Vey and Ada Lind argued. Ada Lind laughed.';
    const changed = article(A1, text, '2024-03-01');
    const ada = entity(text, 'person:ada-lind', 'Person', 'Ada Lind');
    const cora = entity(text, 'person:cora-vey', 'Person', 'Cora Vey');
    await writeArticles(graph, [{
      article: changed,
      extraction: extraction(A1, [ada, cora], [['person:ada-lind', 'person:cora-vey', 1, [sentenceOf(text, 'argued')]]]),
    }], [A1]);

    // A2's 0.25 stays, A1's old 1 goes and its new 1 comes; A1 no longer says who leads Bolt Party.
    expect(await props(graph, `MATCH ()-[l:LINKED]->() RETURN l.weight AS weight, l.articles AS articles`)).toEqual([{ weight: 1.25, articles: 2 }]);
    expect(await props(graph, `MATCH (x)-[r:LEADS]->() RETURN x.id AS id, r.articles AS articles ORDER BY id`)).toEqual([
      { id: 'person:ada-lind', articles: 1 },
    ]);
    expect(await props(graph, `MATCH (e:Entity {id: 'person:ada-lind'}) RETURN e.mentionCount AS m, e.articleCount AS a`)).toEqual([{ m: 3, a: 2 }]);
    expect(await counterMismatches(graph)).toEqual([]);
  });
});
