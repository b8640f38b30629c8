/**
 * Several shortest paths between two entities by a bounded bidirectional
 * breadth-first search (issue #14). Plain and typed: the graph comes in as a
 * `neighbours` read, so the algorithm is tested without Neo4j; the Cypher
 * behind the read (and the filters an analyst asked for) is in queries/paths.ts.
 *
 * - Each step expands one whole level of one side with one read, the side
 *   whose frontier is cheaper to read. The last level allowed asks only for
 *   neighbours on the other side's frontier, where paths must meet.
 * - Hubs are crossed only as ends in a first pass; a second pass lets them be
 *   crossed when nothing else connects. Neighbours read in the first pass are
 *   kept, so the second pass reads only what the first did not.
 * - Budgets bound the work: nodes expanded per read, links read, reads and
 *   wall time per search. When one stops the search, the answer says
 *   so and holds what was found.
 */

/**
 * The neighbours of every id in `frontier` that a path may step on, at most
 * `maxIds` ids in all; with `within`, only those among `within`. Ids missing
 * from the map have no such neighbours.
 */
export type ReadNeighbours = (frontier: string[], maxIds: number, within?: string[]) => Promise<Map<string, string[]>>;

export interface PathSearchBudget {
  /** Most nodes one read expands; the rest of that level stays unexpanded. */
  frontier: number;
  /** Most links (neighbour ids) read per search, all reads together: what a search costs the database. */
  links: number;
  /** Most reads per search, both passes together. */
  reads: number;
  /** Wall-clock milliseconds per search, checked before each read. */
  ms: number;
}

/**
 * Measured on the 100k-entity / 1M-link benchmark graph (shared 2-core
 * machine): a read returned about 12,000 links in 40-80 ms, so 6,000 links
 * are a few tens of milliseconds at most; in a sample of 40 bench searches
 * most read under 3,000 links in two to five reads, a few hit 6,000. A level
 * of 300 nodes is several thousand links. The time budget is a backstop for
 * a loaded machine, far under the driver's and the API's timeouts.
 */
export const DEFAULT_PATH_BUDGET: PathSearchBudget = {
  frontier: 300,
  links: 6_000,
  reads: 10,
  ms: 500,
};

export interface PathSearchOptions {
  from: string;
  to: string;
  /** Longest path wanted, in hops. */
  maxHops: number;
  /** Most paths wanted. */
  limit: number;
  neighbours: ReadNeighbours;
  /** Neighbours read already (as `neighbours` would give them), e.g. the ends' with the read that found them. */
  known?: Map<string, string[]>;
  /** Ids crossed only when no path avoids them (the ends always are). */
  isHub?: (id: string) => boolean;
  /** About how many links expanding `id` reads; each step expands the side whose frontier costs less. Default 1. */
  expansionCost?: (id: string) => number;
  budget?: Partial<PathSearchBudget>;
  /** Clock, in ms (tests pass their own). */
  now?: () => number;
}

/** What stopped a search before it had looked everywhere it meant to. */
export type StopReason = 'time' | 'reads' | 'links' | 'frontier';

export interface PathSearchResult {
  /** Node ids from `from` to `to`, all of the shortest length found, in a fixed order. */
  paths: string[][];
  stoppedEarly: boolean;
  stopReason?: StopReason;
  /** True when no path avoided hubs and these cross one. */
  throughHubs: boolean;
  reads: number;
  /** Neighbour ids read, all reads together. */
  links: number;
}

/**
 * Thrown by a `neighbours` read that ran out of time in the database: the
 * search stops as it would at its own deadline, with what it found.
 */
export class SearchBudgetSpent extends Error {}

interface Side {
  /** Hops from this side's end, for every node reached. */
  dist: Map<string, number>;
  /** For every node reached, the nodes one hop closer to this side's end. */
  parents: Map<string, string[]>;
  frontier: string[];
  depth: number;
}

const side = (end: string): Side => ({ dist: new Map([[end, 0]]), parents: new Map([[end, []]]), frontier: [end], depth: 0 });

/**
 * @example
 * const { paths } = await findShortestPaths({ from: 'a', to: 'c', maxHops: 4, limit: 5, neighbours });
 * // [['a', 'b', 'c']]
 */
