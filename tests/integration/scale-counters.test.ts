// Issue #18: link counters kept by addition and subtraction stay exact after articles change and go.
// Synthetic articles crowd a small population of actors, so hub links gather many articles; each link's
// weight and article count are then recounted from the articles that remain and compared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { prepareRows, type LoadItem } from '../../core/src/queries/ingest-rows.js';
import { writeArticles } from '../../core/src/queries/ingest.js';
import { syntheticCorpus } from '../../bench/synthetic-articles.js';
import { counterMismatches } from '../_setup/graph-totals.js';
import { openTestGraph } from '../_setup/test-graph.js';

const corpus = syntheticCorpus({ seed: 11, actors: 300 });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

/** Each link's weight and article count, summed from the articles themselves. */
function recount(items: LoadItem[]) {
  const links = new Map<string, { weight: number; articles: number }>();
  for (const row of prepareRows(items, '').links) {
    const key = `${row.source}|${row.target}`;
    const link = links.get(key) ?? { weight: 0, articles: 0 };
    links.set(key, { weight: link.weight + row.weight, articles: link.articles + 1 });
  }
  return links;
}

async function storedLinks(graph: Graph) {
  const { records } = await graph.driver.executeQuery(
    `MATCH (x:Entity)-[l:LINKED]->(y:Entity) RETURN x.id + '|' + y.id AS key, l.weight AS weight, l.articles AS articles`,
  );
  return new Map(records.map((r) => [r.get('key') as string, { weight: r.get('weight') as number, articles: r.get('articles') as number }]));
}

describe('link counters after changes and removals', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it('equal a recount from the articles that remain', async () => {
    for (const batch of [range(0, 40), range(40, 80), range(80, 120)]) await writeArticles(graph, batch.map((i) => corpus.article(i)));

    // Changed: the same articles (same ids and names) with other texts.
    await writeArticles(graph, range(0, 30).map((i) => corpus.article(i, 1)));
    // Removed: the names of 30..49 now hold other articles, so theirs go, as when a file is rewritten.
    const removed = range(30, 50).map((i) => corpus.article(i).article);
    const successors = removed.map((old, k) => {
      const item = corpus.article(1000 + k);
      return { ...item, article: { ...item.article, origin: old.origin } };
    });
    await writeArticles(graph, successors, removed.map((a) => a.id));

    const remaining = [...range(0, 30).map((i) => corpus.article(i, 1)), ...range(50, 120).map((i) => corpus.article(i)), ...successors];
    const { records } = await graph.driver.executeQuery(`MATCH (a:Article) WHERE a.id IN $ids RETURN count(a) AS n`, {
      ids: removed.map((a) => a.id),
    });
    expect(records[0].get('n')).toBe(0);

    const expected = recount(remaining);
    const stored = await storedLinks(graph);
    expect(Object.fromEntries(stored)).toEqual(Object.fromEntries(expected));
    // The biggest hub pair gathered many articles, and some went: its counters are the interesting ones.
    const hub = `${corpus.actor(0).id}|${corpus.actor(1).id}`;
    expect(expected.get(hub)!.articles).toBeGreaterThan(20);
    expect(stored.get(hub)).toEqual(expected.get(hub));
    // The same holds against the articles' own records, relations included.
    expect(await counterMismatches(graph)).toEqual([]);
  });
});
