// Issue #16: two ingests writing overlapping inputs into one Neo4j at the same time give exactly the
// graph one ingest gives: an article's fate is decided again, under lock, inside the write (claim-articles.ts).
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, type Graph } from '../../core/src/neo4j/connect.js';
import { writeArticles } from '../../core/src/queries/ingest.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { SAMPLES_DIR } from '../../ingest/src/load-samples.js';
import { article, entity, extraction, sentenceOf } from '../_setup/extraction-fixtures.js';
import { counterMismatches, graphTotals } from '../_setup/graph-totals.js';
import { openTestGraph, wipe } from '../_setup/test-graph.js';

/** A second connection of its own, as a second ingest process would have. */
function secondGraph(): Graph {
  const uri = inject('neo4jUri');
  const driver = createDriver(uri);
  return { driver, uri, close: () => driver.close() };
}

function items(from: number, to: number) {
  const out = [];
  for (let i = from; i < to; i++) {
    const text = `Mara Quell met Otto Brink in Velm on day ${i}. Otto Brink and Sela Dunn spoke of Velm.`;
    const a = article(`https://race.example/${i}`, text, `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const quell = entity(text, 'person:mara-quell', 'Person', 'Mara Quell');
    const brink = entity(text, 'person:otto-brink', 'Person', 'Otto Brink');
    const dunn = entity(text, 'person:sela-dunn', 'Person', 'Sela Dunn');
    const velm = entity(text, 'country:VM', 'Country', 'Velm');
    const first = sentenceOf(text, 'met Otto');
    const second = sentenceOf(text, 'spoke of');
    out.push({
      article: a,
      extraction: extraction(a.id, [quell, brink, dunn, velm], [
        ['person:mara-quell', 'person:otto-brink', 1, [first]],
        ['country:VM', 'person:mara-quell', 1, [first]],
        ['country:VM', 'person:otto-brink', 2, [first, second]],
        ['person:otto-brink', 'person:sela-dunn', 1, [second]],
        ['country:VM', 'person:sela-dunn', 1, [second]],
      ], [['MET_WITH', 'person:mara-quell', 'person:otto-brink', first]]),
    });
  }
  return out;
}

describe('two ingests at once on overlapping inputs', () => {
  let graph: Graph;
  let other: Graph;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-concurrent-'));
  beforeAll(async () => {
    graph = await openTestGraph();
    other = secondGraph();
    cpSync(SAMPLES_DIR, folder, { recursive: true });
  });
  afterAll(async () => {
    await other.close();
    await graph.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('count each article once when two writers store the same batches at the same moment', async () => {
    await writeArticles(graph, items(0, 30));
    const single = await graphTotals(graph);
    await wipe(graph);

    // Both writers decided "new" for every article before either wrote: the overlap 10..20 is claimed twice.
    const batches = (from: number, to: number) => Array.from({ length: (to - from) / 5 }, (_, k) => items(from + 5 * k, from + 5 * k + 5));
    const write = async (g: Graph, list: ReturnType<typeof items>[]) => {
      for (const batch of list) await writeArticles(g, batch);
    };
    await Promise.all([write(graph, batches(0, 20)), write(other, batches(10, 30))]);

    expect(await graphTotals(graph)).toEqual(single);
    expect(await counterMismatches(graph)).toEqual([]);
  });

  it('give the graph one ingest gives, when two ingest runs share part of their files', async () => {
    const files = readdirSync(folder).filter((f) => f !== 'README.md').sort().map((f) => path.join(folder, f));
    expect(files.length).toBeGreaterThanOrEqual(8);
    await wipe(graph);
    const alone = await ingestPaths(graph, files, { workers: 0 });
    const single = await graphTotals(graph);
    expect(single.articles).toBe(alone.new);
    await wipe(graph);

    // Overlap first in both, in the same order, so both write it at about the same time; small batches interleave.
    const shared = files.slice(3, 6);
    const [one, two] = await Promise.all([
      ingestPaths(graph, [...shared, ...files.slice(0, 3)], { workers: 0, batchSize: 2 }),
      ingestPaths(other, [...shared, ...files.slice(6)], { workers: 0, batchSize: 2 }),
    ]);

    expect(await graphTotals(graph)).toEqual(single);
    expect(await counterMismatches(graph)).toEqual([]);
    // What one run found stored by the other is reported unchanged, not new.
    expect(one.new + two.new).toBe(alone.new);
  });
});
