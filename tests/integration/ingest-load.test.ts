// What ingest writes: articles, actors, their links with evidence, and exact
// weights when an article is replaced or copied under another name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import {
  countGraph,
  findStoredArticles,
  readAnalystDecisions,
  writeArticles,
} from '../../core/src/queries/ingest.js';
import { article, entity, extraction, sentenceOf } from '../_setup/extraction-fixtures.js';
import { openTestGraph } from '../_setup/test-graph.js';

const TEXT_1 =
  'Prime Minister Ardent Vale of Norland met Chancellor Ines Brook in Sudmark. Vale said Norland supports Sudmark.';
const TEXT_2 = 'Ines Brook visited Norland again. Brook praised Vale.';

function firstArticle(text = TEXT_1) {
  const a = article('https://news.example/1', text, '2024-03-01');
  const vale = entity(text, 'person:ardent-vale', 'Person', 'Ardent Vale', 'Vale');
  const brook = entity(text, 'person:ines-brook', 'Person', 'Ines Brook');
  const norland = entity(text, 'country:NL', 'Country', 'Norland');
  const links: Array<[string, string, number, ReturnType<typeof sentenceOf>[]]> = [
    ['person:ardent-vale', 'person:ines-brook', 1, [sentenceOf(text, 'met Chancellor')]],
    ['country:NL', 'person:ardent-vale', 2, [sentenceOf(text, 'met Chancellor'), sentenceOf(text, 'supports')]],
  ];
  return { article: a, extraction: extraction(a.id, [vale, brook, norland], links, [
    ['LEADS', 'person:ardent-vale', 'country:NL', sentenceOf(text, 'Prime Minister')],
  ]) };
}

function secondArticle() {
  const a = article('https://news.example/2', TEXT_2, '2024-05-01');
  const brook = entity(TEXT_2, 'person:ines-brook', 'Person', 'Ines Brook', 'Brook');
  const vale = entity(TEXT_2, 'person:ardent-vale', 'Person', 'Vale');
  return {
    article: a,
    extraction: extraction(a.id, [brook, vale], [
      ['person:ines-brook', 'person:ardent-vale', 1, [sentenceOf(TEXT_2, 'praised')]],
    ]),
  };
}

async function link(graph: Graph, a: string, b: string) {
  const { records } = await graph.driver.executeQuery(
    `MATCH (:Entity {id: $a})-[l:LINKED]-(:Entity {id: $b}) RETURN l {.*} AS l`,
    { a, b },
  );
  return records.map((r) => r.get('l'));
}

