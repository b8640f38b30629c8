/** The read-only questions about the graph: search, entity, neighbourhood, paths, evidence, article, timelines, top. */
import type { Graph } from '../../../core/src/neo4j/connect.js';
import { getArticle } from '../../../core/src/queries/articles.js';
import { getEntity } from '../../../core/src/queries/entities.js';
import { getLinkEvidence } from '../../../core/src/queries/evidence.js';
import { getNeighbours } from '../../../core/src/queries/neighbours.js';
import { findPaths } from '../../../core/src/queries/paths.js';
import { searchEntities } from '../../../core/src/queries/search.js';
import { entityTimeline, linkTimeline } from '../../../core/src/queries/timeline.js';
import { topEntities } from '../../../core/src/queries/top.js';
import type { ApiRoutes } from '../api/route.js';
import * as S from '../api/schemas.js';

export function exploreRoutes(api: ApiRoutes, graph: Graph): void {
  api.add({ method: 'get', path: '/search', tag: 'explore', summary: 'Entities by name or alias, typo-tolerant, best first', query: S.SearchQuery }, async ({ query }) => ({
    results: await searchEntities(graph, { q: query.q, types: query.type, limit: query.limit, includeHidden: query.hidden }),
  }));

  api.add({ method: 'get', path: '/top', tag: 'explore', summary: 'Starting view: the top actors by mentions or links, and the links among them', query: S.TopQuery }, async ({ query }) =>
    topEntities(graph, { by: query.by, limit: query.limit, types: query.type }),
  );

  api.add(
    { method: 'get', path: '/entities/:id', tag: 'explore', summary: 'One entity: aliases, counts, articles (newest first, paged), strongest links, annotations', params: S.EntityParams, query: S.EntityQuery },
    async ({ params, query }) => getEntity(graph, params.id, query),
  );

  api.add(
    { method: 'get', path: '/entities/:id/neighbours', tag: 'explore', summary: "An entity's neighbourhood as Cytoscape elements; hubs paged, each node's left-out links in data.more", params: S.EntityParams, query: S.NeighbourQuery },
    async ({ params, query }) =>
      getNeighbours(graph, params.id, {
        depth: query.depth as 1 | 2 | 3,
        types: query.type,
        minWeight: query.minWeight,
        from: query.from,
        to: query.to,
        limit: query.limit,
        offset: query.offset,
      }),
  );

  api.add(
    { method: 'get', path: '/entities/:id/timeline', tag: 'explore', summary: 'Mentions of an entity per month', params: S.EntityParams },
    async ({ params }) => ({ id: params.id, buckets: await entityTimeline(graph, params.id) }),
  );

  api.add(
    { method: 'get', path: '/paths', tag: 'explore', summary: 'Several shortest paths between two entities, each hop with its evidence. A bounded search: `stoppedEarly` (with `stopReason`) says when it stopped before looking everywhere, `throughHubs` when no path avoided the hubs', query: S.PathQuery },
    async ({ query }) =>
      findPaths(graph, {
        from: query.from,
        to: query.to,
        max: query.max,
        limit: query.limit,
        avoid: query.avoid,
        excludeTypes: query.excludeTypes,
      }),
  );

  api.add(
    { method: 'get', path: '/links/:a/:b/evidence', tag: 'explore', summary: 'The sentences and articles behind a link, newest first, with mentions to highlight', params: S.LinkParams, query: S.EvidenceQuery },
    async ({ params, query }) => getLinkEvidence(graph, params.a, params.b, query),
  );

  api.add(
    { method: 'get', path: '/links/:a/:b/timeline', tag: 'explore', summary: 'A link per month: sentences naming both, articles naming both', params: S.LinkParams },
    async ({ params }) => ({ a: params.a, b: params.b, buckets: await linkTimeline(graph, params.a, params.b) }),
  );

  api.add(
    { method: 'get', path: '/articles/:id', tag: 'explore', summary: "An article's text with its mentions' offsets and entity ids", params: S.ArticleParams },
    async ({ params }) => getArticle(graph, params.id),
  );
}
