/**
 * The schema every query relies on, created idempotently at startup:
 * unique ids, the full-text index behind search, and the lookups ingest and
 * the API make on every request; then the store's data migrations.
 */
import { migrateGraph } from '../queries/migrations.js';
import type { Graph } from './connect.js';

export const FULLTEXT_ENTITY_INDEX = 'entity_names';

const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE',
  'CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT annotation_id IF NOT EXISTS FOR (n:Annotation) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT analyst_name IF NOT EXISTS FOR (a:Analyst) REQUIRE a.name IS UNIQUE',
  'CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (a:Alias) REQUIRE a.key IS UNIQUE',
  'CREATE CONSTRAINT origin_key IF NOT EXISTS FOR (o:Origin) REQUIRE o.key IS UNIQUE',
  'CREATE CONSTRAINT source_file_path IF NOT EXISTS FOR (f:SourceFile) REQUIRE f.path IS UNIQUE',
  'CREATE CONSTRAINT schema_version_name IF NOT EXISTS FOR (v:SchemaVersion) REQUIRE v.name IS UNIQUE',
  // Exact duplicates under another name are found by their text's hash.
  'CREATE INDEX article_content_hash IF NOT EXISTS FOR (a:Article) ON (a.contentHash)',
  'CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (e:Entity) ON (e.name)',
  'CREATE INDEX entity_mentions IF NOT EXISTS FOR (e:Entity) ON (e.mentionCount)',
  // The few hidden and merged-away entities, counted out of a hub's neighbours without reading its links.
  'CREATE INDEX entity_hidden IF NOT EXISTS FOR (e:Entity) ON (e.hidden)',
  'CREATE INDEX entity_merged_into IF NOT EXISTS FOR (e:Entity) ON (e.mergedInto)',
  'CREATE INDEX linked_weight IF NOT EXISTS FOR ()-[l:LINKED]-() ON (l.weight)',
  `CREATE FULLTEXT INDEX ${FULLTEXT_ENTITY_INDEX} IF NOT EXISTS FOR (e:Entity) ON EACH [e.name, e.aliases]`,
];

/** The name each statement creates, to skip those that exist: most starts find the whole schema there. */
function schemaName(statement: string): string {
  return /^CREATE (?:CONSTRAINT|(?:FULLTEXT )?INDEX) (\S+)/.exec(statement)![1]!;
}

export async function ensureSchema(graph: Pick<Graph, 'driver' | 'database'>): Promise<void> {
  const { records } = await graph.driver.executeQuery(
    'SHOW INDEXES YIELD name, owningConstraint RETURN coalesce(owningConstraint, name) AS name',
    {},
    { database: graph.database, routing: 'READ' },
  );
  const existing = new Set(records.map((record) => record.get('name') as string));
  const missing = SCHEMA_STATEMENTS.filter((statement) => !existing.has(schemaName(statement)));
  for (const statement of missing) {
    await graph.driver.executeQuery(statement, {}, { database: graph.database });
  }
  // New indexes populate in the background; queries right after start need them online.
  if (missing.length > 0) await graph.driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database: graph.database });
  // What an older version of Actorgraph stored is converted once, before anything reads or writes it.
  await migrateGraph(graph);
}
