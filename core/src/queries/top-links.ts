/**
 * Each entity's strongest links, kept ready to read (issue #14): `topLinks`
 * holds the ids of its neighbours in the order the neighbourhood read shows
 * them (link weight descending, then neighbour id), at most TOP_LINKS of
 * them, and `topLinksComplete` says whether that is every link it has. The
 * read then looks up a few hundred links instead of sorting a hub's
 * thousands (neighbour-page.ts). Every write that changes a link's weight,
 * creates or deletes a link refreshes both ends here, in its own transaction.
 * Hidden neighbours stay in the lists: hiding changes no link, and the read
 * filters them out like any other filter.
 */

import { int } from './run.js';

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

/** Cypher: the ids of `e`'s strongest links as `top`, one more than a list keeps (to tell a complete list). */
export const STRONGEST_LINKS = (e: string): string => `OPTIONAL MATCH (${e})-[r:LINKED]-(n:Entity)
    WITH ${e}, n, r ORDER BY r.weight DESC, n.id LIMIT $take
    WITH ${e}, collect(n.id) AS top`;

/** The list sizes every statement here takes. */
export const TOP_LINKS_PARAMS = { k: int(TOP_LINKS), take: int(TOP_LINKS + 1) };

/**
 * Two ways to refresh one entity, one statement for all of them:
 * - bounded: the new list is the strongest of the old list and the neighbours whose links changed. Exact
 *   whenever no member of an incomplete list shrank: links outside the list were weaker than all its
 *   members, and those that did not change still are. Costs one lookup per candidate, at most a few
 *   hundred, whatever the entity's degree.
 * - full: every link read and the strongest kept (a top-k, not a whole sort). Needed when the entity has
 *   no list yet, or when a member of an incomplete list shrank or went, since an unlisted link may now
 *   belong in it. Rare: a link shrinks only when an article changes or goes, or in a merge or its undo.
 */
const REFRESH = `CYPHER replan=skip
  UNWIND $rows AS row
  MATCH (e:Entity {id: row.id})
  WITH e, row,
       row.rebuild OR e.topLinks IS NULL OR (NOT coalesce(e.topLinksComplete, false) AND any(x IN row.shrunk WHERE x IN e.topLinks)) AS full
  CALL (e, row, full) {
    WITH e, full WHERE full
    ${STRONGEST_LINKS('e')}
    RETURN top, size(top) <= $k AS complete
    UNION
    WITH e, row, full WHERE NOT full
    CALL (e, row) {
      UNWIND e.topLinks + [x IN row.touched WHERE NOT x IN e.topLinks] AS nid
      MATCH (n:Entity {id: nid})
      MATCH (e)-[r:LINKED]-(n)
      WITH n, r ORDER BY r.weight DESC, n.id LIMIT $take
      RETURN collect(n.id) AS top
    }
    RETURN top, e.topLinksComplete AND size(top) <= $k AS complete
  }
  SET e.topLinks = top[0..$k], e.topLinksComplete = complete`;

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
  await run(REFRESH, { rows, ...TOP_LINKS_PARAMS });
}
