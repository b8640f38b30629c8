/**
 * Analyst accounts: a name, a role and the hash of a bearer token. The
 * token itself is shown once, at creation, and never stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConflictError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { readRows, writeTx } from './run.js';

export const ANALYST_ROLES = ['viewer', 'analyst', 'admin'] as const;
export type AnalystRole = (typeof ANALYST_ROLES)[number];

export interface Analyst {
  name: string;
  role: AnalystRole;
  createdAt?: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Creates the account, or with `replace` issues a new token (and role) for an existing one. */
export async function createAnalyst(
  graph: Graph,
  name: string,
  role: AnalystRole,
  options: { replace?: boolean } = {},
): Promise<{ analyst: Analyst; token: string }> {
  // 32 random bytes: guessing is hopeless, so a fast hash is enough to store it.
  const token = `ag_${randomBytes(32).toString('base64url')}`;
  const createdAt = new Date().toISOString();
  return writeTx(graph, async (run) => {
    const [existing] = await run('MATCH (a:Analyst {name: $name}) RETURN a.name AS name', { name });
    if (existing && !options.replace) {
      throw new ConflictError(`Analyst "${name}" already exists (use --replace to issue a new token)`, { details: { name } });
    }
    const [row] = await run(
      `MERGE (a:Analyst {name: $name})
       ON CREATE SET a.createdAt = $createdAt
       SET a.role = $role, a.tokenHash = $hash
       RETURN a { .name, .role, .createdAt } AS a`,
      { name, role, hash: hashToken(token), createdAt },
    );
    return { analyst: row.a as Analyst, token };
  });
}

/** The analyst a bearer token belongs to, or undefined. */
export async function findAnalystByToken(graph: Graph, token: string): Promise<Analyst | undefined> {
  const hash = hashToken(token);
  const [row] = await readRows(
    graph,
    'MATCH (a:Analyst {tokenHash: $hash}) RETURN a { .name, .role, .createdAt } AS a, a.tokenHash AS stored LIMIT 1',
    { hash },
  );
  if (!row) return undefined;
  // The lookup is by hash already; compare again in constant time so timing says nothing either way.
  const ok = timingSafeEqual(Buffer.from(row.stored as string, 'hex'), Buffer.from(hash, 'hex'));
  return ok ? (row.a as Analyst) : undefined;
}

export async function listAnalysts(graph: Graph): Promise<Analyst[]> {
  const rows = await readRows(graph, 'MATCH (a:Analyst) RETURN a { .name, .role, .createdAt } AS a ORDER BY a.name');
  return rows.map((r) => r.a as Analyst);
}

export async function removeAnalyst(graph: Graph, name: string): Promise<boolean> {
  return writeTx(graph, async (run) => {
    const rows = await run('MATCH (a:Analyst {name: $name}) DELETE a RETURN count(*) AS n', { name });
    return (rows[0]?.n as number) > 0;
  });
}
