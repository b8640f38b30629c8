/**
 * Reading the whole graph out for a dump, and writing a dump's lines back (core/src/dump/). Nodes are read one
 * key label at a time in key order, relationships one type and start label at a time in start-key order, so a
 * constrained key streams in index order; lines that share a sort key are ordered by their text. Labels, key
 * properties and relationship types in these statements come from the dump format's key table or from the
 * store's own type names, checked as identifiers; every value is a parameter.
 */
import neo4j from 'neo4j-driver';
import { InputError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { toAppError } from '../neo4j/database-errors.js';
import {
  compareText,
  encodeProps,
  KEY_LABELS,
  NODE_KEYS,
  SCHEMA_LABEL,
  stringifyLine,
  type Neo4jProps,
  type NodeRef,
} from '../dump/format.js';
import { batch } from './map-params.js';
import { writeTx } from './run.js';

type Access = Pick<Graph, 'driver' | 'database'>;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const name = (identifier: string): string => {
  if (!IDENTIFIER.test(identifier)) throw new InputError(`dump: "${identifier}" is not a label or type name the dump handles`);
  return `\`${identifier}\``;
};

/** [key label, key] of a node, or null for a node without one (a SchemaVersion). */
const REF = (n: string) =>
  `CASE ${KEY_LABELS.map((label) => `WHEN ${n}:${name(label)} THEN [${JSON.stringify(label)}, ${n}.${name(NODE_KEYS[label]!)}]`).join(' ')} END`;

/** Each property's Neo4j type, which JSON alone would lose (an integer and a float look alike). */
const TYPES = (x: string) => `[k IN keys(${x}) | [k, valueType(${x}[k])]]`;

async function* stream(graph: Access, cypher: string, params: Record<string, unknown> = {}): AsyncGenerator<Record<string, unknown>> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    for await (const record of session.run(cypher, params)) yield record.toObject();
  } catch (error) {
    throw toAppError(error, 'dump');
  } finally {
    await session.close().catch(() => {});
  }
}

async function rows(graph: Access, cypher: string, params: Record<string, unknown> = {}): Promise<Array<Record<string, unknown>>> {
  const out: Array<Record<string, unknown>> = [];
  for await (const row of stream(graph, cypher, params)) out.push(row);
  return out;
}

export interface StoreCounts {
  /** Nodes per combination of labels (sorted, joined with ':'), the schema version node left out. */
  labelSets: Map<string, number>;
  nodes: number;
  relationships: number;
  /** Relationships per type and key label of their start node, from Neo4j's counts store. */
  relationshipsByStart: Array<{ type: string; label: string; count: number }>;
}

/** What the store holds, counted; export checks every node has one key label before reading anything. */
export async function countStore(graph: Access): Promise<StoreCounts> {
  const labelSets = new Map<string, number>();
  let nodes = 0;
  for (const row of await rows(
    graph,
    `MATCH (n) WHERE NOT n:${name(SCHEMA_LABEL)} WITH labels(n) AS labels, count(*) AS count RETURN labels, count`,
  )) {
    const key = (row.labels as string[]).slice().sort().join(':');
    labelSets.set(key, (labelSets.get(key) ?? 0) + Number(row.count));
    nodes += Number(row.count);
  }
  const [total] = await rows(graph, 'MATCH ()-[r]->() RETURN count(r) AS count');
  const types = (await rows(graph, 'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS type')).map(
    (row) => row.type as string,
  );
  // One statement for every type and start label (each subquery is answered from the counts store, without
  // reading relationships): planning ~150 small statements took seconds on a fresh JVM.
  const pairs = types.sort().flatMap((type) => KEY_LABELS.map((label) => ({ type, label })));
  const relationshipsByStart: StoreCounts['relationshipsByStart'] = [];
  if (pairs.length > 0) {
    const [row] = await rows(
      graph,
      pairs.map(({ type, label }, i) => `CALL () { MATCH (:${name(label)})-[r:${name(type)}]->() RETURN count(r) AS c${i} }`).join('\n') +
        `\nRETURN [${pairs.map((_, i) => `c${i}`).join(', ')}] AS counts`,
    );
    (row!.counts as number[]).forEach((count, i) => {
      if (Number(count) > 0) relationshipsByStart.push({ ...pairs[i]!, count: Number(count) });
    });
  }
  return { labelSets, nodes, relationships: Number(total!.count), relationshipsByStart };
}

/** Canonical node lines of one key label, in key order; `leaveOut` names properties not dumped. */
export async function* readNodeLines(graph: Access, label: string, leaveOut: readonly string[] = []): AsyncGenerator<string> {
  const key = name(NODE_KEYS[label]!);
  const cypher = `MATCH (n:${name(label)}) WHERE n.${key} IS NOT NULL
    RETURN n.${key} AS key, labels(n) AS labels, properties(n) AS props, ${TYPES('n')} AS types ORDER BY n.${key}`;
  yield* inKeyOrder(
    stream(graph, cypher),
    (row) => row.key,
    (row) => {
      const where = `${label} ${JSON.stringify(row.key)}`;
      const stored = row.props as Record<string, unknown>;
      const kept = leaveOut.length === 0 ? stored : Object.fromEntries(Object.entries(stored).filter(([k]) => !leaveOut.includes(k)));
      const { props, ints } = encodeProps(kept, Object.fromEntries(row.types as string[][]), where);
      const labels = (row.labels as string[]).filter((l) => l !== label).sort();
      return stringifyLine({ node: label, labels, props, ints });
    },
  );
}

