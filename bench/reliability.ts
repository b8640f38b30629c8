/**
 * Reliability benchmark (issue #16 item 7): the corpus ingested once as the
 * reference graph, then the same graph reached the hard ways, each compared
 * with it by canonical dump (core/src/dump):
 * - moved: exported, imported into an empty database, exported again;
 * - two `npm run ingest` processes at once on overlapping halves;
 * - an ingest killed with SIGKILL at a seeded point, then run again;
 * - the API serving sixteen clients (reads and note writes) while its Neo4j
 *   is stopped and started.
 * Prints one table: inputs, faults injected, requests, errors, data lost.
 * The bad-input folder and fifty-editor note races run in `npm test`
 * (tests/integration/ingest-bad-input, serving-under-load).
 */
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { exportGraph, exportGraphToString, importGraph } from '../core/src/dump/dump-file.js';
import { createDriver, type Graph } from '../core/src/neo4j/connect.js';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../core/src/neo4j/embedded.js';
import { ensureSchema } from '../core/src/neo4j/schema.js';
import { seededRandom } from '../core/src/seeded-random.js';
import { createApp } from '../server/src/app.js';
import { sendAnalystRequest, topActorTraffic } from './analyst-traffic.js';
import { DEFAULT_CORPUS } from './corpus.js';
import { runIngest, startIngest } from './ingest.js';

/** Five ingests' progress lines would bury the bench's own. */
const QUIET = { progress: false };
const LOAD_SECONDS = 20;
const CLIENTS = 16;

export interface ReliabilityRow {
  check: string;
  inputs: string;
  faults: string;
  requests: number;
  errors: number;
  /** Lines of the reference dump missing or different afterwards (must be 0). */
  dataLost: number;
  note: string;
}

