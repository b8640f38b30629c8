// An analyst's ingest runs: a folder with good and bad files, run twice,
// with copies and changed files, against the real Neo4j.
import { copyFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { countGraph } from '../../core/src/queries/ingest.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { openTestGraph } from '../_setup/test-graph.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/ingest');

describe('ingesting a folder', () => {
  let graph: Graph;
  const folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-ingest-'));
  beforeAll(async () => {
    graph = await openTestGraph();
    cpSync(FIXTURES, folder, { recursive: true });
  });
  afterAll(async () => {
    await graph.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const linksBetween = async (a: string, b: string): Promise<number> =>
    (await graph.driver.executeQuery('MATCH (:Person {name: $a})-[l:LINKED]-(:Person {name: $b}) RETURN l', { a, b })).records.length;

  it('stores every good article, and names each bad input with its path and line', async () => {
    const summary = await ingestPaths(graph, [folder], { workers: 1 });

    expect(summary).toMatchObject({ new: 3, updated: 0, unchanged: 0, duplicates: 0 });
    const failures = summary.failures.map((f) => `${path.basename(f.path)}${f.line ? `:${f.line}` : ''}`).sort();
    expect(failures).toEqual(['empty.txt', 'not-an-article.txt', 'wire-export.jsonl:2', 'wire-export.jsonl:3']);
    expect(summary.failed).toBe(4);
    expect(summary.entitiesAdded).toBeGreaterThanOrEqual(6);

    const { records } = await graph.driver.executeQuery(
      `MATCH (p:Person)-[l:LINKED]-(q:Person) WHERE p.name = 'Olaf Scholz' AND q.name = 'Emmanuel Macron'
       RETURN l.articles AS articles`,
    );
    expect(records.map((r) => r.get('articles'))).toEqual([1]);
  });

  it('changes nothing when the same folder is ingested again', async () => {
    const before = await countGraph(graph);
    const summary = await ingestPaths(graph, [folder], { workers: 1 });
    expect(summary).toMatchObject({ new: 0, updated: 0, unchanged: 3, entitiesAdded: 0, linksAdded: 0 });
    // The two files stored whole are known by their bytes and not parsed again; the file with broken
    // lines is read again (and its good record found unchanged), as are the unreadable ones.
    expect(summary.filesUnchanged).toBe(2);
    expect(summary.failed).toBe(4);
    expect(await countGraph(graph)).toEqual(before);
  });

  it('records a copy under another name as a duplicate, counted in no weight', async () => {
    const weights = async () =>
      (await graph.driver.executeQuery('MATCH ()-[l:LINKED]->() RETURN sum(l.weight) AS total')).records[0].get('total');
    const before = await weights();
    copyFileSync(path.join(folder, 'harbour-talks.txt'), path.join(folder, 'harbour-talks-copy.txt'));

    const summary = await ingestPaths(graph, [folder], { workers: 0 });
    expect(summary).toMatchObject({ new: 0, duplicates: 1, unchanged: 3 });
    expect(await weights()).toBe(before);
    expect((await countGraph(graph)).duplicates).toBe(1);
  });

  it('replaces a changed article so that its weights are exactly those of the new text', async () => {
    writeFileSync(
      path.join(folder, 'summit-follow-up.md'),
      '# Summit follow-up in Brussels\n\n*April 9, 2024 — Example Wire*\n\nJens Stoltenberg met Olaf Scholz in Brussels.\n',
    );
    const summary = await ingestPaths(graph, [folder], { workers: 0 });
    expect(summary).toMatchObject({ updated: 1, new: 0 });
    // Macron is no longer named with Stoltenberg anywhere.
    expect(await linksBetween('Jens Stoltenberg', 'Emmanuel Macron')).toBe(0);
  });

  it('reads a file again when it goes back to bytes it held before', async () => {
    const file = path.join(folder, 'summit-follow-up.md');
    copyFileSync(path.join(FIXTURES, 'summit-follow-up.md'), file);
    const summary = await ingestPaths(graph, [folder], { workers: 0 });
    expect(summary).toMatchObject({ updated: 1, new: 0 });
    expect(await linksBetween('Jens Stoltenberg', 'Emmanuel Macron')).toBe(1);
  });

  it('keeps the names of the records after a broken line once that line is fixed', async () => {
    const feed = path.join(folder, 'desk-feed.jsonl');
    const record = (title: string, text: string) => JSON.stringify({ title, published: '2024-06-01', text });
    const later = [
      record('Envoy in Oslo', 'Jonas Gahr Store met Antony Blinken in Oslo on Monday.'),
      record('Talks in Rome', 'Giorgia Meloni spoke with Olaf Scholz about Ukraine.'),
    ];
    writeFileSync(feed, ['{"title": "Half a record", "text": ', ...later].join('\n'));
    const first = await ingestPaths(graph, [feed], { workers: 0 });
    expect(first).toMatchObject({ new: 2, failed: 1 });

    writeFileSync(feed, [record('Fixed at last', 'Pedro Sanchez visited Lisbon.'), ...later].join('\n'));
    const second = await ingestPaths(graph, [feed], { workers: 0 });
    // Only the repaired line is new; the two after it are the same records under the same names.
    expect(second).toMatchObject({ new: 1, unchanged: 2, duplicates: 0, updated: 0, failed: 0 });
  });

  it('reports a missing path and carries on with the rest', async () => {
    const summary = await ingestPaths(graph, [path.join(folder, 'nope'), path.join(folder, 'harbour-talks.txt')], {
      workers: 0,
    });
    expect(summary.failures.map((f) => f.message)).toEqual(['no such file or folder']);
    expect(summary.unchanged).toBe(1);
  });
});
