/**
 * Analysts' corrections to the graph: rename, change type, hide, reject a
 * string, add a manual link. Each one is version-checked when the caller
 * says which version it saw, and written with its audit event in one
 * transaction. Merges live in merge.ts.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { aliasKey, surfaceKey } from '../entity-keys.js';
import type { EntityType } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { recordAudit } from './audit.js';
import { int, readRows, writeTx, type TxRun } from './run.js';
import { compact, ENTITY_FIELDS, linkKey, type EntitySummary } from './shapes.js';
import { noteLink, refreshTopLinks, type LinkChanges } from './top-links.js';

/** Locks the entity for this transaction and checks the version the analyst saw. */
export async function lockEntity(run: TxRun, id: string, expectedVersion?: number): Promise<EntitySummary> {
  const [row] = await run(
    `MATCH (e:Entity {id: $id}) SET e.version = coalesce(e.version, 0) RETURN ${ENTITY_FIELDS('e')} AS e`,
    { id },
  );
  if (!row) throw new NotFoundError(`No entity with id "${id}"`, { details: { id } });
  const entity = compact(row.e as EntitySummary);
  if (expectedVersion !== undefined && entity.version !== expectedVersion) {
    throw new ConflictError(
      `Entity "${id}" was changed by someone else (you saw version ${expectedVersion}, it is now at ${entity.version}); reload it and try again.`,
      { details: { id, expectedVersion, currentVersion: entity.version } },
    );
  }
  return entity;
}

export interface EntityChange {
  name?: string;
  type?: EntityType;
  version?: number;
}

/**
 * Rename and/or change type. The old name stays findable as an alias, and
 * Alias rows make later ingests resolve the new spelling (and, after a type
 * change, the new type's keys) to this same entity.
 */
export async function updateEntity(graph: Graph, id: string, change: EntityChange, analyst: string): Promise<EntitySummary> {
  return writeTx(graph, async (run) => {
    const before = await lockEntity(run, id, change.version);
    if (before.mergedInto) throw new ConflictError(`Entity "${id}" was merged into "${before.mergedInto}"; edit that one`);
    const name = change.name ?? before.name;
    const type = change.type ?? before.type;
    const aliases = [...new Set([...before.aliases, before.name])].filter((a) => a !== name);
    const [row] = await run(
      `MATCH (e:Entity {id: $id})
       REMOVE e:$($oldType)
       SET e:$($type), e.type = $type, e.name = $name, e.aliases = $aliases, e.version = e.version + 1,
           e.typeSetByAnalyst = CASE WHEN $retyped THEN true ELSE e.typeSetByAnalyst END
       WITH e
       UNWIND $keys AS key
       MERGE (al:Alias {key: key}) SET al.entityId = e.id
       WITH DISTINCT e
       RETURN ${ENTITY_FIELDS('e')} AS e`,
      {
        id,
        oldType: before.type,
        type,
        retyped: change.type !== undefined && change.type !== before.type,
        name,
        aliases,
        keys: [...new Set([name, ...aliases].map((s) => aliasKey(type, s)))],
      },
    );
    const after = compact(row.e as EntitySummary);
    const action = change.type && change.type !== before.type ? 'entity.retype' : 'entity.rename';
    await recordAudit(run, { analyst, action, targetId: id, before, after });
    return after;
  });
}

export async function setHidden(graph: Graph, id: string, hidden: boolean, analyst: string, version?: number) {
  return writeTx(graph, async (run) => {
    const before = await lockEntity(run, id, version);
    const [row] = await run(
      `MATCH (e:Entity {id: $id}) SET e.hidden = $hidden, e.version = e.version + 1 RETURN ${ENTITY_FIELDS('e')} AS e`,
      { id, hidden },
    );
    const after = compact(row.e as EntitySummary);
    await recordAudit(run, { analyst, action: hidden ? 'entity.hide' : 'entity.unhide', targetId: id, before, after });
    return after;
  });
}

export interface Rejection {
  key: string;
  text: string;
  analyst: string;
  at: string;
}

/** "This string is not an entity": ingest skips it from now on. Optionally hides the entity it produced. */
export async function rejectString(graph: Graph, text: string, analyst: string, hideEntityId?: string): Promise<Rejection> {
  const key = surfaceKey(text);
  if (!key) throw new ValidationError('Nothing left to reject once punctuation is removed', { details: { field: 'text' } });
  return writeTx(graph, async (run) => {
    const at = new Date().toISOString();
    const [row] = await run(
      `MERGE (r:Rejection {key: $key}) SET r.text = $text, r.analyst = $analyst, r.at = $at RETURN r { .* } AS r`,
      { key, text, analyst, at },
    );
    await recordAudit(run, { analyst, action: 'string.reject', targetId: key, after: row.r });
    if (hideEntityId) {
      const before = await lockEntity(run, hideEntityId);
      const [hid] = await run(
        `MATCH (e:Entity {id: $id}) SET e.hidden = true, e.version = e.version + 1 RETURN ${ENTITY_FIELDS('e')} AS e`,
        { id: hideEntityId },
      );
      await recordAudit(run, { analyst, action: 'entity.hide', targetId: hideEntityId, before, after: compact(hid.e as EntitySummary) });
    }
    return row.r as Rejection;
  });
}

export async function unrejectString(graph: Graph, key: string, analyst: string): Promise<void> {
  await writeTx(graph, async (run) => {
    const [row] = await run('MATCH (r:Rejection {key: $key}) WITH r, r { .* } AS before DELETE r RETURN before', { key });
    if (!row) throw new NotFoundError(`No rejection with key "${key}"`, { details: { key } });
    await recordAudit(run, { analyst, action: 'string.unreject', targetId: key, before: row.before });
  });
}

export async function listRejections(graph: Graph, limit: number, offset: number): Promise<Rejection[]> {
  const rows = await readRows(graph, 'MATCH (r:Rejection) RETURN r { .* } AS r ORDER BY r.at DESC SKIP $offset LIMIT $limit', {
    offset: int(offset),
    limit: int(limit),
  });
  return rows.map((r) => r.r as Rejection);
}

/** An analyst-made link with a note; an existing co-mention link keeps its weight and gains the note. */
export async function addManualLink(graph: Graph, a: string, b: string, note: string, analyst: string) {
  if (a === b) throw new ValidationError('A link needs two different entities', { details: { field: 'b' } });
  const [source, target] = linkKey(a, b).split('|');
  return writeTx(graph, async (run) => {
    await lockEntity(run, source);
    await lockEntity(run, target);
    const [row] = await run(
      `MATCH (s:Entity {id: $source}), (t:Entity {id: $target})
       OPTIONAL MATCH (s)-[old:LINKED]-(t)
       WITH s, t, CASE WHEN old IS NULL THEN null ELSE properties(old) END AS before
       MERGE (s)-[r:LINKED]->(t)
       SET r.manual = true, r.note = $note, r.weight = coalesce(r.weight, 1), r.articles = coalesce(r.articles, 0),
           r.createdBy = coalesce(r.createdBy, $analyst)
       RETURN before, properties(r) AS after`,
      { source, target, note, analyst },
    );
    // A new link (weight 1) may belong among either end's strongest; an existing one keeps its weight.
    const changes: LinkChanges = new Map();
    noteLink(changes, source, target, 'grew');
    await refreshTopLinks(run, changes);
    await recordAudit(run, { analyst, action: 'link.manual', targetId: `${source}|${target}`, before: row.before, after: row.after });
    return { id: `${source}|${target}`, source, target, ...(row.after as Record<string, unknown>) };
  });
}
