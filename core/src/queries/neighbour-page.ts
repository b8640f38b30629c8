/**
 * The centre of a neighbourhood and one page of its direct neighbours,
 * strongest link first (weight, then neighbour id), with how many pass the
 * filters. Read from the centre's strongest-links list (top-links.ts) when
 * that answers exactly; otherwise from all its links, sorted.
 */
import type { Graph } from '../neo4j/connect.js';
import { int, readRows, type Row } from './run.js';
import { ENTITY_FIELDS, VISIBLE, type EntitySummary } from './shapes.js';

export interface LinkFilters {
  types: string[] | null;
  minWeight: number;
  from: string | null;
  to: string | null;
}

/** One neighbour on the page: the entity, its degree and the link to the centre. */
export interface PageItem {
  entity: EntitySummary;
  degree: number;
  link: Record<string, unknown>;
}

export interface CentrePage {
  centre: EntitySummary;
  degree: number;
  /** The centre's neighbours that pass the filters. */
  total: number;
  items: PageItem[];
  /** Where it was read from: the list alone, the list with all links counted, or all links sorted. */
  via: 'list' | 'list and count' | 'all links';
}

// The link filters, shared by every hop: the other end visible and of a wanted type, weight and dates in range.
export const LINK_FILTER = `${VISIBLE('n')}
  AND ($types IS NULL OR n.type IN $types)
  AND ($minWeight = 0 OR coalesce(r.weight, 0) >= $minWeight)
  AND ($from IS NULL OR coalesce(r.lastSeen, r.firstSeen) IS NULL OR coalesce(r.lastSeen, r.firstSeen) >= $from)
  AND ($to IS NULL OR r.firstSeen IS NULL OR r.firstSeen <= $to)`;

export const LINK_FIELDS = (r: string) =>
  `{ weight: ${r}.weight, articles: coalesce(${r}.articles, 0), firstSeen: ${r}.firstSeen, lastSeen: ${r}.lastSeen, manual: coalesce(${r}.manual, false), note: ${r}.note }`;

// Turns `page` (a list of {n, r}) into the centre's fields, its degree and the page's items; `keep` are more columns.
const PAGE_FIELDS = (keep: string) => `
  UNWIND CASE WHEN size(page) = 0 THEN [null] ELSE page END AS p
  WITH c, ${keep}, p.n AS n, p.r AS r
  RETURN ${ENTITY_FIELDS('c')} AS centre, COUNT { (c)-[:LINKED]-() } AS degree, ${keep},
         collect(CASE WHEN n IS NULL THEN null ELSE
           { entity: ${ENTITY_FIELDS('n')}, degree: COUNT { (n)-[:LINKED]-() }, link: ${LINK_FIELDS('r')} } END) AS items`;

// Neighbours the read never shows, counted from the few hidden or merged-away entities (their indexes), not
// from the centre's links: with no filter, the total is the degree less these.
const INVISIBLE = `
  COUNT { MATCH (h:Entity {hidden: true}) USING INDEX h:Entity(hidden) MATCH (c)-[:LINKED]-(h) }
  + COUNT { MATCH (m:Entity) USING INDEX m:Entity(mergedInto)
            WHERE m.mergedInto IS NOT NULL AND coalesce(m.hidden, false) = false
            MATCH (c)-[:LINKED]-(m) }`;

// The listed neighbours, in list order, looked up one by one: a few hundred lookups, no sort of all links.
// The list is read once: c.topLinks[i] would read all of it from the store again for every i.
const FROM_LIST = `
  WITH c, c.topLinks AS ids
  UNWIND range(0, size(ids) - 1) AS i
  MATCH (n:Entity {id: ids[i]})
  MATCH (c)-[r:LINKED]-(n)
  WHERE ${LINK_FILTER}
  WITH i, n, r ORDER BY i
  RETURN count(*) AS hits, collect({ n: n, r: r })[$offset..$end] AS page`;

// Every link of the centre, filtered and sorted: what the list stands in for.
const FROM_ALL_LINKS = `
  MATCH (c)-[r:LINKED]-(n:Entity) WHERE ${LINK_FILTER}
  WITH n, r ORDER BY r.weight DESC, n.id
  RETURN count(*) AS hits, collect({ n: n, r: r })[$offset..$end] AS page`;

// A hub (an entity with a list) is read from its list; any other entity from its links, which cost no more
// than looking each up: at most a few hundred, sorted. One round trip either way.
const CENTRE_PAGE = `
  MATCH (c:Entity {id: $id})
  WITH c, c.topLinks IS NOT NULL AS fromList
  CALL (c, fromList) {
    WITH c, fromList WHERE fromList
    CALL (c) { ${FROM_LIST} }
    RETURN hits, page, ${INVISIBLE} AS invisible
    UNION ALL
    WITH c, fromList WHERE NOT fromList
    CALL (c) { ${FROM_ALL_LINKS} }
    RETURN hits, page, 0 AS invisible
  }
  ${PAGE_FIELDS('fromList, invisible, hits')}`;

const FULL_PAGE = `
  MATCH (c:Entity {id: $id})
  CALL (c) { ${FROM_ALL_LINKS} }
  ${PAGE_FIELDS('hits')}`;

// How many of the centre's links pass the filters: one pass, nothing sorted or kept.
const COUNT_PASSING = `
  MATCH (c:Entity {id: $id})
  RETURN COUNT { (c)-[r:LINKED]-(n:Entity) WHERE ${LINK_FILTER} } AS total`;

function centrePage(row: Row, total: number, via: CentrePage['via']): CentrePage {
  return { centre: row.centre as EntitySummary, degree: row.degree as number, total, items: row.items as PageItem[], via };
}

const pageParams = (id: string, filters: LinkFilters, offset: number, limit: number) =>
  ({ id, ...filters, offset: int(offset), end: int(offset + limit) });

/** The page from all the centre's links, sorted: what the list stands in for, and the reference tests compare it with. */
export async function readFullPage(graph: Graph, id: string, filters: LinkFilters, offset: number, limit: number): Promise<CentrePage | null> {
  const [full] = await readRows(graph, FULL_PAGE, pageParams(id, filters, offset, limit));
  return full ? centrePage(full, full.hits as number, 'all links') : null;
}

/** The centre and its page; null when there is no entity with that id. */
export async function readCentrePage(graph: Graph, id: string, filters: LinkFilters, offset: number, limit: number): Promise<CentrePage | null> {
  const params = pageParams(id, filters, offset, limit);
  const [row] = await readRows(graph, CENTRE_PAGE, params);
  if (!row) return null;
  const hits = row.hits as number;
  if (!row.fromList) return centrePage(row, hits, 'all links');
  // A hub's list holds its strongest links of all, so its first hits are the first of all that pass the
  // filters: exact as long as it has enough of them to fill the page. It falls short only when a filter
  // (a type, a minimum weight, dates) rejects most of a hub's strongest few hundred links, or the page lies
  // beyond them; then all its links are read and sorted.
  if (hits < offset + limit) return readFullPage(graph, id, filters, offset, limit);
  // The page is right. Without a filter the count is the degree less the hidden and merged-away neighbours;
  // a filter needs every link, but only counted.
  const filtered = filters.types !== null || filters.minWeight > 0 || filters.from !== null || filters.to !== null;
  if (!filtered) return centrePage(row, (row.degree as number) - (row.invisible as number), 'list');
  const [counted] = await readRows(graph, COUNT_PASSING, params);
  return centrePage(row, counted.total as number, 'list and count');
}
