/**
 * The graph dump's format: one JSON object per line, canonical, so two dumps of the same graph are the same
 * bytes and a test compares graphs by comparing files. Pure functions only; reading and writing the graph is in
 * core/src/queries/dump.ts, files and progress in dump-file.ts.
 *
 *   {"actorgraph":"graph dump","format":1,"graphVersion":3}
 *   {"node":"Entity","labels":["Person"],"props":{"id":"person:kim-jong-un",…},"ints":["articleCount","version"]}
 *   {"rel":"LINKED","from":["Entity","country:KP"],"to":["Entity","person:kim-jong-un"],"props":{"weight":3,…}}
 *   {"end":{"nodes":214,"relationships":702}}
 *
 * A node is known by its key label and that label's key property (NODE_KEYS), never by Neo4j's internal id; a
 * relationship by its type and its ends. Properties are dumped whole, whatever their names, so a property added
 * later travels without a change here. JSON has one number type and Neo4j two: numbers are floats unless their
 * key is listed in `ints` (an integer beyond 2^53 is then written as a string of digits). Lists keep their stored
 * order, which often carries meaning (`linkKeys` pairs with `linkWeights`, `starts` with `ends`, `topLinks` is
 * ranked). Keys inside `props` are sorted; lines are sorted by label, key, type and ends (queries/dump.ts).
 *
 * A dump for comparing graphs may leave out RUN_TIMES, the moments a run wrote something; its header lists what
 * it left out (`"omitted":["Article.ingestedAt","SourceFile.storedAt"]`).
 */
import neo4j, { type Integer } from 'neo4j-driver';

export const DUMP_FORMAT = 1;

/**
 * Each node label that identifies a node, and the property that is its stable key. Every node in the store has
 * exactly one of these labels (an Entity also has its type as a second label); export refuses a node that has
 * none, so a new label cannot be dropped silently: add it here with its key.
 */
export const NODE_KEYS: Readonly<Record<string, string>> = {
  Alias: 'key',
  Analyst: 'name',
  Annotation: 'id',
  Article: 'id',
  AuditEvent: 'id',
  Entity: 'id',
  Origin: 'key',
  Rejection: 'key',
  Sentence: 'id',
  SourceFile: 'path',
};

/** Not dumped: the schema version is the dump header's `graphVersion`, stamped by migrations.ts on import. */
export const SCHEMA_LABEL = 'SchemaVersion';

/**
 * When an ingest wrote a node, not what it wrote: two ingests of the same inputs, or a run cut short and run
 * again, store the same graph but stamp it at other moments. A dump for comparing graphs leaves these out
 * (`export --without-run-times`); every other property, the audit trail's times included, is compared.
 */
export const RUN_TIMES: Readonly<Record<string, readonly string[]>> = {
  Article: ['ingestedAt'],
  SourceFile: ['storedAt'],
};

/** Key labels in dump order. */
export const KEY_LABELS = Object.keys(NODE_KEYS).sort();

export type PropValue = string | boolean | number | string[] | boolean[] | number[];
/** Properties as they travel to Neo4j: integers as driver Integers, everything else as JSON gives it. */
export type Neo4jProps = Record<string, PropValue | Integer | Integer[]>;

export interface HeaderLine {
  actorgraph: 'graph dump';
  format: number;
  graphVersion: number;
  /** Properties left out of every node, as `Label.property` (RUN_TIMES in a dump for comparing). */
  omitted?: string[];
}
export interface NodeLine {
  node: string;
  labels?: string[];
  props: Record<string, PropValue>;
  ints?: string[];
}
export type NodeRef = [label: string, key: string];
export interface RelLine {
  rel: string;
  from: NodeRef;
  to: NodeRef;
  props?: Record<string, PropValue>;
  ints?: string[];
}
export interface EndLine {
  end: { nodes: number; relationships: number };
}
export type DumpLine = HeaderLine | NodeLine | RelLine | EndLine;

