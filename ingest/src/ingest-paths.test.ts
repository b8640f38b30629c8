import { describe, expect, it } from 'vitest';
import { batchBounds } from './ingest-paths.js';

describe('batchBounds', () => {
  it('starts small, so the first write need not wait for hundreds of extractions, then doubles up to the limit', () => {
    const sizes = batchBounds(2225, 200).map(([start, end]) => end - start);
    expect(sizes.slice(0, 5)).toEqual([25, 50, 100, 200, 200]);
  });

  it('ends small, so the write left when extraction is over is short', () => {
    const sizes = batchBounds(2225, 200).map(([start, end]) => end - start);
    expect(sizes.slice(-3)).toEqual([100, 50, 25]);
    expect(Math.max(...sizes)).toBe(200);
  });

  it('covers every article exactly once, in order', () => {
    const bounds = batchBounds(2225, 200);
    expect(bounds[0]![0]).toBe(0);
    for (let k = 1; k < bounds.length; k++) expect(bounds[k]![0]).toBe(bounds[k - 1]![1]);
    expect(bounds.at(-1)![1]).toBe(2225);
  });

  it('keeps every batch within a small limit', () => {
    expect(batchBounds(7, 3)).toEqual([[0, 3], [3, 6], [6, 7]]);
    expect(batchBounds(0, 200)).toEqual([]);
  });
});
