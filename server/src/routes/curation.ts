/** Analysts' corrections: merge and undo, rename, retype, hide, reject a string, manual links; and the audit trail. */
import type { Graph } from '../../../core/src/neo4j/connect.js';
import { listAudit } from '../../../core/src/queries/audit.js';
import {
  addManualLink,
  listRejections,
  rejectString,
  setHidden,
  unrejectString,
  updateEntity,
} from '../../../core/src/queries/curation.js';
import { mergeEntity, undoMerge } from '../../../core/src/queries/merge.js';
import type { ApiRoutes } from '../api/route.js';
import * as S from '../api/schemas.js';

export function curationRoutes(api: ApiRoutes, graph: Graph): void {
  api.add(
    { method: 'post', path: '/entities/:id/merge', tag: 'curation', summary: 'Merge this entity into another (reversible; later ingests keep it merged)', params: S.EntityParams, body: S.MergeBody, write: true },
    async ({ params, body, analyst }) => mergeEntity(graph, params.id, body.into, analyst!.name, body.version),
  );

  api.add(
    { method: 'post', path: '/merges/:id/undo', tag: 'curation', summary: 'Undo a merge exactly', params: S.IdParams, write: true },
    async ({ params, analyst }) => undoMerge(graph, params.id, analyst!.name),
  );

  api.add(
    { method: 'patch', path: '/entities/:id', tag: 'curation', summary: 'Rename and/or change type (the old name stays an alias)', params: S.EntityParams, body: S.EntityUpdateBody, write: true },
    async ({ params, body, analyst }) => ({ entity: await updateEntity(graph, params.id, body, analyst!.name) }),
  );

  api.add(
    { method: 'post', path: '/entities/:id/hide', tag: 'curation', summary: 'Hide an entity from search and graphs', params: S.EntityParams, body: S.VersionBody, write: true },
    async ({ params, body, analyst }) => ({ entity: await setHidden(graph, params.id, true, analyst!.name, body.version) }),
  );

  api.add(
    { method: 'post', path: '/entities/:id/unhide', tag: 'curation', summary: 'Show a hidden entity again', params: S.EntityParams, body: S.VersionBody, write: true },
    async ({ params, body, analyst }) => ({ entity: await setHidden(graph, params.id, false, analyst!.name, body.version) }),
  );

  api.add({ method: 'get', path: '/rejections', tag: 'curation', summary: 'Strings analysts said are not entities', query: S.PagingQuery }, async ({ query }) => ({
    rejections: await listRejections(graph, query.limit, query.offset),
  }));

  api.add(
    { method: 'post', path: '/rejections', tag: 'curation', summary: 'Say a string is not an entity; later ingests skip it', body: S.RejectionBody, write: true, status: 201 },
    async ({ body, analyst }) => ({ rejection: await rejectString(graph, body.text, analyst!.name, body.hideEntity) }),
  );

  api.add(
    { method: 'delete', path: '/rejections/:key', tag: 'curation', summary: 'Withdraw a rejection', params: S.RejectionParams, write: true },
    async ({ params, analyst }) => {
      await unrejectString(graph, params.key, analyst!.name);
      return undefined;
    },
  );

  api.add(
    { method: 'post', path: '/links', tag: 'curation', summary: 'Add a manual link with a note', body: S.ManualLinkBody, write: true, status: 201 },
    async ({ body, analyst }) => ({ link: await addManualLink(graph, body.a, body.b, body.note, analyst!.name) }),
  );

  api.add({ method: 'get', path: '/audit', tag: 'curation', summary: 'The audit trail: who changed what, when, before and after', query: S.AuditQuery }, async ({ query }) => ({
    events: await listAudit(graph, query),
  }));
}