export function headerLine(graphVersion: number, omitted: string[] = []): HeaderLine {
  return { actorgraph: 'graph dump', format: DUMP_FORMAT, graphVersion, ...(omitted.length > 0 ? { omitted } : {}) };
}

/** RUN_TIMES as the header lists them: `Article.ingestedAt`, … */
export function runTimeNames(): string[] {
  return Object.entries(RUN_TIMES).flatMap(([label, keys]) => keys.map((key) => `${label}.${key}`)).sort();
}

/** A property value that cannot be dumped exactly; `where` names the node or relationship and the property. */
export class UnsupportedValueError extends Error {}

/**
 * Encodes the properties of one node or relationship, given each key's Neo4j type as `valueType()` names it
 * (`INTEGER NOT NULL`, `LIST<FLOAT NOT NULL> NOT NULL` …): keys sorted, integers listed in `ints`.
 */
export function encodeProps(
  props: Record<string, unknown>,
  types: Record<string, string>,
  where: string,
): { props: Record<string, PropValue>; ints: string[] } {
  const out: Record<string, PropValue> = {};
  const ints: string[] = [];
  for (const key of Object.keys(props).sort()) {
    const type = (types[key] ?? '').replace(/ NOT NULL/g, '');
    const value = props[key];
    const fail = (why: string) => new UnsupportedValueError(`${where}, property "${key}": ${why}`);
    const scalar = type.replace(/^LIST<(.*)>$/, '$1');
    const isList = scalar !== type;
    if (isList && !Array.isArray(value)) throw fail(`expected a list (${type})`);
    const items: unknown[] = isList ? (value as unknown[]) : [value];
    let encoded: Array<string | boolean | number>;
    switch (scalar) {
      case 'STRING':
      case 'BOOLEAN':
        if (items.some((item) => typeof item !== (scalar === 'STRING' ? 'string' : 'boolean'))) throw fail(`not a ${type}`);
        encoded = items as Array<string | boolean>;
        break;
      case 'FLOAT':
        if (items.some((item) => typeof item !== 'number' || !Number.isFinite(item))) {
          throw fail('a float JSON cannot hold (NaN or infinite)');
        }
        encoded = items as number[];
        break;
      case 'INTEGER':
        encoded = items.map((item) => encodeInteger(item, fail));
        ints.push(key);
        break;
      case 'NOTHING': // an empty list
        encoded = [];
        break;
      default:
        throw fail(`type ${type || 'unknown'} is not supported by the dump (strings, booleans, numbers and lists of them are)`);
    }
    out[key] = isList ? (encoded as PropValue) : encoded[0]!;
  }
  return { props: out, ints };
}

function encodeInteger(value: unknown, fail: (why: string) => Error): number | string {
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  // A driver with disableLosslessIntegers has already rounded an integer beyond 2^53.
  throw fail('an integer beyond 2^53 read without lossless integers');
}

/** Properties of a parsed line as Neo4j should store them: the `ints` as driver Integers. */
export function decodeProps(props: Record<string, PropValue> | undefined, ints: string[] | undefined): Neo4jProps {
  const out: Neo4jProps = { ...(props ?? {}) };
  for (const key of ints ?? []) {
    const value = out[key] as number | string | Array<number | string>;
    out[key] = Array.isArray(value) ? value.map((v) => neo4j.int(v)) : neo4j.int(value);
  }
  return out;
}

/** The line as written: its fields in a fixed order, empty optional ones left out. */
export function stringifyLine(line: DumpLine): string {
  if ('node' in line) {
    return JSON.stringify({
      node: line.node,
      ...(line.labels?.length ? { labels: line.labels } : {}),
      props: line.props,
      ...(line.ints?.length ? { ints: line.ints } : {}),
    });
  }
  if ('rel' in line) {
    return JSON.stringify({
      rel: line.rel,
      from: line.from,
      to: line.to,
      ...(line.props && Object.keys(line.props).length ? { props: line.props } : {}),
      ...(line.ints?.length ? { ints: line.ints } : {}),
    });
  }
  return JSON.stringify(line);
}

