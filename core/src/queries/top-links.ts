/**
 * A hub's strongest links, kept ready to read (issue #14). An entity with
 * more than TOP_LINKS links keeps `topLinks`, the ids of its strongest
 * neighbours in the order the neighbourhood read shows them (link weight
 * descending, then neighbour id), and `topWeights`, those links' weights. The
 * read then looks up a few hundred links instead of sorting the hub's
 * thousands (neighbour-page.ts); an entity with fewer links keeps no list and
 * is read from its links, as cheaply. Every write that changes a link's
 * weight, creates or deletes a link refreshes both ends here, in its own
 * transaction. Hidden neighbours stay in the lists: hiding changes no link,
 * and the read filters them out like any other filter.
 */

import { int } from './run.js';
import { batch } from './map-params.js';

/** Longest list kept: covers the first pages a client asks for (limit 100 by default, 200 in the bench). */
export const TOP_LINKS = 300;

/** Per entity, the neighbours whose link to it appeared or grew, and those whose link shrank or went. */
export type LinkChanges = Map<string, { grew: Set<string>; shrunk: Set<string> }>;

/** Records that the link between `a` and `b` grew (or appeared) or shrank (or went), for both ends. */
export function noteLink(changes: LinkChanges, a: string, b: string, how: 'grew' | 'shrunk'): void {
  if (a === b) return;
  for (const [end, other] of [[a, b], [b, a]]) {
    let change = changes.get(end);
    if (!change) changes.set(end, (change = { grew: new Set(), shrunk: new Set() }));
    change[how].add(other);
  }
}

/** Cypher: `e`'s strongest links as `top`, a list of { id, w } in read order (a top-k, not a whole sort). */
export const STRONGEST_LINKS = (e: string): string => `OPTIONAL MATCH (${e})-[r:LINKED]-(n:Entity)
    WITH ${e}, n, r ORDER BY r.weight DESC, n.id LIMIT $k
    WITH ${e}, collect(CASE WHEN n IS NULL THEN null ELSE { id: n.id, w: r.weight } END) AS top`;

/** The list size every statement here takes. */
export const TOP_LINKS_PARAMS = { k: int(TOP_LINKS) };

/**
 * Three cases, one statement for all the entities a write touched (those with few links and no list are
 * passed over: most of a batch's):
 * - an entity with at most TOP_LINKS links keeps no list (one it had goes);
 * - bounded: the new list is the strongest of the old list (weights as stored) and the neighbours whose
 *   links changed (weights looked up). Exact whenever no member shrank: links outside the list were weaker
 *   than all its members, and those that did not change still are; every change of a member's weight is
 *   noted here, so the stored weights of the others are current. Costs one lookup per changed link and a
 *   sort of a few hundred, whatever the hub's degree;
 * - full: every link read and the strongest kept. When the entity has no list yet (it just became a hub),
 *   or a member shrank or went, since an unlisted link may now belong in it. Rare: a link shrinks only when
 *   an article changes or goes, or in a merge or its undo.
 */
const REFRESH = `CYPHER replan=skip
  UNWIND $batch.rows AS row
  MATCH (e:Entity {id: row.id})
  WITH e, row, COUNT { (e)-[:LINKED]-() } > $k AS hub
  // Most entities a batch touches are no hub and keep no list: nothing to do for them.
  WITH e, row, hub WHERE hub OR e.topLinks IS NOT NULL
  WITH e, row, hub,
       hub AND (row.rebuild OR e.topLinks IS NULL OR any(x IN row.shrunk WHERE x IN e.topLinks)) AS full
  CALL (e, row, hub, full) {
    WITH e, hub WHERE NOT hub
    RETURN null AS ids, null AS weights
    UNION
    WITH e, full WHERE full
    ${STRONGEST_LINKS('e')}
    RETURN [t IN top | t.id] AS ids, [t IN top | t.w] AS weights
    UNION
    WITH e, row, hub, full WHERE hub AND NOT full
    CALL (e, row) {
      // Read once: e.topLinks[i] inside the UNWIND would read both whole lists from the store again for every i.
      WITH e.topLinks AS ids, e.topWeights AS weights, row
      UNWIND range(0, size(ids) - 1) AS i
      WITH ids[i] AS id, weights[i] AS w, row WHERE NOT id IN row.touched
      RETURN id, w
      UNION ALL
      UNWIND row.touched AS nid
      MATCH (n:Entity {id: nid})
      MATCH (e)-[r:LINKED]-(n)
      RETURN n.id AS id, r.weight AS w
    }
    // Grouped by e: an aggregate without a key would answer a row even for entities this branch skips.
    WITH e, id, w ORDER BY w DESC, id LIMIT $k
    WITH e, collect({ id: id, w: w }) AS top
    RETURN [t IN top | t.id] AS ids, [t IN top | t.w] AS weights
  }
  SET e.topLinks = ids, e.topWeights = weights`;

/** Runs one parameterised statement in the caller's transaction (ingest's tx.run, curation's TxRun). */
export type RunStatement = (cypher: string, params: Record<string, unknown>) => Promise<unknown>;

/**
 * Brings the lists of every entity in `changes` up to date, and recomputes those in `rebuild` from all their
 * links (a merge's two ends). Call it in the transaction that changed the links, after the change. Rows go in
 * id order, the order ingest locks entities in.
 */
export async function refreshTopLinks(run: RunStatement, changes: LinkChanges, rebuild: string[] = []): Promise<void> {
  const ids = [...new Set([...changes.keys(), ...rebuild])].sort();
  if (ids.length === 0) return;
  const rebuilt = new Set(rebuild);
  const rows = ids.map((id) => {
    const { grew, shrunk } = changes.get(id) ?? { grew: new Set<string>(), shrunk: new Set<string>() };
    return { id, touched: [...new Set([...grew, ...shrunk])], shrunk: [...shrunk], rebuild: rebuilt.has(id) };
  });
  await run(REFRESH, { ...batch({ rows }), ...TOP_LINKS_PARAMS });
}
