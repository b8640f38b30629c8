/**
 * Parameters that vary in size, passed inside one map. Neo4j caches a plan per parameter type and, for a string or
 * a list, per size class, so the same statement was planned again for each new size: ingest batches grow from 25
 * to 200 articles, and a merge's ids differ in length ("org:cbi" into "org:confederation-of-british-industry"). A
 * map carries no size, so each statement is planned once. Measured on the BBC ingest: Neo4j's planning of the
 * heaviest write statements fell from ~9.4 s to ~7.2 s, and stage 6's merges from ~10 s to 4–6.5 s in all.
 */

/** A batch's lists as `$batch` (statements read `$batch.rows`, `$batch.ids`). */
export function batch<T extends Record<string, unknown[]>>(lists: T): { batch: T } {
  return { batch: lists };
}

export type PairParams = { pair: { s: string; t: string } };

/** A merge's two ids as `$pair` (statements read `$pair.s`, the source, and `$pair.t`, the target). */
export function pair(sourceId: string, targetId: string): PairParams {
  return { pair: { s: sourceId, t: targetId } };
}
