/** Analysts' notes and tags: list, read with history, create, edit and soft-delete (version-checked). */
import type { Request } from 'express';
import { ValidationError } from '../../../core/src/errors.js';
import type { Graph } from '../../../core/src/neo4j/connect.js';
import {
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  listAnnotations,
  updateAnnotation,
} from '../../../core/src/queries/annotations.js';
import type { ApiRoutes } from '../api/route.js';
import * as S from '../api/schemas.js';

/** The version the client last saw: `version` in the body, else an `If-Match` header (`3` or `"3"`). */
export function expectedVersion(req: Request, fromBody: number | undefined): number {
  if (fromBody !== undefined) return fromBody;
  const header = req.get('if-match')?.replace(/^W\//, '').replace(/"/g, '').trim();
  if (header && /^\d+$/.test(header)) return Number(header);
  throw new ValidationError('Say which version you are changing: "version" in the body or an If-Match header', {
    details: { location: 'body', field: 'version' },
  });
}

export function annotationRoutes(api: ApiRoutes, graph: Graph): void {
  api.add({ method: 'get', path: '/annotations', tag: 'annotations', summary: 'Annotations, filtered by target, author or tag', query: S.AnnotationListQuery }, async ({ query }) => ({
    annotations: await listAnnotations(graph, { ...query, includeDeleted: query.deleted }),
  }));

  api.add({ method: 'get', path: '/annotations/:id', tag: 'annotations', summary: 'One annotation with its earlier versions', params: S.IdParams }, async ({ params, res }) => {
    const annotation = await getAnnotation(graph, params.id);
    res.set('ETag', `"${annotation.version}"`);
    return annotation;
  });

  api.add(
    { method: 'post', path: '/annotations', tag: 'annotations', summary: 'Annotate an entity, a link (a|b) or an article', body: S.AnnotationCreateBody, write: true, status: 201 },
    async ({ body, analyst }) => createAnnotation(graph, body, analyst!.name),
  );

  api.add(
    { method: 'patch', path: '/annotations/:id', tag: 'annotations', summary: 'Edit text or tags; 409 if someone changed it since your version', params: S.IdParams, body: S.AnnotationUpdateBody, write: true },
    async ({ params, body, analyst, req }) =>
      updateAnnotation(graph, params.id, { text: body.text, tags: body.tags, version: expectedVersion(req, body.version) }, analyst!.name),
  );

  api.add(
    { method: 'delete', path: '/annotations/:id', tag: 'annotations', summary: 'Soft-delete (history kept); 409 on a stale version', params: S.IdParams, body: S.VersionBody, write: true },
    async ({ params, body, analyst, req }) => deleteAnnotation(graph, params.id, expectedVersion(req, body.version), analyst!.name),
  );
}
