/**
 * Merging one entity into another, and undoing it exactly. The merge moves
 * mentions, evidence sentences, co-mention links (weights summed), typed
 * facts and annotations to the target, writes Alias rows so every later
 * ingest keeps the spellings on the target, and records everything it
 * replaced in the audit event, which the undo replays backwards.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { aliasKey } from '../entity-keys.js';
import { RELATION_TYPES } from '../model.js';
import type { Graph } from '../neo4j/connect.js';
import { parseEvent, recordAudit } from './audit.js';
import { lockEntity } from './curation.js';
import { rolledBackTx, writeTx, type TxRun } from './run.js';
import { compact, ENTITY_FIELDS, type EntitySummary } from './shapes.js';
import { noteLink, refreshTopLinks, type LinkChanges } from './top-links.js';
import { batch, pair, type PairParams } from './map-params.js';

type Props = Record<string, unknown>;

/** Everything a merge changes, as it was before: enough to put it all back. */
interface MergePayload {
  source: string;
  target: string;
  sourceProps: Props;
  targetProps: Props;
  mentions: Array<{ article: string; source: Props; target: Props | null }>;
  names: Array<{ sentence: string; alsoTarget: boolean }>;
  links: Array<{ other: string; out: boolean; source: Props; target: Props | null }>;
  relations: Array<{ type: string; other: string; out: boolean; source: Props; target: Props | null }>;
  annotations: Array<{ id: string; targetId: string; aboutSource: boolean; aboutTarget: boolean }>;
  aliasRows: Array<{ key: string; entityId: string | null }>;
  /** What each article mentioning the source recorded of its contributions (contributions.ts), before the rewrite. */
  records?: Array<{ article: string; linkKeys: string[]; linkWeights: number[]; relationKeys: string[]; statements: string[] }>;
}

export interface MergeResult {
  mergeId: string;
  entity: EntitySummary;
  merged: EntitySummary;
}

export async function mergeEntity(
  graph: Graph,
  sourceId: string,
  targetId: string,
  analyst: string,
  expectedVersion?: number,
): Promise<MergeResult> {
  if (sourceId === targetId) throw new ValidationError('An entity cannot be merged into itself', { details: { field: 'into' } });
  return writeTx(graph, (run) => mergeInTx(run, sourceId, targetId, analyst, expectedVersion));
}

/**
 * Several merges in one transaction, each its own audited, undoable merge: ingest's stage 6 makes dozens after a
 * run, and one commit for a chunk of them costs far less than one each. A pair whose entities are gone or
 * already merged elsewhere is skipped (checked before anything of it is written); the merges made are returned.
 */
export async function mergeEntities(graph: Graph, pairs: Array<{ source: string; target: string }>, analyst: string): Promise<MergeResult[]> {
  return writeTx(graph, async (run) => {
    const done: MergeResult[] = [];
    for (const { source, target } of pairs) {
      if (source === target) continue;
      try {
        done.push(await mergeInTx(run, source, target, analyst));
      } catch (error) {
        if (error instanceof ConflictError || error instanceof NotFoundError) continue;
        throw error;
      }
    }
    return done;
  });
}

/** Ids of the two throw-away entities warmMergePlans merges; no slug can start with "warm:". */
const WARM_SOURCE = 'warm:merge-source';
const WARM_TARGET = 'warm:merge-target';

/**
 * Makes Neo4j plan every statement of a merge, by merging two throw-away entities in a transaction that is rolled
 * back: the store is left as it was. Ingest calls it while its batches are still being written, so that stage 6's
 * first merge does not plan ~20 statements on a cold JVM after the run (~2.5 s of a BBC ingest), while the
 * machine is otherwise idle.
 */
export async function warmMergePlans(graph: Graph, analyst: string): Promise<void> {
  await rolledBackTx(graph, async (run) => {
    await run(
      `CREATE (:Entity:Person {id: $pair.s, type: 'Person', name: 'Warm Source', aliases: [], version: 0, hidden: false,
                               mentionCount: 0, articleCount: 0}),
              (:Entity:Person {id: $pair.t, type: 'Person', name: 'Warm Target', aliases: [], version: 0, hidden: false,
                               mentionCount: 0, articleCount: 0})`,
      pair(WARM_SOURCE, WARM_TARGET),
    );
    await mergeInTx(run, WARM_SOURCE, WARM_TARGET, analyst);
  });
}

