import { describe, expect, it } from 'vitest';
import { findShortestPaths, SearchBudgetSpent, type PathSearchOptions, type ReadNeighbours } from './path-search.js';

/** An undirected graph from 'a-b' edges, read like the Cypher read: per frontier id, its neighbours, `skip` left out. */
function graphOf(edges: string[], skip: (id: string) => boolean = () => false) {
  const adjacency = new Map<string, string[]>();
  for (const edge of edges) {
    const [x, y] = edge.split('-');
    adjacency.set(x, [...(adjacency.get(x) ?? []), y]);
    adjacency.set(y, [...(adjacency.get(y) ?? []), x]);
  }
  const reads: string[][] = [];
  const targeted: Array<{ frontier: string[]; within: string[] }> = [];
  const neighbours: ReadNeighbours = async (frontier, maxIds, within) => {
    if (within) targeted.push({ frontier, within });
    else reads.push(frontier);
    const out = new Map<string, string[]>();
    let left = maxIds;
    for (const id of frontier) {
      const ids = (adjacency.get(id) ?? []).filter((n) => !skip(n) && (!within || within.includes(n))).slice(0, left);
      left -= ids.length;
      out.set(id, ids);
    }
    return out;
  };
  return { neighbours, reads, targeted };
}

const search = (edges: string[], options: Partial<PathSearchOptions> = {}) =>
  findShortestPaths({ from: 'a', to: 'z', maxHops: 4, limit: 5, neighbours: graphOf(edges).neighbours, ...options });

