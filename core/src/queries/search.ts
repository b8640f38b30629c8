/** Entities by name or alias, typo-tolerant, best first, with the counts that tell two "Kim"s apart. */
import type { EntityType } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { FULLTEXT_ENTITY_INDEX } from '../neo4j/schema.js';
import { toLuceneQuery } from './lucene.js';
import { int, readRows } from './run.js';
import { compact, ENTITY_FIELDS, VISIBLE, type EntitySummary } from './shapes.js';

export interface SearchOptions {
  q: string;
  types?: EntityType[];
  limit: number;
  /** Analysts looking for something they hid can ask for hidden entities too. */
  includeHidden?: boolean;
}

export interface SearchHit extends EntitySummary {
  score: number;
}

export async function searchEntities(graph: Graph, options: SearchOptions): Promise<SearchHit[]> {
  const lucene = toLuceneQuery(options.q);
  if (!lucene) return [];
  const rows = await readRows(
    graph,
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node AS e, score
     WHERE e.mergedInto IS NULL
       AND ($includeHidden OR ${VISIBLE('e')})
       AND ($types IS NULL OR e.type IN $types)
     RETURN ${ENTITY_FIELDS('e')} AS entity, score
     ORDER BY score DESC, entity.mentionCount DESC
     LIMIT $limit`,
    {
      index: FULLTEXT_ENTITY_INDEX,
      lucene,
      // Filters apply after the index; fetch extra so a filtered page is still full.
      fetch: int(Math.min(options.limit * 5 + 20, 1000)),
      includeHidden: options.includeHidden ?? false,
      types: options.types?.length ? options.types : null,
      limit: int(options.limit),
    },
  );
  return rows.map((r) => ({ ...compact(r.entity as EntitySummary), score: r.score as number }));
}