async function mergeInTx(run: TxRun, sourceId: string, targetId: string, analyst: string, expectedVersion?: number): Promise<MergeResult> {
  const source = await lockEntity(run, sourceId, expectedVersion);
  const target = await lockEntity(run, targetId);
  for (const e of [source, target]) {
    if (e.mergedInto) throw new ConflictError(`Entity "${e.id}" is already merged into "${e.mergedInto}"`, { details: { id: e.id } });
  }
  const payload = await capture(run, source, target);
  await apply(run, payload, source, target);
  const [row] = await run(`MATCH (t:Entity {id: $pair.t}), (s:Entity {id: $pair.s}) RETURN ${ENTITY_FIELDS('t')} AS t, ${ENTITY_FIELDS('s')} AS s`, pair(sourceId, targetId));
  const entity = compact(row.t as EntitySummary);
  const event = await recordAudit(run, { analyst, action: 'entity.merge', targetId: sourceId, before: payload, after: entity });
  return { mergeId: event.id, entity, merged: compact(row.s as EntitySummary) };
}

async function capture(run: TxRun, source: EntitySummary, target: EntitySummary): Promise<MergePayload> {
  const p = pair(source.id, target.id);
  // The strongest-links lists are derived, rebuilt after the merge and after its undo: not worth keeping here.
  const [props] = await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     RETURN s { .*, topLinks: null, topWeights: null } AS s, t { .*, topLinks: null, topWeights: null } AS t`,
    p,
  );
  const mentions = await run(
    `MATCH (art:Article)-[m:MENTIONS]->(:Entity {id: $pair.s})
     OPTIONAL MATCH (art)-[m2:MENTIONS]->(:Entity {id: $pair.t})
     RETURN art.id AS article, properties(m) AS source, CASE WHEN m2 IS NULL THEN null ELSE properties(m2) END AS target`,
    p,
  );
  const names = await run(
    `MATCH (sen:Sentence)-[:NAMES]->(:Entity {id: $pair.s})
     RETURN sen.id AS sentence, EXISTS { (sen)-[:NAMES]->(:Entity {id: $pair.t}) } AS alsoTarget`,
    p,
  );
  const links = await run(
    `MATCH (s:Entity {id: $pair.s})-[r:LINKED]-(x:Entity)
     OPTIONAL MATCH (:Entity {id: $pair.t})-[r2:LINKED]-(x) WHERE x.id <> $pair.t
     RETURN x.id AS other, startNode(r) = s AS out, properties(r) AS source,
            CASE WHEN r2 IS NULL THEN null ELSE properties(r2) END AS target`,
    p,
  );
  const relations = await run(
    `MATCH (s:Entity {id: $pair.s})-[r]-(x:Entity) WHERE type(r) IN $types
     WITH s, r, x, type(r) AS type, startNode(r) = s AS out
     OPTIONAL MATCH (t:Entity {id: $pair.t})-[r2]-(x)
       WHERE x.id <> $pair.t AND type(r2) = type AND (startNode(r2) = t) = out
     RETURN type, x.id AS other, out, properties(r) AS source, CASE WHEN r2 IS NULL THEN null ELSE properties(r2) END AS target`,
    { ...p, types: [...RELATION_TYPES] },
  );
  const records = await run(
    `MATCH (art:Article)-[:MENTIONS]->(:Entity {id: $pair.s})
     RETURN art.id AS article, coalesce(art.linkKeys, []) AS linkKeys, coalesce(art.linkWeights, []) AS linkWeights,
            coalesce(art.relationKeys, []) AS relationKeys, coalesce(art.statements, []) AS statements`,
    p,
  );
  const annotations = await run(
    `MATCH (n:Annotation)
     WHERE (n.targetKind = 'entity' AND n.targetId = $pair.s)
        OR (n.targetKind = 'link' AND $pair.s IN split(n.targetId, '|'))
     RETURN n.id AS id, n.targetId AS targetId,
            EXISTS { (n)-[:ABOUT]->(:Entity {id: $pair.s}) } AS aboutSource,
            EXISTS { (n)-[:ABOUT]->(:Entity {id: $pair.t}) } AS aboutTarget`,
    p,
  );
  const keys = [...new Set([source.name, ...source.aliases].map((s) => aliasKey(target.type, s)))];
  const aliasRows = await run(
    `UNWIND $batch.keys AS key
     OPTIONAL MATCH (al:Alias {key: key})
     RETURN key, al.entityId AS entityId
     UNION
     MATCH (al:Alias {entityId: $pair.s}) RETURN al.key AS key, al.entityId AS entityId`,
    { ...p, ...batch({ keys }) },
  );
  // In a fixed order, not the store's: the snapshot is kept in the audit log, and two stores holding the same
  // graph (one ingest killed and run again, one not) must hold the same log.
  return {
    source: source.id,
    target: target.id,
    sourceProps: compact(props.s as Props),
    targetProps: compact(props.t as Props),
    mentions: sortedBy(mentions, (r) => [r.article]) as MergePayload['mentions'],
    names: sortedBy(names, (r) => [r.sentence]) as MergePayload['names'],
    links: sortedBy(links, (r) => [r.other]) as MergePayload['links'],
    relations: sortedBy(relations, (r) => [r.type, r.other, String(r.out)]) as MergePayload['relations'],
    annotations: sortedBy(annotations, (r) => [r.id]) as MergePayload['annotations'],
    aliasRows: sortedBy(aliasRows, (r) => [r.key, r.entityId ?? '']) as MergePayload['aliasRows'],
    records: sortedBy(records, (r) => [r.article]) as NonNullable<MergePayload['records']>,
  };
}

/** Rows ordered by the strings `key` gives, compared in turn. */
function sortedBy<T extends Record<string, unknown>>(rows: T[], key: (row: T) => unknown[]): T[] {
  const keyed = rows.map((row) => ({ row, key: key(row).map(String) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i]! < b.key[i]! ? -1 : 1;
    return 0;
  });
  return keyed.map(({ row }) => row);
}

/**
 * The articles that mention the source record their contributions under its id: rewritten to the target's,
 * so a later change of the article subtracts from the merged links and facts. A fact both ends had in one
 * article now counts that article once; returned per fact key, to take off the summed `articles`.
 */
async function rewriteRecords(run: TxRun, p: PairParams): Promise<Map<string, number>> {
  const overlaps = await run(
    `MATCH (art:Article)-[:MENTIONS]->(:Entity {id: $pair.s})
     WITH art,
          [k IN coalesce(art.linkKeys, []) | [e IN split(k, '|') | CASE WHEN e = $pair.s THEN $pair.t ELSE e END]] AS ends,
          [k IN coalesce(art.relationKeys, []) | reduce(out = '', e IN split(k, '|') |
             out + CASE WHEN out = '' THEN '' ELSE '|' END + CASE WHEN e = $pair.s THEN $pair.t ELSE e END)] AS keys,
          [k IN coalesce(art.statements, []) | reduce(out = '', e IN split(k, '|') |
             out + CASE WHEN out = '' THEN '' ELSE '|' END + CASE WHEN e = $pair.s THEN $pair.t ELSE e END)] AS said
     WITH art, keys, said,
          [e IN ends | CASE WHEN e[0] <= e[1] THEN e[0] + '|' + e[1] ELSE e[1] + '|' + e[0] END] AS linkKeys,
          reduce(acc = [], k IN keys | CASE WHEN k IN acc THEN acc ELSE acc + k END) AS distinctKeys
     SET art.linkKeys = linkKeys, art.relationKeys = distinctKeys,
         art.statements = reduce(acc = [], k IN said | CASE WHEN k IN acc THEN acc ELSE acc + k END)
     WITH keys, distinctKeys
     UNWIND distinctKeys AS key
     WITH key, size([k IN keys WHERE k = key]) - 1 AS extra
     WHERE extra > 0
     RETURN key, sum(extra) AS overlap`,
    p,
  );
  return new Map(overlaps.map((row) => [row.key as string, row.overlap as number]));
}

async function apply(run: TxRun, payload: MergePayload, source: EntitySummary, target: EntitySummary): Promise<void> {
  const p = pair(source.id, target.id);
  // First, while the source's mentions still lead to its articles.
  const overlap = await rewriteRecords(run, p);
  // Mentions: the target's offsets gain the source's, per article.
  await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     MATCH (art:Article)-[m:MENTIONS]->(s)
     MERGE (art)-[m2:MENTIONS]->(t)
     SET m2.count = coalesce(m2.count, 0) + coalesce(m.count, 0),
         m2.starts = coalesce(m2.starts, []) + coalesce(m.starts, []),
         m2.ends = coalesce(m2.ends, []) + coalesce(m.ends, [])
     DELETE m`,
    p,
  );
  // Evidence sentences now name the target.
  await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     MATCH (sen:Sentence)-[n:NAMES]->(s)
     MERGE (sen)-[:NAMES]->(t)
     DELETE n`,
    p,
  );
  // Co-mention links: summed onto the target's link to the same actor, stored smaller id -> larger.
  await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     MATCH (s)-[r:LINKED]-(x:Entity)
     WITH s, t, r, x, properties(r) AS p
     DELETE r
     WITH t, x, p WHERE x <> t
     FOREACH (_ IN CASE WHEN t.id < x.id THEN [1] ELSE [] END | MERGE (t)-[:LINKED]->(x))
     FOREACH (_ IN CASE WHEN t.id > x.id THEN [1] ELSE [] END | MERGE (x)-[:LINKED]->(t))
     WITH t, x, p
     MATCH (t)-[l:LINKED]-(x)
     SET l.weight = coalesce(l.weight, 0) + coalesce(p.weight, 0),
         l.articles = coalesce(l.articles, 0) + coalesce(p.articles, 0),
         l.firstSeen = CASE WHEN l.firstSeen IS NULL OR p.firstSeen < l.firstSeen THEN p.firstSeen ELSE l.firstSeen END,
         l.lastSeen = CASE WHEN l.lastSeen IS NULL OR p.lastSeen > l.lastSeen THEN p.lastSeen ELSE l.lastSeen END,
         l.manual = coalesce(l.manual, false) OR coalesce(p.manual, false),
         l.note = CASE WHEN l.note IS NULL THEN p.note WHEN p.note IS NULL THEN l.note ELSE l.note + '\n' + p.note END`,
    p,
  );
  // Each of the source's neighbours lost its link to the source and gained (or strengthened) one to the target.
  const changes: LinkChanges = new Map();
  for (const l of payload.links) {
    noteLink(changes, l.other, source.id, 'shrunk');
    noteLink(changes, l.other, target.id, 'grew');
  }
  await refreshTopLinks(run, changes, [source.id, target.id]);
  // Typed facts: same type and direction, now from or to the target; article counts combined, each article once.
  await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     MATCH (s)-[r]-(x:Entity) WHERE type(r) IN $types
     WITH s, t, r, x, type(r) AS type, startNode(r) = s AS out, properties(r) AS p
     DELETE r
     WITH t, x, type, out, p WHERE x <> t
     FOREACH (_ IN CASE WHEN out THEN [1] ELSE [] END | MERGE (t)-[:$(type)]->(x))
     FOREACH (_ IN CASE WHEN out THEN [] ELSE [1] END | MERGE (x)-[:$(type)]->(t))
     WITH t, x, type, out, p
     MATCH (t)-[l]-(x) WHERE type(l) = type AND (startNode(l) = t) = out
     SET l.articles = coalesce(l.articles, 0) + coalesce(p.articles, 0)
                      - coalesce($overlap[type + '|' + startNode(l).id + '|' + endNode(l).id], 0),
         l.firstSeen = CASE WHEN l.firstSeen IS NULL OR p.firstSeen < l.firstSeen THEN p.firstSeen ELSE l.firstSeen END,
         l.lastSeen = CASE WHEN l.lastSeen IS NULL OR p.lastSeen > l.lastSeen THEN p.lastSeen ELSE l.lastSeen END`,
    { ...p, types: [...RELATION_TYPES], overlap: Object.fromEntries(overlap) },
  );
  // Notes follow the actor: entity notes move, link notes get the target's id in place of the source's.
  const moved = payload.annotations.map((a) => ({
    id: a.id,
    targetId: a.targetId === source.id ? target.id : movedLinkKey(a.targetId, source.id, target.id),
  }));
  await run(
    `MATCH (t:Entity {id: $pair.t})
     UNWIND $batch.moved AS a
     MATCH (n:Annotation {id: a.id})
     SET n.targetId = a.targetId
     WITH t, n
     OPTIONAL MATCH (n)-[ab:ABOUT]->(:Entity {id: $pair.s})
     FOREACH (_ IN CASE WHEN ab IS NULL THEN [] ELSE [1] END | DELETE ab MERGE (n)-[:ABOUT]->(t))`,
    { ...p, ...batch({ moved }) },
  );
  // Later ingests resolve every spelling of the source to the target, including earlier merges into the source.
  await run(
    `UNWIND $batch.rows AS row
     MERGE (al:Alias {key: row.key}) SET al.entityId = $pair.t`,
    { ...p, ...batch({ rows: payload.aliasRows }) },
  );
  // The target carries the source's spellings; its counts come from its mentions.
  await run(
    `MATCH (s:Entity {id: $pair.s}), (t:Entity {id: $pair.t})
     SET t.aliases = [a IN reduce(acc = [], x IN coalesce(t.aliases, []) + [s.name] + coalesce(s.aliases, []) |
                        CASE WHEN x IN acc THEN acc ELSE acc + x END) WHERE a <> t.name],
         t.version = coalesce(t.version, 0) + 1,
         s.mergedInto = t.id, s.version = coalesce(s.version, 0) + 1
     WITH s, t
     CALL (t) {
       OPTIONAL MATCH (:Article)-[m:MENTIONS]->(t)
       RETURN coalesce(sum(m.count), 0) AS mentions, count(m) AS articles
     }
     SET t.mentionCount = mentions, t.articleCount = articles, s.mentionCount = 0, s.articleCount = 0`,
    p,
  );
}

export interface UndoResult {
  undoId: string;
  entity: EntitySummary;
  restored: EntitySummary;
}

/** Puts back exactly what the merge changed, provided the merged entity has not been merged elsewhere since. */
export async function undoMerge(graph: Graph, mergeId: string, analyst: string): Promise<UndoResult> {
  return writeTx(graph, async (run) => {
    const [row] = await run(
      `MATCH (ev:AuditEvent {id: $id, action: 'entity.merge'})
       RETURN ev { .* } AS ev, EXISTS { MATCH (u:AuditEvent {action: 'entity.unmerge', ref: $id}) } AS undone`,
      { id: mergeId },
    );
    if (!row) throw new NotFoundError(`No merge with id "${mergeId}"`, { details: { mergeId } });
    if (row.undone) throw new ConflictError(`Merge "${mergeId}" was already undone`, { details: { mergeId } });
    const payload = parseEvent(row.ev as Props).before as MergePayload;
    const source = await lockEntity(run, payload.source);
    await lockEntity(run, payload.target);
    if (source.mergedInto !== payload.target) {
      throw new ConflictError(`Entity "${payload.source}" is no longer merged into "${payload.target}"`, { details: { mergeId } });
    }
    await restore(run, payload);
    const [after] = await run(`MATCH (t:Entity {id: $t}), (s:Entity {id: $s}) RETURN ${ENTITY_FIELDS('t')} AS t, ${ENTITY_FIELDS('s')} AS s`, {
      s: payload.source,
      t: payload.target,
    });
    const event = await recordAudit(run, {
      analyst,
      action: 'entity.unmerge',
      targetId: payload.source,
      before: { mergeId },
      after: compact(after.s as EntitySummary),
    });
    await run('MATCH (u:AuditEvent {id: $id}) SET u.ref = $ref', { id: event.id, ref: mergeId });
    return { undoId: event.id, entity: compact(after.t as EntitySummary), restored: compact(after.s as EntitySummary) };
  });
}

async function restore(run: TxRun, payload: MergePayload): Promise<void> {
  const p = { s: payload.source, t: payload.target };
  // Articles record their contributions under the source's id again (absent in merges made before records existed).
  await run(
    `UNWIND $records AS r
     MATCH (art:Article {id: r.article})
     SET art.linkKeys = r.linkKeys, art.linkWeights = r.linkWeights, art.relationKeys = r.relationKeys, art.statements = r.statements`,
    { records: payload.records ?? [] },
  );
  await run(
    `MATCH (s:Entity {id: $s}), (t:Entity {id: $t})
     UNWIND $mentions AS m
     MATCH (art:Article {id: m.article})
     OPTIONAL MATCH (art)-[now:MENTIONS]->(t)
     DELETE now
     CREATE (art)-[ms:MENTIONS]->(s) SET ms = m.source
     FOREACH (tp IN CASE WHEN m.target IS NULL THEN [] ELSE [m.target] END | CREATE (art)-[mt:MENTIONS]->(t) SET mt = tp)`,
    { ...p, mentions: payload.mentions },
  );
  await run(
    `MATCH (s:Entity {id: $s}), (t:Entity {id: $t})
     UNWIND $names AS n
     MATCH (sen:Sentence {id: n.sentence})
     MERGE (sen)-[:NAMES]->(s)
     WITH sen, t, n WHERE NOT n.alsoTarget
     MATCH (sen)-[x:NAMES]->(t) DELETE x`,
    { ...p, names: payload.names },
  );
  await run(
    `MATCH (s:Entity {id: $s}), (t:Entity {id: $t})
     UNWIND $links AS l
     MATCH (x:Entity {id: l.other})
     OPTIONAL MATCH (t)-[now:LINKED]-(x) WHERE x <> t
     FOREACH (_ IN CASE WHEN now IS NOT NULL AND l.target IS NULL THEN [1] ELSE [] END | DELETE now)
     FOREACH (_ IN CASE WHEN now IS NOT NULL AND l.target IS NOT NULL THEN [1] ELSE [] END | SET now = l.target)
     FOREACH (_ IN CASE WHEN l.out THEN [1] ELSE [] END | CREATE (s)-[r:LINKED]->(x) SET r = l.source)
     FOREACH (_ IN CASE WHEN l.out THEN [] ELSE [1] END | CREATE (x)-[r:LINKED]->(s) SET r = l.source)`,
    { ...p, links: payload.links },
  );
  for (const r of payload.relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type)) continue;
    await run(
      `MATCH (s:Entity {id: $s}), (t:Entity {id: $t}), (x:Entity {id: $other})
       OPTIONAL MATCH (t)-[now]-(x) WHERE x <> t AND type(now) = $type AND (startNode(now) = t) = $out
       FOREACH (_ IN CASE WHEN now IS NOT NULL AND $target IS NULL THEN [1] ELSE [] END | DELETE now)
       FOREACH (_ IN CASE WHEN now IS NOT NULL AND $target IS NOT NULL THEN [1] ELSE [] END | SET now = $target)
       FOREACH (_ IN CASE WHEN $out THEN [1] ELSE [] END | CREATE (s)-[n:$($type)]->(x) SET n = $source)
       FOREACH (_ IN CASE WHEN $out THEN [] ELSE [1] END | CREATE (x)-[n:$($type)]->(s) SET n = $source)`,
      { ...p, type: r.type, other: r.other, out: r.out, source: r.source, target: r.target },
    );
  }
  await run(
    `MATCH (s:Entity {id: $s}), (t:Entity {id: $t})
     UNWIND $batch.annotations AS a
     MATCH (n:Annotation {id: a.id})
     SET n.targetId = a.targetId
     WITH s, t, n, a WHERE a.aboutSource
     MERGE (n)-[:ABOUT]->(s)
     WITH t, n, a WHERE NOT a.aboutTarget
     MATCH (n)-[x:ABOUT]->(t) DELETE x`,
    { ...p, ...batch({ annotations: payload.annotations }) },
  );
  await run(
    `UNWIND $batch.rows AS row
     MATCH (al:Alias {key: row.key})
     FOREACH (_ IN CASE WHEN row.entityId IS NULL THEN [1] ELSE [] END | DELETE al)
     FOREACH (_ IN CASE WHEN row.entityId IS NULL THEN [] ELSE [1] END | SET al.entityId = row.entityId)`,
    batch({ rows: payload.aliasRows }),
  );
  // Versions only ever grow, so a client holding the pre-merge version still sees a conflict.
  await run(
    `MATCH (s:Entity {id: $s}), (t:Entity {id: $t})
     WITH s, t, t.version + 1 AS tv, s.version + 1 AS sv
     SET s = $sourceProps, t = $targetProps, s.version = sv, t.version = tv`,
    { ...p, sourceProps: payload.sourceProps, targetProps: payload.targetProps },
  );
  // After the properties are put back: each neighbour's link to the target went back to what it was, or went,
  // and its link to the source came back; the two ends' lists are rebuilt whole.
  const changes: LinkChanges = new Map();
  for (const l of payload.links) {
    noteLink(changes, l.other, payload.target, 'shrunk');
    noteLink(changes, l.other, payload.source, 'grew');
  }
  await refreshTopLinks(run, changes, [payload.source, payload.target]);
}

/** `x|source` becomes `target|x` (ends sorted), the key of the same link after the merge. */
function movedLinkKey(key: string, sourceId: string, targetId: string): string {
  const [a, b] = key.split('|').map((id) => (id === sourceId ? targetId : id));
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