export async function findShortestPaths(options: PathSearchOptions): Promise<PathSearchResult> {
  const budget = { ...DEFAULT_PATH_BUDGET, ...options.budget };
  const now = options.now ?? (() => performance.now());
  const started = now();
  const isHub = options.isHub ?? (() => false);
  const expansionCost = options.expansionCost ?? (() => 1);
  const adjacency = new Map(options.known);
  let reads = 0;
  let linksRead = [...adjacency.values()].reduce((sum, ids) => sum + ids.length, 0);
  let stopReason: StopReason | undefined;
  let hubSkipped = false;

  /** One read within the budget; undefined when the budget is spent. */
  const read = async (nodes: string[], within?: string[]): Promise<Map<string, string[]> | undefined> => {
    if (reads >= budget.reads) return void (stopReason = 'reads');
    if (linksRead >= budget.links) return void (stopReason = 'links');
    if (now() - started >= budget.ms) return void (stopReason = 'time');
    reads++;
    const maxIds = budget.links - linksRead;
    let found: Map<string, string[]>;
    try {
      found = await options.neighbours(nodes, maxIds, within);
    } catch (error) {
      if (error instanceof SearchBudgetSpent) return void (stopReason = 'time');
      throw error;
    }
    const count = [...found.values()].reduce((sum, ids) => sum + ids.length, 0);
    linksRead += count;
    // A full read may have been cut short: some of these nodes' neighbours are missing.
    if (count >= maxIds) stopReason ??= 'links';
    return found;
  };

  /**
   * The neighbours of `nodes`: all of them, kept for the rest of the search (a second pass reads only
   * what the first did not), or, on the last level, only those among `within`: the other side's
   * frontier, where any path must meet. Returning only the meetings saves most of that level's rows.
   */
  const neighboursOf = async (nodes: string[], within?: string[]): Promise<Map<string, string[]> | undefined> => {
    if (within) return read(nodes, within);
    const missing = nodes.filter((id) => !adjacency.has(id));
    if (missing.length > 0) {
      const found = await read(missing);
      if (!found) return undefined;
      for (const id of missing) adjacency.set(id, found.get(id) ?? []);
    }
    return adjacency;
  };

  const pass = async (allowHubs: boolean): Promise<string[][]> => {
    const ends = new Set([options.from, options.to]);
    const crossable = (id: string) => allowHubs || ends.has(id) || !isHub(id);
    const a = side(options.from);
    const b = side(options.to);
    const cost = (s: Side) => [s.frontier.reduce((sum, id) => sum + expansionCost(id), 0), s.frontier.length];
    while (a.depth + b.depth < options.maxHops && a.frontier.length > 0 && b.frontier.length > 0) {
      const [ca, cb] = [cost(a), cost(b)];
      const [near, far] = ca[0] < cb[0] || (ca[0] === cb[0] && ca[1] <= cb[1]) ? [a, b] : [b, a];
      // Cheapest first, then by id, so a capped level always expands the same nodes.
      const level = [...near.frontier].sort((x, y) => expansionCost(x) - expansionCost(y) || (x < y ? -1 : x > y ? 1 : 0));
      const expanded = level.slice(0, budget.frontier);
      if (expanded.length < level.length) stopReason ??= 'frontier';
      const last = a.depth + b.depth + 1 === options.maxHops;
      const found = await neighboursOf(expanded, last ? far.frontier : undefined);
      if (!found) return [];
      const next: string[] = [];
      for (const u of expanded) {
        for (const v of found.get(u) ?? []) {
          if (!crossable(v)) {
            hubSkipped = true;
            continue;
          }
          const d = near.dist.get(v);
          if (d === undefined) {
            near.dist.set(v, near.depth + 1);
            near.parents.set(v, [u]);
            next.push(v);
          } else if (d === near.depth + 1) {
            near.parents.get(v)!.push(u);
          }
        }
      }
      near.depth++;
      near.frontier = next;
      const meetings = next.filter((v) => far.dist.has(v));
      if (meetings.length > 0) return pathsThrough(meetings, a, b, options.limit);
    }
    return [];
  };

  let paths = await pass(false);
  let throughHubs = false;
  if (paths.length === 0 && hubSkipped && stopReason !== 'time' && stopReason !== 'reads' && stopReason !== 'links') {
    paths = await pass(true);
    throughHubs = paths.length > 0;
  }
  return { paths, stoppedEarly: stopReason !== undefined, ...(stopReason && { stopReason }), throughHubs, reads, links: linksRead };
}

/**
 * Paths of the shortest length through the meeting nodes: round robin over
 * the meeting nodes (in id order), so the first paths take different ways.
 */
function pathsThrough(meetings: string[], a: Side, b: Side, limit: number): string[][] {
  const length = (m: string) => a.dist.get(m)! + b.dist.get(m)!;
  const shortest = Math.min(...meetings.map(length));
  const ways = [...new Set(meetings)]
    .filter((m) => length(m) === shortest)
    .sort()
    .map((m) => joined(m, a, b));
  const paths: string[][] = [];
  const seen = new Set<string>();
  while (paths.length < limit && ways.length > 0) {
    for (let i = 0; i < ways.length && paths.length < limit; ) {
      const next = ways[i].next();
      if (next.done) {
        ways.splice(i, 1);
        continue;
      }
      const key = next.value.join('\u0000');
      // A capped search can reach a node from both sides by chains that share a node: not a simple path.
      if (!seen.has(key) && new Set(next.value).size === next.value.length) {
        seen.add(key);
        paths.push(next.value);
      }
      i++;
    }
  }
  return paths;
}

/** Every path from a's end through `m` to b's end, in id order of the chains. */
function* joined(m: string, a: Side, b: Side): Generator<string[]> {
  for (const head of chains(m, a)) {
    const forward = head.reverse();
    for (const tail of chains(m, b)) yield [...forward, ...tail.slice(1)];
  }
}

/** Chains from `node` back to the side's end, following parents in id order. */
function* chains(node: string, s: Side): Generator<string[]> {
  const parents = s.parents.get(node) ?? [];
  if (parents.length === 0) {
    yield [node];
    return;
  }
  for (const p of [...parents].sort()) {
    for (const rest of chains(p, s)) yield [node, ...rest];
  }
}
