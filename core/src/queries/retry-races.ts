/**
 * Runs a write again when it lost a race with another writer. The driver's
 * executeWrite already retries transient errors (deadlocks among them) for
 * its retry window; two transactions creating the same unique key at once
 * can instead fail with a constraint violation, a client error it does not
 * retry, though the second attempt sees the first's node and merges it.
 */

/** Attempts in all, beyond the driver's own retries. */
const ATTEMPTS = 5;

/** True for a lost race: a unique key created concurrently, or a deadlock that outlasted the driver's window. */
export function isRace(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  return code === 'Neo.ClientError.Schema.ConstraintValidationFailed' || code.startsWith('Neo.TransientError.Transaction.');
}

export async function retryRaces<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRace(error)) throw error;
      // A short random pause, so the two writers do not collide again in step.
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80 * attempt));
    }
  }
}