describe('loading extractions into Neo4j', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it('writes actors once, with every spelling as an alias, and links with summed weights', async () => {
    await writeArticles(graph, [firstArticle(), secondArticle()]);

    expect(await countGraph(graph)).toMatchObject({ articles: 2, entities: 3, links: 2, relations: 1 });
    const { records } = await graph.driver.executeQuery(
      `MATCH (e:Person {id: 'person:ardent-vale'}) RETURN e.name AS name, e.aliases AS aliases,
              e.mentionCount AS mentions, e.articleCount AS articles`,
    );
    expect(records[0].toObject()).toEqual({ name: 'Ardent Vale', aliases: ['Vale'], mentions: 3, articles: 2 });

    const [valeBrook] = await link(graph, 'person:ardent-vale', 'person:ines-brook');
    expect(valeBrook).toMatchObject({ weight: 2, articles: 2, firstSeen: '2024-03-01', lastSeen: '2024-05-01' });
  });

  it('keeps the sentences behind a link, naming both actors', async () => {
    const { records } = await graph.driver.executeQuery(
      `MATCH (a:Entity {id: 'person:ardent-vale'})<-[:NAMES]-(s:Sentence)-[:NAMES]->(b:Entity {id: 'person:ines-brook'})
       RETURN s.text AS text ORDER BY text`,
    );
    expect(records.map((r) => r.get('text'))).toEqual([
      'Brook praised Vale.',
      'Prime Minister Ardent Vale of Norland met Chancellor Ines Brook in Sudmark.',
    ]);
  });

  it('replaces a changed article exactly: old weights, mentions and facts are subtracted', async () => {
    const changedText = 'Ines Brook and Ardent Vale spoke by phone.';
    const changed = article('https://news.example/1', changedText, '2024-03-02');
    const vale = entity(changedText, 'person:ardent-vale', 'Person', 'Ardent Vale');
    const brook = entity(changedText, 'person:ines-brook', 'Person', 'Ines Brook');
    await writeArticles(
      graph,
      [{ article: changed, extraction: extraction(changed.id, [vale, brook], [
        ['person:ardent-vale', 'person:ines-brook', 1, [{ start: 0, end: changedText.length }]],
      ]) }],
      [changed.id],
    );

    expect(await countGraph(graph)).toMatchObject({ articles: 2, entities: 2, links: 1, relations: 0 });
    const [valeBrook] = await link(graph, 'person:ardent-vale', 'person:ines-brook');
    expect(valeBrook).toMatchObject({ weight: 2, articles: 2 });
    // Each article records its own contribution; the link keeps counters only.
    const { records: recorded } = await graph.driver.executeQuery(
      `MATCH (a:Article) WHERE a.id STARTS WITH 'https://news.example/' RETURN a.id AS id, a.linkKeys AS keys, a.linkWeights AS weights ORDER BY id`,
    );
    expect(recorded.map((r) => r.toObject())).toEqual([
      { id: 'https://news.example/1', keys: ['person:ardent-vale|person:ines-brook'], weights: [1] },
      { id: 'https://news.example/2', keys: ['person:ardent-vale|person:ines-brook'], weights: [1] },
    ]);
    expect(valeBrook.articleIds).toBeUndefined();
    const { records } = await graph.driver.executeQuery(
      `MATCH (e:Entity {id: 'person:ardent-vale'}) RETURN e.mentionCount AS mentions, e.articleCount AS articles`,
    );
    expect(records[0].toObject()).toEqual({ mentions: 2, articles: 2 });
  });

  it('finds stored articles by id and exact copies by content hash, and records copies without counting them', async () => {
    const original = secondArticle().article;
    const copy = { ...original, id: 'https://mirror.example/copy' };
    const stored = await findStoredArticles(graph, [original, copy]);
    expect(stored.hashById.get(original.id)).toBe(original.contentHash);
    expect(stored.hashById.has(copy.id)).toBe(false);
    expect(stored.originalByHash.get(copy.contentHash)).toBe(original.id);

    const before = await link(graph, 'person:ardent-vale', 'person:ines-brook');
    await writeArticles(graph, [], [], [{ article: copy, duplicateOf: original.id }]);
    expect(await countGraph(graph)).toMatchObject({ articles: 2, duplicates: 1 });
    expect(await link(graph, 'person:ardent-vale', 'person:ines-brook')).toEqual(before);
  });

  it('lands a batch whole or not at all', async () => {
    const before = await countGraph(graph);
    const good = firstArticle();
    good.article = { ...good.article, id: 'https://news.example/4' };
    const broken = secondArticle();
    broken.article = { ...broken.article, id: 'https://news.example/5' };
    // An actor without an id cannot be stored, so the whole batch must fail.
    broken.extraction.entities[0] = { ...broken.extraction.entities[0], id: null as unknown as string };

    await expect(writeArticles(graph, [good, broken])).rejects.toThrow();
    expect(await countGraph(graph)).toEqual(before);
    const stored = await findStoredArticles(graph, [good.article]);
    expect(stored.hashById.size).toBe(0);
  });

  it('reads analysts decisions that later ingests must honour', async () => {
    await graph.driver.executeQuery(
      `CREATE (:Alias {key: 'Person:vale', entityId: 'person:ardent-vale'}), (:Rejection {key: 'cover image'})`,
    );
    const decisions = await readAnalystDecisions(graph);
    expect(decisions.aliases.get('Person:vale')).toBe('person:ardent-vale');
    expect(decisions.rejected.has('cover image')).toBe(true);
  });
});
