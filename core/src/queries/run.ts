/**
 * How every query in this folder reaches Neo4j: one read and one write
 * runner, plain objects out, driver errors mapped by database-errors.ts
 * (an unreachable Neo4j becomes DatabaseUnavailableError, HTTP 503).
 */
import neo4j, { type QueryResult, type Transaction } from 'neo4j-driver';
import { DatabaseUnavailableError, QueryTimeoutError } from '../errors.js';
import type { Graph } from '../neo4j/connect.js';
import { toAppError } from '../neo4j/database-errors.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;
/** What a write's work function receives: run one parameterised statement, get rows back. */
export type TxRun = (cypher: string, params?: Params) => Promise<Row[]>;

function translate(error: unknown, timeoutMessage?: string): unknown {
  const code = (error as { code?: string })?.code ?? '';
  if (timeoutMessage && /TransactionTimedOut/.test(code)) return new QueryTimeoutError(timeoutMessage, { cause: error });
  // Timeouts acquiring a pooled connection mean the server is gone too.
  if (/connection acquisition timed out/i.test((error as Error)?.message ?? '')) {
    return new DatabaseUnavailableError('api: Neo4j is not reachable right now; try again when it is back', { cause: error });
  }
  return toAppError(error, 'api');
}

function rows(result: QueryResult): Row[] {
  return result.records.map((record) => record.toObject() as Row);
}

/**
 * One read statement as an auto-commit query. Deliberately not the driver's
 * retrying executeQuery: when Neo4j is down the API should answer 503 at
 * once rather than hang for the retry window; the pool reconnects by itself.
 * With a budget, Neo4j stops the query after `timeoutMs` and the caller gets
 * a QueryTimeoutError (504) with `message`.
 */
export async function readRows(
  graph: Graph,
  cypher: string,
  params: Params = {},
  budget?: { timeoutMs: number; message: string },
): Promise<Row[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.READ });
  try {
    return rows(await session.run(cypher, params, budget ? { timeout: budget.timeoutMs } : undefined));
  } catch (error) {
    throw translate(error, budget?.message);
  } finally {
    await session.close().catch(() => {});
  }
}

/**
 * Curation's writes all seek their nodes by unique id, so the first plan suits a graph of any size: keep it.
 * Without this, Neo4j replans a statement whenever the graph has grown enough since its last plan, and a run of
 * merges (ingest's stage 6 makes hundreds) stalls on replanning every few merges (0.1 s merges took 3–4 s).
 */
const keepPlan = (cypher: string): string => (/^\s*CYPHER\b/i.test(cypher) ? cypher : `CYPHER replan=skip ${cypher}`);

/**
 * Several statements in one explicit write transaction: all or nothing.
 * The work function may throw an AppError (e.g. ConflictError) to roll back.
 */
export async function writeTx<T>(graph: Graph, work: (run: TxRun) => Promise<T>): Promise<T> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  let tx: Transaction | undefined;
  try {
    tx = await session.beginTransaction();
    const open = tx;
    const result = await work(async (cypher, params = {}) => rows(await open.run(keepPlan(cypher), params)));
    await tx.commit();
    return result;
  } catch (error) {
    if (tx?.isOpen()) await tx.rollback().catch(() => {});
    throw translate(error);
  } finally {
    await session.close().catch(() => {});
  }
}

/** Runs `work` in a write transaction that is always rolled back: it leaves nothing, but Neo4j has planned its statements. */
export async function rolledBackTx(graph: Graph, work: (run: TxRun) => Promise<void>): Promise<void> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const tx = await session.beginTransaction();
    try {
      await work(async (cypher, params = {}) => rows(await tx.run(keepPlan(cypher), params)));
    } finally {
      await tx.rollback().catch(() => {});
    }
  } catch (error) {
    throw translate(error);
  } finally {
    await session.close().catch(() => {});
  }
}

/**
 * JS numbers travel to Neo4j as floats; SKIP, LIMIT and procedure limits
 * need integers, so integer parameters go through this.
 */
export function int(value: number): ReturnType<typeof neo4j.int> {
  return neo4j.int(Math.trunc(value));
}
