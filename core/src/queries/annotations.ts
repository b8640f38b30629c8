/**
 * Analysts' notes and tags on an entity, a link (`a|b`, a < b) or an article:
 * create, list, edit and soft-delete, each change version-checked and the
 * previous state kept as a revision.
 */
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { recordAudit } from './audit.js';
import { readRows, writeTx, type TxRun } from './run.js';
import { linkKey } from './shapes.js';

export type TargetKind = 'entity' | 'link' | 'article';

export interface Annotation {
  id: string;
  targetKind: TargetKind;
  targetId: string;
  text: string;
  tags: string[];
  author: string;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
  version: number;
  /** Who made the latest change (edit or delete). */
  updatedBy?: string;
}

export interface AnnotationWithHistory extends Annotation {
  history: Annotation[];
}

const FIELDS = `n { .id, .targetKind, .targetId, .text, .author, .createdAt, .updatedAt, .updatedBy, tags: coalesce(n.tags, []), deleted: coalesce(n.deleted, false), version: n.version }`;
// Revisions are Annotation nodes too (REVISION_OF the live one); lists show live ones only.
const LIVE = 'NOT EXISTS { (n)-[:REVISION_OF]->() }';

function clean(raw: unknown): Annotation {
  const a = raw as Annotation;
  if (a.updatedBy == null) delete a.updatedBy;
  return a;
}

/** Normalises a target id: link ends are sorted, so `b|a` and `a|b` are one link. */
export function normaliseTarget(kind: TargetKind, id: string): string {
  if (kind !== 'link') return id;
  const [a, b] = id.split('|');
  return linkKey(a, b);
}

export interface AnnotationFilter {
  targetKind?: TargetKind;
  targetId?: string;
  author?: string;
  tag?: string;
  includeDeleted?: boolean;
}

export async function listAnnotations(graph: Graph, filter: AnnotationFilter): Promise<Annotation[]> {
  const rows = await readRows(
    graph,
    `MATCH (n:Annotation) WHERE ${LIVE}
       AND ($kind IS NULL OR n.targetKind = $kind)
       AND ($targetId IS NULL OR n.targetId = $targetId)
       AND ($author IS NULL OR n.author = $author)
       AND ($tag IS NULL OR $tag IN n.tags)
       AND ($includeDeleted OR coalesce(n.deleted, false) = false)
     RETURN ${FIELDS} AS a ORDER BY n.createdAt DESC LIMIT 500`,
    {
      kind: filter.targetKind ?? null,
      targetId: filter.targetId && filter.targetKind ? normaliseTarget(filter.targetKind, filter.targetId) : (filter.targetId ?? null),
      author: filter.author ?? null,
      tag: filter.tag ?? null,
      includeDeleted: filter.includeDeleted ?? false,
    },
  );
  return rows.map((r) => clean(r.a));
}

export async function getAnnotation(graph: Graph, id: string): Promise<AnnotationWithHistory> {
  const [row] = await readRows(
    graph,
    `MATCH (n:Annotation {id: $id}) WHERE ${LIVE}
     CALL (n) {
       OPTIONAL MATCH (old:Annotation)-[:REVISION_OF]->(n)
       WITH old ORDER BY old.version
       RETURN collect(old { .id, .targetKind, .targetId, .text, .author, .createdAt, .updatedAt, .updatedBy,
                            tags: coalesce(old.tags, []), deleted: coalesce(old.deleted, false), version: old.version }) AS history
     }
     RETURN ${FIELDS} AS a, history`,
    { id },
  );
  if (!row) throw new NotFoundError(`No annotation with id "${id}"`, { details: { id } });
  return { ...clean(row.a), history: (row.history as unknown[]).map(clean) };
}

export interface NewAnnotation {
  targetKind: TargetKind;
  targetId: string;
  text: string;
  tags: string[];
}

