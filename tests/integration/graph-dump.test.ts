// `npm run graph -- export / import` (issue #16, item 1): the samples, ingested, annotated and curated, dumped,
// loaded into an emptied database and dumped again give the same bytes, and what an analyst sees is unchanged.
// Also: an import refuses a database that holds data, and a bad line is reported by number before anything
// is written. The command itself runs once against NEO4J_URI, as a user moving to a server would run it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exportGraph, importGraph } from '../../core/src/dump/dump-file.js';
import { ConflictError, InputError } from '../../core/src/errors.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { findFreePort } from '../../core/src/neo4j/embedded.js';
import { createAnalyst } from '../../core/src/queries/analysts.js';
import { createAnnotation, getAnnotation, updateAnnotation } from '../../core/src/queries/annotations.js';
import { addManualLink, rejectString } from '../../core/src/queries/curation.js';
import { getLinkEvidence } from '../../core/src/queries/evidence.js';
import { mergeEntity } from '../../core/src/queries/merge.js';
import { GRAPH_VERSION, readGraphVersion } from '../../core/src/queries/migrations.js';
import { searchEntities } from '../../core/src/queries/search.js';
import { ingestPaths } from '../../ingest/src/ingest-paths.js';
import { SAMPLES_DIR } from '../../ingest/src/load-samples.js';
import { counterMismatches, graphTotals } from '../_setup/graph-totals.js';
import { openTestGraph, wipe } from '../_setup/test-graph.js';

const ROOT = path.resolve(__dirname, '../..');

