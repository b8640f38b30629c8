/**
 * The whole graph to a dump file and back (format.ts): `exportGraph` streams canonical lines out of any Neo4j;
 * `importGraph` checks a file end to end, then loads it into an empty database in batches and brings the
 * schema and the data version to what this code expects.
 */
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { Writable } from 'node:stream';
import { AppError, ConflictError, InputError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { ensureSchema } from '../neo4j/schema.js';
import {
  awaitIndexes,
  countDataNodes,
  countStore,
  createKeyIndexes,
  createNodes,
  createRelationships,
  dropIndexes,
  missingKeys,
  readNodeLines,
  readRelationshipLines,
  type NodeRow,
  type RelRow,
} from '../queries/dump.js';
import { GRAPH_VERSION, migrateGraph, readGraphVersion, stampGraphVersion } from '../queries/migrations.js';
import {
  DUMP_FORMAT,
  decodeProps,
  headerLine,
  KEY_LABELS,
  NODE_KEYS,
  parseLine,
  RUN_TIMES,
  runTimeNames,
  stringifyLine,
  UnsupportedValueError,
  type DumpLine,
} from './format.js';

export interface DumpProgress {
  /** Nodes and relationships written so far. */
  done: number;
  total: number;
}

export interface DumpSummary {
  nodes: number;
  relationships: number;
  /** Nodes per key label. */
  labels: Record<string, number>;
  /** Relationships per type. */
  types: Record<string, number>;
  elapsedMs: number;
}

export interface ExportOptions {
  onProgress?: (progress: DumpProgress) => void;
  /**
   * Leave out RUN_TIMES (format.ts), the moments an ingest wrote: for comparing graphs, e.g. two ingests of the
   * same inputs, which store the same graph at other moments. Not for moving a graph: its articles would lose
   * when they were ingested.
   */
  withoutRunTimes?: boolean;
}

/** Writes the whole graph to `out` as canonical JSONL; the same graph always gives the same bytes. */
export async function exportGraph(graph: Graph, out: Writable, options: ExportOptions = {}): Promise<DumpSummary> {
  const { onProgress, withoutRunTimes = false } = options;
  const started = Date.now();
  const storedVersion = await readGraphVersion(graph);
  if (storedVersion > GRAPH_VERSION) {
    throw new ConflictError(`dump: this graph is at version ${storedVersion}, newer than this Actorgraph (${GRAPH_VERSION}); update Actorgraph first`);
  }
  const store = await countStore(graph);
  const unkeyed = [...store.labelSets].filter(([labels]) => labels.split(':').filter((l) => l in NODE_KEYS).length !== 1);
  if (unkeyed.length > 0) {
    const [labels, count] = unkeyed[0]!;
    throw new InputError(
      `dump: ${count} node(s) labelled ${labels || '(no label)'} have not exactly one of the labels the dump knows a key for ` +
        `(${KEY_LABELS.join(', ')}); add their label and key to NODE_KEYS in core/src/dump/format.ts`,
      { details: { labels, count } },
    );
  }
  const total = store.nodes + store.relationships;
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  let done = 0;
  const write = async (line: string) => {
    if (!out.write(line + '\n')) await once(out, 'drain');
  };
  const step = () => {
    done += 1;
    if (done % 1000 === 0) onProgress?.({ done, total });
  };
  await write(stringifyLine(headerLine(GRAPH_VERSION, withoutRunTimes ? runTimeNames() : [])));
  try {
    let nodes = 0;
    for (const label of KEY_LABELS) {
      for await (const line of readNodeLines(graph, label, withoutRunTimes ? RUN_TIMES[label] : [])) {
        await write(line);
        labels[label] = (labels[label] ?? 0) + 1;
        nodes += 1;
        step();
      }
    }
    if (nodes !== store.nodes) {
      throw new InputError(`dump: ${store.nodes - nodes} node(s) lack their key property (${describeKeys()}); the dump would drop them`);
    }
    let relationships = 0;
    for (const { type, label } of store.relationshipsByStart) {
      for await (const line of readRelationshipLines(graph, type, label)) {
        await write(line);
        types[type] = (types[type] ?? 0) + 1;
        relationships += 1;
        step();
      }
    }
    if (relationships !== store.relationships) {
      throw new InputError(
        `dump: ${store.relationships - relationships} relationship(s) start at a node the dump has no key for; the dump would drop them`,
      );
    }
    await write(stringifyLine({ end: { nodes, relationships } }));
    onProgress?.({ done, total });
    return { nodes, relationships, labels, types, elapsedMs: Date.now() - started };
  } catch (error) {
    if (error instanceof UnsupportedValueError) throw new InputError(`dump: cannot export ${error.message}`, { cause: error });
    throw error;
  }
}

function describeKeys(): string {
  return KEY_LABELS.map((label) => `${label}.${NODE_KEYS[label]}`).join(', ');
}

/** The whole dump as one string, for comparing graphs (tests, benchmarks); a file is the way to move one. */
export async function exportGraphToString(graph: Graph, options: ExportOptions = {}): Promise<string> {
  const chunks: string[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  await exportGraph(graph, out, options);
  return chunks.join('');
}

export interface ImportOptions {
  /** Nodes or relationships per write transaction, at most (default 1,000; fewer for long texts). */
  batchSize?: number;
  onProgress?: (progress: DumpProgress) => void;
}

const BATCH_TEXT = 4_000_000;

/**
 * Loads a dump into an empty database. The file is checked whole first (a malformed line is reported as
 * `file:line` before anything is written); then nodes and relationships go in batches of one label or one
 * type, relationships finding their ends by key.
 */
export async function importGraph(graph: Graph, file: string, options: ImportOptions = {}): Promise<DumpSummary> {
  const started = Date.now();
  const present = await countDataNodes(graph);
  if (present.size > 0) {
    const held = [...present].map(([label, count]) => `${count} ${label}`).join(', ');
    throw new ConflictError(
      `graph import: the database is not empty (it holds ${held}${present.size >= 5 ? ', …' : ''} nodes); ` +
        'a dump loads into an empty database only: point NEO4J_URI (or DATA_DIR) at an empty one, or empty this one first',
      { details: { present: Object.fromEntries(present) } },
    );
  }
  const checked = await checkFile(file);
  await ensureSchema(graph);
  const indexes = await createKeyIndexes(graph, [...checked.endLabels].sort());
  const batchSize = options.batchSize ?? 1000;
  const total = checked.nodes + checked.relationships;
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  let done = 0;
  try {
    let pending: Pending | undefined;
    const flush = async () => {
      if (!pending) return;
      const current = pending;
      pending = undefined;
      await writeBatch(graph, file, current);
      const counts = 'node' in current.line ? labels : types;
      counts[current.group] = (counts[current.group] ?? 0) + current.rows.length;
      done += current.rows.length;
      options.onProgress?.({ done, total });
    };
    for await (const { line, lineNumber } of readLines(file)) {
      if (!('node' in line) && !('rel' in line)) continue;
      const shape = 'node' in line ? `node ${line.node}` : `rel ${line.rel} ${line.from[0]} ${line.to[0]}`;
      if (pending && (pending.shape !== shape || pending.rows.length >= batchSize || pending.text >= BATCH_TEXT)) await flush();
      pending ??= { shape, group: 'node' in line ? line.node : line.rel, line, firstLine: lineNumber, lastLine: lineNumber, rows: [], text: 0 };
      pending.lastLine = lineNumber;
      pending.text += JSON.stringify(line.props ?? {}).length;
      if ('node' in line) pending.rows.push({ labels: line.labels ?? [], props: decodeProps(line.props, line.ints) } satisfies NodeRow);
      else pending.rows.push({ from: line.from[1], to: line.to[1], props: decodeProps(line.props, line.ints) } satisfies RelRow);
    }
    await flush();
  } finally {
    await dropIndexes(graph, indexes);
  }
  // The data is in the dump's version; an older dump is migrated like an older store.
  await stampGraphVersion(graph, checked.graphVersion);
  await migrateGraph(graph);
  await awaitIndexes(graph);
  return { nodes: checked.nodes, relationships: checked.relationships, labels, types, elapsedMs: Date.now() - started };
}

interface Pending {
  shape: string;
  group: string;
  /** The batch's first line, which says its label or type and ends. */
  line: DumpLine;
  firstLine: number;
  lastLine: number;
  rows: Array<NodeRow | RelRow>;
  text: number;
}

async function writeBatch(graph: Graph, file: string, batch: Pending): Promise<void> {
  const where = batch.firstLine === batch.lastLine ? `${file}:${batch.firstLine}` : `${file}:${batch.firstLine}-${batch.lastLine}`;
  try {
    if ('node' in batch.line) {
      await createNodes(graph, batch.line.node, batch.rows as NodeRow[]);
      return;
    }
    if (!('rel' in batch.line)) return;
    const { rel, from, to } = batch.line;
    const rows = batch.rows as RelRow[];
    const created = await createRelationships(graph, rel, from[0], to[0], rows);
    if (created === rows.length) return;
    const lost = [
      ...(await missingKeys(graph, from[0], [...new Set(rows.map((r) => r.from))])).map((key) => `${from[0]} ${JSON.stringify(key)}`),
      ...(await missingKeys(graph, to[0], [...new Set(rows.map((r) => r.to))])).map((key) => `${to[0]} ${JSON.stringify(key)}`),
    ];
    throw new InputError(`${where}: ${rel} relationships end at nodes the dump does not hold: ${lost.slice(0, 3).join(', ')}`, {
      details: { path: file, line: batch.firstLine, missing: lost },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const message = (error as Error).message ?? String(error);
    // A duplicate key: two lines for one node. Anything else Neo4j refuses is reported the same way.
    throw new InputError(`${where}: Neo4j refused this batch: ${message.split('\n')[0]}`, {
      details: { path: file, line: batch.firstLine },
      cause: error,
    });
  }
}

interface CheckedFile {
  graphVersion: number;
  nodes: number;
  relationships: number;
  /** Key labels that relationships find their ends by. */
  endLabels: Set<string>;
}

/** Reads the whole file once, checking every line and the order of the parts, before anything is written. */
async function checkFile(file: string): Promise<CheckedFile> {
  let header: { graphVersion: number } | undefined;
  let nodes = 0;
  let relationships = 0;
  let ended = false;
  let last = 0;
  const endLabels = new Set<string>();
  for await (const { line, lineNumber } of readLines(file)) {
    last = lineNumber;
    const fail = (message: string) => lineError(file, lineNumber, message);
    if (ended) throw fail('a line after the end line');
    if (lineNumber === 1) {
      if (!('actorgraph' in line)) throw fail('the first line must be the dump header ({"actorgraph":"graph dump",…}): is this a graph dump?');
      if (line.format !== DUMP_FORMAT) throw fail(`dump format ${line.format}; this Actorgraph reads format ${DUMP_FORMAT}`);
      if (line.graphVersion > GRAPH_VERSION) {
        throw fail(`written by a newer Actorgraph (graph version ${line.graphVersion}; this one reads up to ${GRAPH_VERSION})`);
      }
      header = line;
    } else if ('actorgraph' in line) {
      throw fail('a second header');
    } else if ('node' in line) {
      if (relationships > 0) throw fail('a node after the relationships (nodes come first)');
      nodes += 1;
    } else if ('rel' in line) {
      relationships += 1;
      endLabels.add(line.from[0]).add(line.to[0]);
    } else {
      if (line.end.nodes !== nodes || line.end.relationships !== relationships) {
        throw fail(`the end line counts ${line.end.nodes} nodes and ${line.end.relationships} relationships; the file has ${nodes} and ${relationships}`);
      }
      ended = true;
    }
  }
  if (!header) throw new InputError(`${file}: empty file, not a graph dump`, { details: { path: file } });
  if (!ended) throw lineError(file, last, 'the file ends without its end line: it was cut short');
  return { graphVersion: header.graphVersion, nodes, relationships, endLabels };
}

function lineError(file: string, line: number, message: string): InputError {
  return new InputError(`${file}:${line}: ${message}`, { details: { path: file, line } });
}

async function* readLines(file: string): AsyncGenerator<{ line: DumpLine; lineNumber: number }> {
  const input = createReadStream(file, { encoding: 'utf8' });
  const opened = once(input, 'open').catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`${file}: cannot read it (${error.code ?? error.message})`, { details: { path: file }, cause: error });
  });
  await opened;
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber += 1;
      let line: DumpLine;
      try {
        line = parseLine(text);
      } catch (error) {
        throw lineError(file, lineNumber, (error as Error).message);
      }
      yield { line, lineNumber };
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