export async function createAnnotation(graph: Graph, input: NewAnnotation, author: string): Promise<Annotation> {
  const targetId = normaliseTarget(input.targetKind, input.targetId);
  return writeTx(graph, async (run) => {
    await assertTarget(run, input.targetKind, targetId);
    const now = new Date().toISOString();
    const props = {
      id: randomUUID(),
      targetKind: input.targetKind,
      targetId,
      text: input.text,
      tags: input.tags,
      author,
      createdAt: now,
      updatedAt: now,
      deleted: false,
      version: 1,
    };
    const ends = input.targetKind === 'link' ? targetId.split('|') : [targetId];
    const [row] = await run(
      `CREATE (n:Annotation $props)
       WITH n
       OPTIONAL MATCH (t) WHERE (t:Entity OR t:Article) AND t.id IN $ends
       FOREACH (x IN CASE WHEN t IS NULL THEN [] ELSE [t] END | MERGE (n)-[:ABOUT]->(x))
       RETURN DISTINCT ${FIELDS} AS a`,
      { props, ends },
    );
    const created = clean(row.a);
    await recordAudit(run, { analyst: author, action: 'annotation.create', targetId, after: created });
    return created;
  });
}

async function assertTarget(run: TxRun, kind: TargetKind, targetId: string): Promise<void> {
  if (kind === 'article') {
    const [row] = await run('MATCH (a:Article {id: $id}) RETURN a.id AS id', { id: targetId });
    if (!row) throw new NotFoundError(`No article with id "${targetId}"`, { details: { targetId } });
    return;
  }
  const ids = kind === 'link' ? targetId.split('|') : [targetId];
  const found = await run('MATCH (e:Entity) WHERE e.id IN $ids RETURN e.id AS id', { ids });
  const missing = ids.filter((id) => !found.some((r) => r.id === id));
  if (missing.length) throw new NotFoundError(`No entity with id "${missing[0]}"`, { details: { targetId, missing } });
}

export interface AnnotationChange {
  text?: string;
  tags?: string[];
  /** The version the analyst last saw; a newer one on the server is a conflict. */
  version: number;
}

export async function updateAnnotation(graph: Graph, id: string, change: AnnotationChange, analyst: string) {
  return reviseAnnotation(graph, id, change.version, analyst, 'annotation.update', {
    ...(change.text !== undefined && { text: change.text }),
    ...(change.tags !== undefined && { tags: change.tags }),
  });
}

/** Soft delete: the annotation stays, flagged, with its last text kept as a revision. */
export async function deleteAnnotation(graph: Graph, id: string, version: number, analyst: string) {
  return reviseAnnotation(graph, id, version, analyst, 'annotation.delete', { deleted: true });
}

async function reviseAnnotation(
  graph: Graph,
  id: string,
  version: number,
  analyst: string,
  action: string,
  set: Record<string, unknown>,
): Promise<Annotation> {
  return writeTx(graph, async (run) => {
    // Taking the write lock first makes the version check and the update one atomic step.
    const [current] = await run(
      `MATCH (n:Annotation {id: $id}) WHERE ${LIVE} SET n._lock = true REMOVE n._lock RETURN ${FIELDS} AS a`,
      { id },
    );
    if (!current) throw new NotFoundError(`No annotation with id "${id}"`, { details: { id } });
    const before = clean(current.a);
    if (before.version !== version) {
      throw new ConflictError(
        `Annotation "${id}" was changed by someone else (you edited version ${version}, it is now at ${before.version}); reload it and try again.`,
        { details: { id, expectedVersion: version, currentVersion: before.version } },
      );
    }
    const [row] = await run(
      `MATCH (n:Annotation {id: $id})
       WITH n, properties(n) AS p
       CREATE (old:Annotation) SET old = p { .*, id: n.id + '@v' + toString(n.version) }
       CREATE (old)-[:REVISION_OF]->(n)
       SET n += $set, n.version = n.version + 1, n.updatedAt = $now, n.updatedBy = $analyst
       RETURN ${FIELDS} AS a`,
      { id, set, now: new Date().toISOString(), analyst },
    );
    const after = clean(row.a);
    await recordAudit(run, { analyst, action, targetId: after.targetId, before, after });
    return after;
  });
}