describe('graph dump: export, import, export', () => {
  let graph: Graph;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-dump-'));
  const first = path.join(dir, 'first.jsonl');
  let strongest: { a: string; b: string };
  let annotationId: string;

  const dump = async (file: string) => {
    const out = createWriteStream(file);
    const summary = await exportGraph(graph, out);
    out.end();
    await finished(out);
    return summary;
  };
  const nodeCount = async () => (await graph.driver.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]!.get('n') as number;

  beforeAll(async () => {
    graph = await openTestGraph();
    const summary = await ingestPaths(graph, [SAMPLES_DIR], { workers: 0 });
    expect(summary.failed).toBe(0);
    // Analysts' work: a note edited once (a revision), a merge (an alias row), a rejected string hiding an
    // actor, a manual link, an account; each with its audit event.
    const { records } = await graph.driver.executeQuery(
      `MATCH (a:Entity)-[l:LINKED]->(b:Entity) RETURN a.id AS a, b.id AS b ORDER BY l.weight DESC, a.id, b.id LIMIT 1`,
    );
    strongest = { a: records[0]!.get('a'), b: records[0]!.get('b') };
    const note = await createAnnotation(graph, { targetKind: 'link', targetId: `${strongest.a}|${strongest.b}`, text: 'Talks', tags: ['summit'] }, 'alice');
    annotationId = note.id;
    await updateAnnotation(graph, note.id, { text: 'Talks, then a walk', version: note.version }, 'alice');
    const { records: persons } = await graph.driver.executeQuery(
      `MATCH (e:Person) RETURN e.id AS id ORDER BY e.mentionCount, e.id LIMIT 3`,
    );
    const [p1, p2, p3] = persons.map((r) => r.get('id') as string);
    await mergeEntity(graph, p1!, p2!, 'alice');
    await rejectString(graph, 'Not An Actor', 'bob', p3);
    await addManualLink(graph, strongest.a, p2!, 'Same delegation', 'bob');
    await createAnalyst(graph, 'carol', 'analyst');
  });
  afterAll(async () => {
    await graph?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('dumps every kind of node and relationship the store holds, in canonical order', async () => {
    const summary = await dump(first);
    const lines = readFileSync(first, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toEqual({ actorgraph: 'graph dump', format: 1, graphVersion: GRAPH_VERSION });
    expect(lines.at(-1)).toEqual({ end: { nodes: summary.nodes, relationships: summary.relationships } });
    const labels = new Set(lines.filter((l) => l.node).map((l) => l.node));
    expect([...labels].sort()).toEqual(['Alias', 'Analyst', 'Annotation', 'Article', 'AuditEvent', 'Entity', 'Origin', 'Rejection', 'Sentence', 'SourceFile']);
    const types = new Set(lines.filter((l) => l.rel).map((l) => l.rel));
    for (const type of ['ABOUT', 'HAS_SENTENCE', 'HOLDS', 'LINKED', 'MENTIONS', 'NAMES', 'REVISION_OF', 'LEADS']) expect(types).toContain(type);
    // Every node and relationship is there, the schema version aside (it is the header's graphVersion).
    const { records } = await graph.driver.executeQuery(
      `CALL () { MATCH (n) WHERE NOT n:SchemaVersion RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels`,
    );
    expect(summary.nodes).toBe(records[0]!.get('nodes'));
    expect(summary.relationships).toBe(records[0]!.get('rels'));
    // Integers are told from floats: Entity.articleCount is an INTEGER, Sentence.start a FLOAT in this store.
    const entity = lines.find((l) => l.node === 'Entity');
    expect(entity.ints).toContain('articleCount');
    expect(entity.labels).toHaveLength(1);
    // A second dump of the same graph is the same file.
    const again = path.join(dir, 'again.jsonl');
    await dump(again);
    expect(readFileSync(again)).toEqual(readFileSync(first));
  });

  it('loads into an emptied database and dumps the same bytes; counts, evidence, notes and search unchanged', async () => {
    const totals = await graphTotals(graph);
    const evidence = await getLinkEvidence(graph, strongest.a, strongest.b, { offset: 0, limit: 50 });
    const note = await getAnnotation(graph, annotationId);
    const types = await propertyTypes(graph);
    // The merge leaves a key naming a link it deleted (graph-model.md): the recount flags it, before and after.
    const mismatches = await counterMismatches(graph);

    await wipe(graph);
    const progress: number[] = [];
    const summary = await importGraph(graph, first, { batchSize: 50, onProgress: ({ done }) => progress.push(done) });
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toBe(summary.nodes + summary.relationships);

    const second = path.join(dir, 'second.jsonl');
    await dump(second);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));

    expect(await graphTotals(graph)).toEqual(totals);
    expect(await counterMismatches(graph)).toEqual(mismatches);
    expect(await getLinkEvidence(graph, strongest.a, strongest.b, { offset: 0, limit: 50 })).toEqual(evidence);
    expect(await getAnnotation(graph, annotationId)).toEqual(note);
    expect(await propertyTypes(graph)).toEqual(types);
    expect(await readGraphVersion(graph)).toBe(GRAPH_VERSION);
    // The full-text index was filled by the import: search finds an actor by a typo.
    const hits = await searchEntities(graph, { q: 'Macrn', limit: 3 });
    expect(hits[0]?.name).toBe('Emmanuel Macron');
    // The temporary index on sentence ids is gone again: the schema is schema.ts's.
    const { records } = await graph.driver.executeQuery(`SHOW INDEXES YIELD name WHERE name STARTS WITH 'dump_import' RETURN name`);
    expect(records).toHaveLength(0);
  });

  it('refuses to import into a database that holds data, and writes nothing', async () => {
    const before = await nodeCount();
    const error = await importGraph(graph, first).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toMatch(/not empty .*Entity/);
    expect(await nodeCount()).toBe(before);
  });

  it('reports a malformed line, a cut-short file and a missing end by file and line, before writing anything', async () => {
    await wipe(graph);
    const lines = readFileSync(first, 'utf8').trimEnd().split('\n');
    const cases: Array<[string, string[], RegExp]> = [
      ['bad-json.jsonl', [...lines.slice(0, 4), '{"node": "Entity", "props": {', ...lines.slice(5)], /bad-json\.jsonl:5: not JSON/],
      ['bad-label.jsonl', [...lines.slice(0, 2), '{"node":"Widget","props":{"id":"w"}}', ...lines.slice(3)], /bad-label\.jsonl:3: "node" must be one of/],
      ['bad-int.jsonl', [...lines.slice(0, 3), '{"node":"Entity","props":{"id":"x","n":1.5},"ints":["n"]}', ...lines.slice(4)], /bad-int\.jsonl:4: "ints" names "n"/],
      ['cut.jsonl', lines.slice(0, -40), /cut\.jsonl:\d+: the file ends without its end line/],
      ['no-header.jsonl', lines.slice(1), /no-header\.jsonl:1: the first line must be the dump header/],
    ];
    for (const [name, content, message] of cases) {
      const file = path.join(dir, name);
      writeFileSync(file, content.join('\n') + '\n');
      const error = await importGraph(graph, file).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(InputError);
      expect((error as Error).message, name).toMatch(message);
    }
    const error = (await importGraph(graph, path.join(dir, 'bad-json.jsonl')).catch((e: unknown) => e)) as InputError;
    expect(error.details).toEqual({ path: path.join(dir, 'bad-json.jsonl'), line: 5 });
    const missing = await importGraph(graph, path.join(dir, 'no-such.jsonl')).catch((e: unknown) => e);
    expect((missing as Error).message).toMatch(/no-such\.jsonl: cannot read it \(ENOENT\)/);
    expect(await nodeCount()).toBe(0);
  });

  it('runs as `npm run graph` against NEO4J_URI: import, export, and plain errors', async () => {
    await wipe(graph);
    const graphCommand = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'core/src/dump/graph-command.ts', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 120_000,
        env: { ...process.env, NEO4J_URI: inject('neo4jUri'), NEO4J_USER: inject('neo4jUser'), NEO4J_PASSWORD: inject('neo4jPassword'), ...env },
      });
    const imported = graphCommand(['import', first]);
    expect(imported.stderr).toMatch(/Imported .* nodes +\d+/s);
    expect(imported.status).toBe(0);
    const third = path.join(dir, 'third.jsonl');
    const exported = graphCommand(['export', '--out', third]);
    expect(exported.status).toBe(0);
    expect(readFileSync(third, 'utf8')).toBe(readFileSync(first, 'utf8'));
    // Without --out the dump goes to stdout, the summary to stderr.
    expect(graphCommand(['export']).stdout).toBe(readFileSync(first, 'utf8'));

    const again = graphCommand(['import', first]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/^Error: graph import: the database is not empty/m);

    const unknown = graphCommand(['backup']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Error: unknown command "backup"/m);

    const down = graphCommand(['export'], { NEO4J_URI: `bolt://127.0.0.1:${await findFreePort()}` });
    expect(down.status).toBe(1);
    expect(down.stderr).toMatch(/^Error: core\/connect: cannot use Neo4j at bolt:\/\/127\.0\.0\.1/m);
    expect(down.stdout).toBe('');
  });
});

/** Each label's or type's properties with their Neo4j types: an import must not turn an integer into a float. */
async function propertyTypes(graph: Graph): Promise<string[]> {
  const { records } = await graph.driver.executeQuery(
    `CALL () { MATCH (n) WHERE NOT n:SchemaVersion UNWIND keys(n) AS k RETURN labels(n)[0] + '.' + k + ' ' + valueType(n[k]) AS t
               UNION MATCH ()-[r]->() UNWIND keys(r) AS k RETURN type(r) + '.' + k + ' ' + valueType(r[k]) AS t }
     RETURN DISTINCT t ORDER BY t`,
  );
  return records.map((r) => r.get('t') as string);
}
