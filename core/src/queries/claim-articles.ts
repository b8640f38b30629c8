/**
 * Claims the articles a write transaction is about to store: each is locked
 * first, then what the store holds for it is read again, inside the same
 * transaction. The fate ingest decided before extraction (new, changed) was
 * read earlier, outside any lock; another ingest may have stored the same
 * article since. Decided again after the lock, it is final: a second writer
 * waits for the first to commit, then sees its article and adds nothing.
 */
import type { ManagedTransaction } from 'neo4j-driver';
import { batch } from './map-params.js';

export interface Claim {
  /** Articles to write: new here, or stored with another text (whose contributions go first). */
  write: Set<string>;
  /** Stored articles whose contributions must be subtracted before the write. */
  replace: string[];
  /** Articles another writer stored with this very text meanwhile: nothing to add. */
  skip: Set<string>;
}

// SET takes the node's write lock, held to commit (Neo4j's documented idiom against lost updates); the
// marker goes again at once. MERGE on the unique id makes a concurrent creator wait for the first.
const LOCK_ARTICLES = `CYPHER replan=skip
  UNWIND $batch.ids AS id
  MERGE (a:Article {id: id})
  SET a.claimLock = true
  REMOVE a.claimLock`;

const LOCK_REPLACED = `CYPHER replan=skip
  UNWIND $batch.ids AS id
  MATCH (a:Article {id: id})
  SET a.claimLock = true
  REMOVE a.claimLock`;

// Read in a statement of its own, after the locks: it sees what the writer before us committed.
const READ_CLAIMED = `CYPHER replan=skip
  UNWIND $batch.ids AS id
  MATCH (a:Article {id: id})
  RETURN a.id AS id, a.contentHash AS hash`;

/**
 * `incoming`: the articles of the batch with their text's hash; `replacing`: other stored articles the
 * batch replaces (a changed file's article under a new id). Locks are taken in id order, the same in
 * every batch, so two writers wait for each other instead of deadlocking (a deadlock is retried).
 */
export async function claimArticles(
  tx: ManagedTransaction,
  incoming: Array<{ id: string; contentHash: string }>,
  replacing: string[],
): Promise<Claim> {
  const ids = [...new Set(incoming.map((a) => a.id))].sort();
  const others = [...new Set(replacing)].filter((id) => !ids.includes(id)).sort();
  await tx.run(LOCK_ARTICLES, batch({ ids }));
  if (others.length > 0) await tx.run(LOCK_REPLACED, batch({ ids: others }));
  const { records } = await tx.run(READ_CLAIMED, batch({ ids }));
  const stored = new Map(records.map((r) => [r.get('id') as string, r.get('hash') as string | null]));
  const claim: Claim = { write: new Set(), replace: [...others], skip: new Set() };
  for (const { id, contentHash } of incoming) {
    const hash = stored.get(id) ?? null;
    if (hash === contentHash) {
      claim.skip.add(id);
    } else {
      claim.write.add(id);
      // Stored with another text (by an earlier run or a concurrent one): its contributions go first.
      if (hash !== null) claim.replace.push(id);
    }
  }
  return claim;
}
