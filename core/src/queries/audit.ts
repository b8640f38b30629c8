/** The audit trail: every analyst change, who made it, when, and the state before and after. */
import { randomUUID } from 'node:crypto';
import type { Graph } from '../neo4j/connect.js';
import { int, readRows, type TxRun } from './run.js';

export interface AuditEvent {
  id: string;
  at: string;
  analyst: string;
  action: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

export interface AuditInput {
  analyst: string;
  action: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Written inside the change's own transaction, so a change never lands without its record. */
export async function recordAudit(run: TxRun, input: AuditInput): Promise<AuditEvent> {
  const event = {
    id: randomUUID(),
    at: new Date().toISOString(),
    analyst: input.analyst,
    action: input.action,
    targetId: input.targetId,
    before: JSON.stringify(input.before ?? null),
    after: JSON.stringify(input.after ?? null),
  };
  await run('CREATE (:AuditEvent $event)', { event });
  return { ...event, before: input.before ?? null, after: input.after ?? null };
}

export interface AuditQuery {
  targetId?: string;
  analyst?: string;
  action?: string;
  limit: number;
  offset: number;
}

export async function listAudit(graph: Graph, query: AuditQuery): Promise<AuditEvent[]> {
  const rows = await readRows(
    graph,
    `MATCH (ev:AuditEvent)
     WHERE ($targetId IS NULL OR ev.targetId = $targetId OR ev.targetId STARTS WITH $targetId + '|' OR ev.targetId ENDS WITH '|' + $targetId)
       AND ($analyst IS NULL OR ev.analyst = $analyst)
       AND ($action IS NULL OR ev.action = $action)
     RETURN ev { .* } AS ev ORDER BY ev.at DESC SKIP $offset LIMIT $limit`,
    {
      targetId: query.targetId ?? null,
      analyst: query.analyst ?? null,
      action: query.action ?? null,
      offset: int(query.offset),
      limit: int(query.limit),
    },
  );
  return rows.map((r) => parseEvent(r.ev as Record<string, unknown>));
}

export function parseEvent(raw: Record<string, unknown>): AuditEvent {
  return {
    id: raw.id as string,
    at: raw.at as string,
    analyst: raw.analyst as string,
    action: raw.action as string,
    targetId: raw.targetId as string,
    before: JSON.parse((raw.before as string) ?? 'null'),
    after: JSON.parse((raw.after as string) ?? 'null'),
  };
}
