// Issue #16: two ingests writing overlapping inputs into one Neo4j at the same time give exactly the
// graph one ingest gives: an article's fate is decided again, under lock, inside the write (claim-articles.ts).
// In-process writers compare graph totals; two real `npm run ingest` processes compare whole dumps.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDriver, type Graph } from '../../core/src/neo4j/connect.js';
import { writeArticles } from '../../core/src/queries/ingest.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { SAMPLES_DIR } from '../../ingest/src/load-samples.js';
import { article, entity, extraction, sentenceOf } from '../_setup/extraction-fixtures.js';
import { writeGeneratedNews } from '../_setup/generated-news.js';
import { counterMismatches, graphTotals } from '../_setup/graph-totals.js';
import { comparableDump, runIngest, type IngestExit } from '../_setup/ingest-process.js';
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

describe('two `npm run ingest` processes at once on overlapping inputs', () => {
  let graph: Graph;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-two-processes-'));
  let samples: string[];
  let news: string[];
  beforeAll(async () => {
    graph = await openTestGraph();
    cpSync(SAMPLES_DIR, folder, { recursive: true });
    rmSync(path.join(folder, 'README.md'));
    samples = readdirSync(folder).sort().map((f) => path.join(folder, f));
    news = writeGeneratedNews(folder, 60, 16);
  });
  afterAll(async () => {
    await graph.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const login = () => ({ uri: inject('neo4jUri'), user: inject('neo4jUser'), password: inject('neo4jPassword') });
  const summaryOf = (run: IngestExit) => {
    expect(run.stderr).not.toMatch(/Error|Stopped early/);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as { new: number; unchanged: number; failed: number };
  };

  it('store the graph one process stores from all their files, dump for dump', { timeout: 300_000 }, async () => {
    expect(samples).toHaveLength(9);
    const args = ['--json', '--workers', '1', '--batch', '5'];
    const alone = summaryOf(await runIngest([...args, folder], login()));
    expect(alone).toMatchObject({ new: 70, failed: 0 });
    const single = await comparableDump(graph);
    await wipe(graph);

    // 24 articles in both (three samples, one of them a feed of two, and 20 generated), listed first by both, so
    // both decide them new on an empty graph and write them at about the same moment in small batches.
    // The samples naming "War" (aukus, panmunjom, singapore) go to one process, in the single run's order: a
    // one-word actor is joined to the fuller one the graph holds when its batch is written (stage 6), so the
    // tagger's Person "War" of panmunjom joins the organisation "War" only if aukus was written before it. Two
    // processes interleave in an order no single run takes (graph-model.md, "Concurrent writers").
    const shared = [...samples.slice(3, 6), ...news.slice(20, 40)];
    const [one, two] = (
      await Promise.all([
        runIngest([...args, ...shared, ...samples.slice(0, 3), ...samples.slice(6, 8), ...news.slice(0, 20)], login()),
        runIngest([...args, ...shared, ...samples.slice(8), ...news.slice(40)], login()),
      ])
    ).map(summaryOf);

    expect((await comparableDump(graph)).split('\n')).toEqual(single.split('\n'));
    // What one process found the other had stored is reported unchanged, not new.
    expect(one!.new + two!.new).toBe(alone.new);
    expect(one!.unchanged + two!.unchanged).toBe(24);
  });
});