/** A database of its own in a temporary folder, with a graph connection; stop() removes both. */
async function freshDatabase(port?: number) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-reliability-'));
  const start = () => startEmbeddedNeo4j({ dataDir, port, heap: '1g', pageCacheMb: 512, lifetime: 'batch' });
  let db: EmbeddedNeo4j | undefined = await start();
  const driver = createDriver(db.uri);
  const graph: Graph = { driver, uri: db.uri, close: () => driver.close() };
  await ensureSchema(graph);
  return {
    graph,
    uri: db.uri,
    async restart(pause: () => Promise<void>) {
      await db!.stop();
      db = undefined;
      await pause();
      db = await start();
    },
    async stop() {
      await driver.close();
      await db?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The audit events of ingest's own merges (stage 6) carry a random id and the moment of the merge: two clean runs
 * differ there and nowhere else, so comparisons blank both. Analysts' events are compared whole.
 */
function withoutIngestEventIds(line: string): string {
  if (!line.startsWith('{"node":"AuditEvent"') || !line.includes('"analyst":"(ingest)"')) return line;
  return line.replace(/"at":"[^"]*"/, '"at":""').replace(/"id":"[^"]*"/, '"id":""');
}

/** The graph's canonical dump without run times, as lines. */
async function dumpLines(graph: Graph): Promise<string[]> {
  const dump = await exportGraphToString(graph, { withoutRunTimes: true });
  return dump.split('\n').filter(Boolean).map(withoutIngestEventIds);
}

/**
 * Lines of `reference` that `other` lacks, plus lines `other` has beyond it: 0 means the same graph. The first
 * few of each go to `log`, to say what differs.
 */
function difference(reference: string[], other: string[], log: (line: string) => void = () => {}): number {
  const counts = new Map<string, number>();
  for (const line of reference) counts.set(line, (counts.get(line) ?? 0) + 1);
  let extra = 0;
  for (const line of other) {
    const left = counts.get(line) ?? 0;
    if (left > 0) counts.set(line, left - 1);
    else extra++;
  }
  let missing = 0;
  for (const left of counts.values()) missing += left;
  if (missing + extra > 0) {
    const kept = new Set(other);
    for (const line of reference.filter((l) => !kept.has(l)).slice(0, 5)) log(`  only before: ${line.slice(0, 300)}`);
    const had = new Set(reference);
    for (const line of other.filter((l) => !had.has(l)).slice(0, 5)) log(`  only after:  ${line.slice(0, 300)}`);
  }
  return missing + extra;
}

/** What a double count would change: articles, mentions, and the links' summed weights and article counts. */
async function totals(graph: Graph): Promise<string> {
  const { records } = await graph.driver.executeQuery(
    `CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (:Article)-[m:MENTIONS]->() RETURN sum(m.count) AS mentions }
     CALL () { MATCH ()-[l:LINKED]->() RETURN sum(l.weight) AS weight, sum(l.articles) AS linkArticles }
     RETURN articles, mentions, weight, linkArticles`,
  );
  const r = records[0]!;
  return `${r.get('articles')} articles, ${r.get('mentions')} mentions, link weight ${Number(r.get('weight')).toFixed(1)} over ${r.get('linkArticles')} article-links`;
}

async function countArticles(graph: Graph): Promise<number> {
  const { records } = await graph.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n');
  return Number(records[0]!.get('n'));
}

export async function benchReliability(corpusPath = DEFAULT_CORPUS, log: (line: string) => void = () => {}): Promise<ReliabilityRow[]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-reliability-files-'));
  const rows: ReliabilityRow[] = [];
  const lines = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean);
  const reference = await freshDatabase(await findFreePort());
  try {
    log('reliability: the reference ingest');
    await runIngest(reference.uri, [corpusPath], QUIET);
    const expected = await dumpLines(reference.graph);

    // Moved: export with run times, import into an empty database, export again: the same bytes.
    log('reliability: export, import, export');
    const first = path.join(work, 'first.jsonl');
    const second = path.join(work, 'second.jsonl');
    const out = createWriteStream(first);
    await exportGraph(reference.graph, out);
    out.end();
    await finished(out);
    const moved = await freshDatabase();
    try {
      await importGraph(moved.graph, first);
      const again = createWriteStream(second);
      await exportGraph(moved.graph, again);
      again.end();
      await finished(again);
      const a = readFileSync(first, 'utf8').split('\n');
      const b = readFileSync(second, 'utf8').split('\n');
      rows.push({
        check: 'export → import → export',
        inputs: `${a.length - 1} dump lines`,
        faults: '-',
        requests: 0,
        errors: 0,
        dataLost: difference(a, b, log),
        note: readFileSync(first).equals(readFileSync(second)) ? 'identical files' : 'files differ',
      });
    } finally {
      await moved.stop();
    }

    // Two processes at once on overlapping halves (the split: lines 1–1,100 and 900–end).
    log('reliability: two ingests at once');
    const half1 = path.join(work, 'first-half.jsonl');
    const half2 = path.join(work, 'second-half.jsonl');
    writeFileSync(half1, lines.slice(0, 1100).join('\n') + '\n');
    writeFileSync(half2, lines.slice(899).join('\n') + '\n');
    // The graph to match: one process reading the same two files (article origins name their files).
    const sequential = await freshDatabase();
    let oneProcess: string[];
    let oneProcessTotals: string;
    try {
      await runIngest(sequential.uri, [half1, half2], QUIET);
      oneProcess = await dumpLines(sequential.graph);
      oneProcessTotals = await totals(sequential.graph);
    } finally {
      await sequential.stop();
    }
    const concurrent = await freshDatabase();
    try {
      await Promise.all([runIngest(concurrent.uri, [half1], QUIET), runIngest(concurrent.uri, [half2], QUIET)]);
      rows.push({
        check: 'two ingests at once',
        inputs: `${lines.length} articles, ${1100 - 899} in both`,
        faults: 'overlap',
        requests: 0,
        errors: 0,
        dataLost: difference(oneProcess, await dumpLines(concurrent.graph), log),
        note: (await totals(concurrent.graph)) === oneProcessTotals
          ? `same totals as one process (${oneProcessTotals})`
          : `totals differ: ${await totals(concurrent.graph)} against ${oneProcessTotals}`,
      });
    } finally {
      await concurrent.stop();
    }

    // Killed mid-run at a seeded point, then the same command again.
    const killAt = 200 + Math.floor(seededRandom(16)() * Math.min(800, lines.length / 2));
    log(`reliability: SIGKILL after ${killAt} articles, then again`);
    const crashed = await freshDatabase();
    try {
      const run = startIngest(crashed.uri, [corpusPath]);
      let ended = false;
      void run.exited.then(() => (ended = true));
      while (!ended && (await countArticles(crashed.graph)) < killAt) await new Promise((r) => setTimeout(r, 50));
      run.kill();
      const { signal } = await run.exited;
      await runIngest(crashed.uri, [corpusPath], QUIET);
      rows.push({
        check: 'ingest killed, run again',
        inputs: `${lines.length} articles`,
        faults: signal === 'SIGKILL' ? `SIGKILL after ${killAt}` : 'finished before the kill',
        requests: 0,
        errors: 0,
        dataLost: difference(expected, await dumpLines(crashed.graph), log),
        note: 'dump compared with a clean run',
      });
    } finally {
      await crashed.stop();
    }

    log(`reliability: ${CLIENTS} clients for ${LOAD_SECONDS} s, Neo4j restarted midway`);
    rows.push(await serveThroughRestart(reference, expected, log));
  } finally {
    await reference.stop();
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

/**
 * Sixteen clients read and write notes for LOAD_SECONDS, then Neo4j stops for two seconds and starts again (its
 * start takes several more), and the clients go on for LOAD_SECONDS after it is back.
 */
async function serveThroughRestart(db: Awaited<ReturnType<typeof freshDatabase>>, expected: string[], log: (line: string) => void): Promise<ReliabilityRow> {
  const app = createApp({ graph: db.graph, host: '127.0.0.1', localAnalyst: 'bench' });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
  const traffic = await topActorTraffic(base, 40, (id, i, ids) => [
    `/entities/${id}`,
    `/entities/${id}/neighbours?limit=100`,
    `/paths?from=${id}&to=${ids[(i + 7) % ids.length]}`,
    `/search?q=${encodeURIComponent('Blair')}`,
  ]);
  const statuses = new Map<number, number>();
  let notes = 0;
  let requests = 0;
  let stopAt = Infinity;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let k = 0; Date.now() < stopAt; k++) {
      const answer = await sendAnalystRequest(base, traffic, client, k, 'bench');
      const { write } = answer;
      const status = answer.status ?? 0;
      requests++;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (write && status === 201) notes++;
      if (status !== 200 && status !== 201) await new Promise((r) => setTimeout(r, 100));
    }
  });
  await new Promise((r) => setTimeout(r, LOAD_SECONDS * 1000));
  await db.restart(() => new Promise((r) => setTimeout(r, 2000)));
  stopAt = Date.now() + LOAD_SECONDS * 1000;
  await Promise.all(clients);
  server.closeAllConnections();
  server.close();
  // Every note answered 201 is stored; the graph otherwise is what it was.
  const { records } = await db.graph.driver.executeQuery("MATCH (n:Annotation) WHERE n.author = 'bench' RETURN count(n) AS n");
  const storedNotes = Number(records[0]!.get('n'));
  const after = withoutNotes(await dumpLines(db.graph));
  const unexplained = [...statuses].filter(([status]) => ![200, 201, 503].includes(status)).reduce((sum, [, n]) => sum + n, 0);
  return {
    check: `API, ${CLIENTS} clients, Neo4j restarted`,
    inputs: `${traffic.reads.length} read routes + note writes`,
    faults: 'Neo4j down 2 s',
    requests,
    errors: unexplained,
    // Lost: a note answered 201 and not stored, or any other line of the graph changed. A note stored although
    // its answer was an error (committed just as Neo4j stopped) is not lost; the note says how many.
    dataLost: Math.max(0, notes - storedNotes) + difference(withoutNotes(expected), after, log),
    note: `${statuses.get(503) ?? 0} answered 503 while down; ${notes} notes written` +
      (storedNotes > notes ? `, ${storedNotes - notes} more stored though answered with an error` : '') +
      [...statuses].filter(([status]) => ![200, 201, 503].includes(status)).map(([status, n]) => `; ${n} × ${status || 'no answer'}`).join(''),
  };
}

/** The dump without what the load test's notes add (notes, their audit events, their author, the counts line). */
function withoutNotes(lines: string[]): string[] {
  const added = ['{"node":"Annotation"', '{"node":"AuditEvent"', '{"node":"Analyst"', '{"rel":"ABOUT"', '{"end":'];
  return lines.filter((line) => !added.some((start) => line.startsWith(start)));
}

export function formatReliability(rows: ReliabilityRow[]): string {
  const header = ['check', 'inputs', 'faults injected', 'requests', 'errors', 'data lost', 'note'];
  const table = [header, ...rows.map((r) => [r.check, r.inputs, r.faults, String(r.requests), String(r.errors), String(r.dataLost), r.note])];
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return ['reliability:', ...table.map((row) => '  ' + row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '))].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  console.log(formatReliability(await benchReliability(process.argv[2] ?? DEFAULT_CORPUS, console.error)));
}