describe('findShortestPaths', () => {
  it('finds the shortest path, not a longer one', async () => {
    const result = await search(['a-b', 'b-c', 'c-z', 'a-d', 'd-z']);
    expect(result.paths).toEqual([['a', 'd', 'z']]);
    expect(result.stoppedEarly).toBe(false);
  });

  it('finds a direct link', async () => {
    expect((await search(['a-z', 'a-b', 'b-z'])).paths).toEqual([['a', 'z']]);
  });

  it('gives several distinct shortest paths in a fixed order, different middles first, up to the limit', async () => {
    // Four-hop paths a-(b|c)-m-(x|y)-z: the middle m is reached from both sides.
    const edges = ['a-b', 'a-c', 'b-m', 'c-m', 'm-x', 'm-y', 'x-z', 'y-z', 'a-e', 'e-n', 'n-w', 'w-z'];
    const all = await search(edges, { limit: 10 });
    // The search meets at z's neighbours w, x, y: one path through each first, then the others.
    expect(all.paths.map((p) => p.join(''))).toEqual(['aenwz', 'abmxz', 'abmyz', 'acmxz', 'acmyz']);
    expect(new Set(all.paths.map((p) => p.join())).size).toBe(5);
    const two = await search(edges, { limit: 2 });
    expect(two.paths.map((p) => p.join(''))).toEqual(['aenwz', 'abmxz']);
    expect(await search([...edges].reverse(), { limit: 10 })).toEqual(all);
  });

  it('stays within the hop limit', async () => {
    const edges = ['a-b', 'b-c', 'c-d', 'd-z'];
    expect((await search(edges, { maxHops: 3 })).paths).toEqual([]);
    expect((await search(edges, { maxHops: 4 })).paths).toEqual([['a', 'b', 'c', 'd', 'z']]);
  });

  it('answers nothing when nothing connects, without calling it an early stop', async () => {
    const result = await search(['a-b', 'c-z']);
    expect(result).toMatchObject({ paths: [], stoppedEarly: false, throughHubs: false });
  });

  it('crosses a hub only when no other path connects', async () => {
    const isHub = (id: string) => id === 'h';
    const around = await search(['a-h', 'h-z', 'a-b', 'b-c', 'c-z'], { isHub });
    expect(around).toMatchObject({ paths: [['a', 'b', 'c', 'z']], throughHubs: false });
    const through = await search(['a-h', 'h-z', 'a-b'], { isHub });
    expect(through).toMatchObject({ paths: [['a', 'h', 'z']], throughHubs: true });
  });

  it('expands a hub end, and reads no node whole twice across the two passes', async () => {
    const g = graphOf(['a-h', 'h-k', 'k-z', 'z-q']);
    const isHub = (id: string) => id === 'h' || id === 'k';
    const result = await findShortestPaths({ from: 'h', to: 'z', maxHops: 4, limit: 5, neighbours: g.neighbours, isHub });
    expect(result).toMatchObject({ paths: [['h', 'k', 'z']], throughHubs: true });
    const read = g.reads.flat();
    expect(read.length).toBe(new Set(read).size);
  });

  it('expands the side that costs less first: a dear end waits for the other side', async () => {
    const g = graphOf(['h-1', 'h-2', 'h-3', 'h-b', 'b-z']);
    const expansionCost = (id: string) => (id === 'h' ? 300 : 20);
    const result = await findShortestPaths({ from: 'h', to: 'z', maxHops: 4, limit: 5, neighbours: g.neighbours, expansionCost });
    expect(result.paths).toEqual([['h', 'b', 'z']]);
    expect(g.reads).toEqual([['z'], ['b']]);
  });

  it('asks the last level allowed only for neighbours on the other frontier', async () => {
    const g = graphOf(['a-b', 'b-c', 'c-z', 'a-x', 'b-y', 'c-w']);
    const result = await findShortestPaths({ from: 'a', to: 'z', maxHops: 3, limit: 5, neighbours: g.neighbours });
    expect(result.paths).toEqual([['a', 'b', 'c', 'z']]);
    expect(g.reads).toEqual([['a'], ['z']]);
    // The cheaper side (z's frontier: c) asks for its neighbours among a's frontier.
    expect(g.targeted).toEqual([{ frontier: ['c'], within: ['b', 'x'] }]);
    expect(result.links).toBe(2 + 1 + 1);
  });

  it('never steps on what the read leaves out (avoided ids, excluded types), the ends excepted', async () => {
    const edges = ['a-b', 'b-z', 'a-c', 'c-d', 'd-z'];
    const avoid = new Set(['b', 'z']);
    const filtered = graphOf(edges, (id) => avoid.has(id) && id !== 'z' && id !== 'a');
    const result = await findShortestPaths({ from: 'a', to: 'z', maxHops: 4, limit: 5, neighbours: filtered.neighbours });
    expect(result.paths).toEqual([['a', 'c', 'd', 'z']]);
  });

  it('stops at the read budget and says so', async () => {
    const result = await search(['a-b', 'b-c', 'c-d', 'd-z'], { budget: { reads: 2 } });
    expect(result).toMatchObject({ paths: [], stoppedEarly: true, stopReason: 'reads', reads: 2 });
  });

  it('stops at the time budget and says so, keeping what it found', async () => {
    let clock = 0;
    const slow = graphOf(['a-b', 'b-c', 'c-d', 'd-z']);
    const neighbours: ReadNeighbours = async (frontier, maxIds) => ((clock += 60), slow.neighbours(frontier, maxIds));
    const result = await search([], { neighbours, now: () => clock, budget: { ms: 100 } });
    expect(result).toMatchObject({ paths: [], stoppedEarly: true, stopReason: 'time', reads: 2 });
    const timedOut: ReadNeighbours = async () => {
      throw new SearchBudgetSpent();
    };
    expect(await search([], { neighbours: timedOut })).toMatchObject({ paths: [], stopReason: 'time' });
  });

  it('expands at most `frontier` nodes per read, in id order, and reports the cap', async () => {
    const edges = ['a-b', 'a-c', 'a-d', 'z-w', 'z-x', 'z-y', 'b-x', 'c-y', 'd-w'];
    const g = graphOf(edges);
    const capped = await findShortestPaths({ from: 'a', to: 'z', maxHops: 4, limit: 5, neighbours: g.neighbours, budget: { frontier: 1 } });
    expect(capped).toMatchObject({ paths: [['a', 'b', 'x', 'z']], stoppedEarly: true, stopReason: 'frontier' });
    expect(g.reads).toEqual([['a'], ['z'], ['b']]);
    expect((await search(edges)).paths).toHaveLength(3);
  });

  it('reads at most `links` neighbour ids per search, and reports the cap', async () => {
    const edges = ['a-b', 'a-c', 'a-d', 'b-z', 'c-z', 'd-z'];
    expect(await search(edges, { budget: { links: 2 } })).toMatchObject({ paths: [], stoppedEarly: true, stopReason: 'links', links: 2 });
    expect(await search(edges, { budget: { links: 4 } })).toMatchObject({ stoppedEarly: true, stopReason: 'links', links: 4 });
    expect((await search(edges, { budget: { links: 4 } })).paths.length).toBeGreaterThan(0);
  });

  it('reads no end whose neighbours it was given', async () => {
    const g = graphOf(['a-b', 'b-z']);
    const known = new Map([['a', ['b']], ['z', ['b']]]);
    const result = await findShortestPaths({ from: 'a', to: 'z', maxHops: 4, limit: 5, neighbours: g.neighbours, known });
    expect(result.paths).toEqual([['a', 'b', 'z']]);
    expect(g.reads.flat()).toEqual(['b']);
    expect(result.links).toBe(2 + 2);
  });

  it('passes errors other than a spent budget on', async () => {
    const broken: ReadNeighbours = async () => {
      throw new Error('database down');
    };
    await expect(search([], { neighbours: broken })).rejects.toThrow('database down');
  });
});