/** Lines that share a sort key (two relationships of one type between the same ends) ordered by their text. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A line of a dump file, checked; throws an Error saying what is wrong (the caller adds file and line). */
export function parseLine(text: string): DumpLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(text.trim() === '' ? 'empty line' : 'not JSON');
  }
  if (!isObject(value)) throw new Error('not a JSON object');
  if ('actorgraph' in value) {
    if (value.actorgraph !== 'graph dump' || !Number.isInteger(value.format) || !Number.isInteger(value.graphVersion)) {
      throw new Error('header must be {"actorgraph":"graph dump","format":N,"graphVersion":N}');
    }
    if (value.omitted !== undefined && !(Array.isArray(value.omitted) && value.omitted.every((o) => typeof o === 'string'))) {
      throw new Error('header "omitted" must be a list of Label.property names');
    }
    return value as unknown as HeaderLine;
  }
  if ('node' in value) return checkNode(value);
  if ('rel' in value) return checkRel(value);
  if ('end' in value) {
    const end = value.end;
    if (!isObject(end) || !Number.isInteger(end.nodes) || !Number.isInteger(end.relationships)) {
      throw new Error('"end" must be {"nodes":N,"relationships":N}');
    }
    return value as unknown as EndLine;
  }
  throw new Error('neither a header, a node, a relationship nor the end line');
}

function checkNode(value: Record<string, unknown>): NodeLine {
  const label = value.node;
  if (typeof label !== 'string' || !(label in NODE_KEYS)) {
    throw new Error(`"node" must be one of ${KEY_LABELS.join(', ')} (got ${JSON.stringify(label)})`);
  }
  if (value.labels !== undefined && !(Array.isArray(value.labels) && value.labels.every((l) => typeof l === 'string' && IDENTIFIER.test(l)))) {
    throw new Error('"labels" must be a list of label names');
  }
  checkProps(value.props, value.ints, true);
  const key = NODE_KEYS[label]!;
  if (typeof (value.props as Record<string, unknown>)[key] !== 'string') throw new Error(`a ${label} needs its key "${key}" as a string`);
  return value as unknown as NodeLine;
}

function checkRel(value: Record<string, unknown>): RelLine {
  if (typeof value.rel !== 'string' || !IDENTIFIER.test(value.rel)) throw new Error('"rel" must be a relationship type name');
  for (const end of ['from', 'to'] as const) {
    const ref = value[end];
    if (!Array.isArray(ref) || ref.length !== 2 || !(ref[0] in NODE_KEYS) || typeof ref[1] !== 'string') {
      throw new Error(`"${end}" must be [label, key] with a label among ${KEY_LABELS.join(', ')}`);
    }
  }
  checkProps(value.props, value.ints, false);
  return value as unknown as RelLine;
}

function checkProps(props: unknown, ints: unknown, required: boolean): void {
  if (props === undefined && !required) {
    if (ints !== undefined) throw new Error('"ints" without "props"');
    return;
  }
  if (!isObject(props)) throw new Error('"props" must be an object');
  for (const [key, value] of Object.entries(props)) {
    const items = Array.isArray(value) ? value : [value];
    const kinds = new Set(items.map((item) => typeof item));
    if (kinds.size > 1 || [...kinds].some((kind) => kind !== 'string' && kind !== 'number' && kind !== 'boolean')) {
      throw new Error(`property "${key}" must be a string, number, boolean or a list of one of them`);
    }
  }
  if (ints === undefined) return;
  if (!Array.isArray(ints)) throw new Error('"ints" must be a list of property names');
  for (const key of ints) {
    const items = Array.isArray(props[key]) ? (props[key] as unknown[]) : [props[key]];
    const whole = (item: unknown) => (typeof item === 'number' && Number.isSafeInteger(item)) || (typeof item === 'string' && /^-?\d+$/.test(item));
    if (typeof key !== 'string' || !(key in props) || !items.every(whole)) {
      throw new Error(`"ints" names ${JSON.stringify(key)}, which is not a whole number or a list of them in "props"`);
    }
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