/** Canonical lines of the relationships of one type starting at nodes of one key label, in start-key order. */
export async function* readRelationshipLines(graph: Access, type: string, label: string): AsyncGenerator<string> {
  const key = name(NODE_KEYS[label]!);
  const cypher = `MATCH (a:${name(label)})-[r:${name(type)}]->(b) WHERE a.${key} IS NOT NULL
    RETURN a.${key} AS key, ${REF('b')} AS to, properties(r) AS props, ${TYPES('r')} AS types ORDER BY a.${key}`;
  yield* inKeyOrder(
    stream(graph, cypher),
    (row) => row.key,
    (row) => {
      const from: NodeRef = [label, row.key as string];
      const to = row.to as NodeRef | null;
      const where = `${type} from ${label} ${JSON.stringify(row.key)}`;
      if (!to || to[1] === null) throw new InputError(`dump: a ${where} ends at a node the dump has no key for`);
      const { props, ints } = encodeProps(row.props as Record<string, unknown>, Object.fromEntries(row.types as string[][]), where);
      return stringifyLine({ rel: type, from, to, props, ints });
    },
  );
}

/** Rows arrive sorted by key; rows sharing a key (several relationships from one node) are sorted by their line. */
async function* inKeyOrder(
  source: AsyncIterable<Record<string, unknown>>,
  keyOf: (row: Record<string, unknown>) => unknown,
  lineOf: (row: Record<string, unknown>) => string,
): AsyncGenerator<string> {
  let group: string[] = [];
  let groupKey: unknown;
  for await (const row of source) {
    const key = keyOf(row);
    if (group.length > 0 && key !== groupKey) {
      yield* group.sort(compareText);
      group = [];
    }
    groupKey = key;
    group.push(lineOf(row));
  }
  yield* group.sort(compareText);
}

/** Nodes other than the schema version's: an import goes into a database that has none. */
export async function countDataNodes(graph: Access): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const row of await rows(
    graph,
    `MATCH (n) WHERE NOT n:${name(SCHEMA_LABEL)} RETURN labels(n)[0] AS label, count(*) AS count ORDER BY count DESC LIMIT 5`,
  )) {
    counts.set(String(row.label), Number(row.count));
  }
  return counts;
}

export interface NodeRow {
  labels: string[];
  props: Neo4jProps;
}

/** Creates one batch of nodes of one key label (each with its own further labels). */
export async function createNodes(graph: Graph, label: string, nodeRows: NodeRow[]): Promise<void> {
  await writeTx(graph, (run) =>
    run(`UNWIND $batch.rows AS row CREATE (n:${name(label)}) SET n = row.props SET n:$(row.labels)`, batch({ rows: nodeRows })),
  );
}

export interface RelRow {
  from: string;
  to: string;
  props: Neo4jProps;
}

/** Creates one batch of relationships of one type between nodes of two key labels; returns how many ends were found. */
export async function createRelationships(graph: Graph, type: string, fromLabel: string, toLabel: string, relRows: RelRow[]): Promise<number> {
  const [row] = await writeTx(graph, (run) =>
    run(
      `UNWIND $batch.rows AS row
       MATCH (a:${name(fromLabel)} {${name(NODE_KEYS[fromLabel]!)}: row.from})
       MATCH (b:${name(toLabel)} {${name(NODE_KEYS[toLabel]!)}: row.to})
       CREATE (a)-[r:${name(type)}]->(b) SET r = row.props
       RETURN count(r) AS created`,
      batch({ rows: relRows }),
    ),
  );
  return Number(row!.created);
}

/** Which of these keys of a label have no node: what a failed relationship batch reports. */
export async function missingKeys(graph: Graph, label: string, keys: string[]): Promise<string[]> {
  const found = await rows(
    graph,
    `UNWIND $batch.keys AS key OPTIONAL MATCH (n:${name(label)} {${name(NODE_KEYS[label]!)}: key}) WITH key, n WHERE n IS NULL RETURN key`,
    batch({ keys }),
  );
  return found.map((row) => row.key as string);
}

/**
 * Relationships are created by finding their ends by key, so every key label that ends relationships needs an
 * index during the import. The schema (schema.ts) has one for most; those it lacks (Sentence ids) get one for
 * the import only, dropped after so the schema stays what schema.ts makes. Returns the names created.
 */
export async function createKeyIndexes(graph: Access, labels: string[]): Promise<string[]> {
  const indexed = await rows(
    graph,
    `SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties WHERE type = 'RANGE' AND entityType = 'NODE'
     RETURN labelsOrTypes[0] AS label, properties AS properties`,
  );
  const created: string[] = [];
  for (const label of labels) {
    const key = NODE_KEYS[label]!;
    if (indexed.some((row) => row.label === label && (row.properties as string[])[0] === key)) continue;
    const index = `dump_import_${label}_${key}`;
    await runWrite(graph, `CREATE INDEX ${name(index)} IF NOT EXISTS FOR (n:${name(label)}) ON (n.${name(key)})`);
    created.push(index);
  }
  if (created.length > 0) await runWrite(graph, 'CALL db.awaitIndexes(300)');
  return created;
}

export async function dropIndexes(graph: Access, names: string[]): Promise<void> {
  for (const index of names) await runWrite(graph, `DROP INDEX ${name(index)} IF EXISTS`);
}

/** Imported nodes fill the full-text and range indexes in the background; reads right after need them. */
export async function awaitIndexes(graph: Access): Promise<void> {
  await runWrite(graph, 'CALL db.awaitIndexes(300)');
}

async function runWrite(graph: Access, cypher: string): Promise<void> {
  // Schema statements and procedures need an auto-commit transaction.
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.run(cypher);
  } catch (error) {
    throw toAppError(error, 'dump');
  } finally {
    await session.close().catch(() => {});
  }
}

