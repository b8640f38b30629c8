// The foundation analysts rely on: a real Neo4j with the schema in place,
// data read back as written, and an embedded store that survives a restart
// and refuses a second concurrent start instead of corrupting itself.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirInUseError } from '../../core/src/errors.js';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { createDriver } from '../../core/src/neo4j/connect.js';
import { startEmbeddedNeo4j } from '../../core/src/neo4j/embedded.js';
import { FULLTEXT_ENTITY_INDEX } from '../../core/src/neo4j/schema.js';
import { openTestGraph } from '../_setup/test-graph.js';

describe('the test database', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
  });
  afterAll(() => graph.close());

  it('is Neo4j 5.26', async () => {
    const { records } = await graph.driver.executeQuery('CALL dbms.components() YIELD name, versions RETURN *');
    expect(records[0].get('name')).toBe('Neo4j Kernel');
    expect(records[0].get('versions')[0]).toMatch(/^5\.26\./);
  });

  it('has the unique ids and the full-text index the queries need', async () => {
    const { records } = await graph.driver.executeQuery(
      'SHOW INDEXES YIELD name, type, labelsOrTypes, properties, state RETURN *',
    );
    const byName = new Map(records.map((r) => [r.get('name'), r.toObject()]));
    expect(byName.get('entity_id')).toMatchObject({ labelsOrTypes: ['Entity'], properties: ['id'], state: 'ONLINE' });
    expect(byName.get('article_id')).toMatchObject({ labelsOrTypes: ['Article'], properties: ['id'] });
    expect(byName.get(FULLTEXT_ENTITY_INDEX)).toMatchObject({
      type: 'FULLTEXT',
      properties: ['name', 'aliases'],
      state: 'ONLINE',
    });
  });

  it('refuses a second entity with the same id', async () => {
    await graph.driver.executeQuery("CREATE (:Entity:Country {id: 'country:KP', name: 'North Korea'})");
    await expect(
      graph.driver.executeQuery("CREATE (:Entity:Country {id: 'country:KP', name: 'DPRK'})"),
    ).rejects.toThrow(/already exists/);
  });

  it('reads back what was written, and finds entities by an alias in the full-text index', async () => {
    await graph.driver.executeQuery(
      `CREATE (:Entity:Person {id: 'person:kim-yo-jong', name: 'Kim Yo-jong', aliases: ['Kim Yo Jong']})`,
    );
    const { records } = await graph.driver.executeQuery(
      `CALL db.index.fulltext.queryNodes($index, $q) YIELD node RETURN node.id AS id`,
      { index: FULLTEXT_ENTITY_INDEX, q: '"Kim Yo Jong"' },
    );
    expect(records.map((r) => r.get('id'))).toContain('person:kim-yo-jong');
  });
});

describe('the embedded store', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps data across a restart and refuses a second start on the same folder', async () => {
    const first = await startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 64 });
    const driver = createDriver(first.uri);
    await driver.executeQuery("CREATE (:Annotation {id: 'note-1', text: 'kept'})");

    await expect(startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 64 })).rejects.toBeInstanceOf(
      DataDirInUseError,
    );

    await driver.close();
    await first.stop();

    const second = await startEmbeddedNeo4j({ dataDir, heap: '512m', pageCacheMb: 64 });
    const again = createDriver(second.uri);
    try {
      const { records } = await again.executeQuery("MATCH (n:Annotation {id: 'note-1'}) RETURN n.text AS text");
      expect(records.map((r) => r.get('text'))).toEqual(['kept']);
    } finally {
      await again.close();
      await second.stop();
    }
  });
});
