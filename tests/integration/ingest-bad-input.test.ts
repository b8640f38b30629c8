// Bad input at scale (issue #16, item 4): a folder where good articles sit among
// truncated and invalid JSON, binary junk, a file over the size limit, a record
// with a file's worth of text, deeply nested HTML, a feed of 100,000 empty items
// and a symlink loop. (An unreadable file is left out: tests may run as root,
// who reads everything; stages/01-read-articles.ts names EACCES.) One ingest run into a real Neo4j must report every bad
// input with its path (and line), store every good article, and stay within a
// stated memory ceiling.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { ingestPaths, type IngestSummary } from '../../ingest/src/ingest-paths.js';
import { openTestGraph } from '../_setup/test-graph.js';

/** Growth of this process's peak memory the run may cause, with a 100 MB file and 100,000 feed items among its inputs. */
const MEMORY_CEILING_MB = 1024;

const PEOPLE = ['Ilse Varga', 'Tobias Renn', 'Mara Quinlan', 'Oskar Lind', 'Pia Holm', 'Jonas Berg'];

/** A short, distinct news text naming two people and a country. */
function story(i: number): { title: string; text: string } {
  const a = PEOPLE[i % PEOPLE.length]!;
  const b = PEOPLE[(i + 1) % PEOPLE.length]!;
  return {
    title: `Talks on quota ${i}`,
    text: `${a} met ${b} in Oslo on Monday to discuss fishing quota number ${i}. Norway will publish the agreement next week, ${a} said.`,
  };
}

describe('one ingest run over a folder of good and bad inputs', () => {
  let graph: Graph;
  let folder: string;
  let summary: IngestSummary;
  let memoryGrowthMb: number;
  const goodTitles: string[] = [];
  const file = (name: string) => path.join(folder, name);

  beforeAll(async () => {
    graph = await openTestGraph();
    folder = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bad-input-'));
    let n = 0;
    const good = () => {
      const s = story(n++);
      goodTitles.push(s.title);
      return s;
    };

    // Good: a JSONL file whose lines 3 and 5 are broken, plain text, and an RSS feed.
    const lines = [good(), good(), null, good(), null, good()].map((s, i) =>
      s ? JSON.stringify(s) : i === 2 ? '{"title": "cut off", "text": "Ilse Varg' : 'not json at all',
    );
    writeFileSync(file('wire.jsonl'), lines.join('\n') + '\n');
    for (let i = 0; i < 3; i++) {
      const s = good();
      writeFileSync(file(`story-${i}.txt`), `${s.title}\n\n${s.text}\n`);
    }
    const item = (s: { title: string; text: string }) => `<item><title>${s.title}</title><description>${s.text}</description></item>`;
    writeFileSync(file('feed.xml'), `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${item(good())}${item(good())}</channel></rss>`);

    // Bad.
    writeFileSync(file('truncated.json'), '{"title": "Half a record", "text": "Ilse Varga met');
    writeFileSync(file('junk.txt'), Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256)));
    // One line of 100 MB: over the 50 MiB limit, refused before it is read.
    writeFileSync(file('huge.jsonl'), `{"title": "Huge", "text": "${'word '.repeat(20 * 1024 * 1024)}"}\n`);
    // One record with a file's worth of text: under the file limit, over the limit for one article.
    writeFileSync(file('long.jsonl'), JSON.stringify({ title: 'Long', text: `${story(99).text} `.repeat(8_000) }) + '\n');
    writeFileSync(file('nested.html'), `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`);
    writeFileSync(
      file('empty-feed.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title>${'<item><title></title></item>'.repeat(100_000)}</channel></rss>`,
    );
    mkdirSync(file('loop'));
    symlinkSync(folder, file('loop/back-to-top'));

    const before = process.resourceUsage().maxRSS;
    summary = await ingestPaths(graph, [folder], { workers: 1 });
    memoryGrowthMb = (process.resourceUsage().maxRSS - before) / 1024;
  }, 300_000);

  afterAll(async () => {
    await graph?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  const failuresOf = (name: string) => summary.failures.filter((f) => f.path === file(name));

  it('stores every good article exactly once, the symlink loop notwithstanding', async () => {
    expect(summary.new).toBe(goodTitles.length);
    const { records } = await graph.driver.executeQuery('MATCH (a:Article) RETURN a.title AS title ORDER BY title');
    expect(records.map((r) => r.get('title'))).toEqual([...goodTitles].sort());
    const people = await graph.driver.executeQuery('MATCH (e:Person) RETURN e.name AS name ORDER BY name');
    expect(people.records.map((r) => r.get('name'))).toEqual([...PEOPLE].sort());
  });

  it('names each broken line of a file that also holds good ones', () => {
    expect(failuresOf('wire.jsonl').map((f) => f.line)).toEqual([3, 5]);
  });

  it('reports each bad file by path with what was wrong', () => {
    expect(failuresOf('truncated.json')).toHaveLength(1);
    expect(failuresOf('junk.txt')[0]?.message).toMatch(/binary|not text|encoding/i);
    expect(failuresOf('huge.jsonl')[0]?.message).toMatch(/over the 50\.0 MiB limit/);
    expect(failuresOf('long.jsonl')[0]).toMatchObject({ line: 1, message: expect.stringMatching(/over the 500,000 an article may have/) });
    expect(failuresOf('nested.html')[0]?.message).toMatch(/nest more than 256 deep/);
    expect(failuresOf('empty-feed.xml').length).toBeGreaterThan(0);
    // Nothing but these inputs failed, and the run was not cut short.
    const bad = ['wire.jsonl', 'truncated.json', 'junk.txt', 'huge.jsonl', 'long.jsonl', 'nested.html', 'empty-feed.xml'].map(file);
    expect(summary.failures.filter((f) => !bad.includes(f.path))).toEqual([]);
    expect(summary.stoppedBecause).toBeUndefined();
  });

  it(`stays within ${MEMORY_CEILING_MB} MB of memory growth`, () => {
    console.log(`bad-input run: peak memory grew ${memoryGrowthMb.toFixed(0)} MB; ${summary.failures.length} problems reported`);
    expect(memoryGrowthMb).toBeLessThan(MEMORY_CEILING_MB);
  });
});
