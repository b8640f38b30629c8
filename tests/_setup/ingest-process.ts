/**
 * `npm run ingest` as a process of its own against a given Neo4j, as an analyst's terminal runs it (node with tsx,
 * the command's own file: the pid is the ingest's, so a kill reaches it), and the graph's dump for comparing runs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { exportGraphToString } from '../../core/src/dump/dump-file.js';
import type { Graph } from '../../core/src/neo4j/connect.js';

const ROOT = path.resolve(__dirname, '../..');

export interface IngestExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface IngestProcess {
  child: ChildProcess;
  exited: Promise<IngestExit>;
}

export interface Neo4jLogin {
  uri: string;
  user?: string;
  password?: string;
}

/** Starts `npm run ingest -- ...args` against `neo4j`; `exited` resolves however it ends. */
export function startIngest(args: string[], neo4j: Neo4jLogin): IngestProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/src/cli/ingest-command.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user ?? 'neo4j', NEO4J_PASSWORD: neo4j.password ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<IngestExit>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** Runs an ingest to its end; with `--json` among the args, its summary is on stdout. */
export async function runIngest(args: string[], neo4j: Neo4jLogin): Promise<IngestExit> {
  return startIngest(args, neo4j).exited;
}

/** The graph's dump without run times (`graph export --without-run-times`): equal strings, equal graphs. */
export async function comparableDump(graph: Graph): Promise<string> {
  return exportGraphToString(graph, { withoutRunTimes: true });
}

export async function countArticles(graph: Graph): Promise<number> {
  const { records } = await graph.driver.executeQuery('MATCH (a:Article) RETURN count(a) AS n', {}, { database: graph.database });
  return Number(records[0]!.get('n'));
}

/**
 * Resolves once the graph holds at least `articles` articles, checked every 50 ms; false if the process ended
 * first.
 */
export async function waitForArticles(graph: Graph, articles: number, ingest: IngestProcess): Promise<boolean> {
  let ended = false;
  void ingest.exited.then(() => (ended = true));
  for (;;) {
    if (ended) return false;
    if ((await countArticles(graph).catch(() => 0)) >= articles) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
