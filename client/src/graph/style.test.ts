import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { graphStyle, nodeSize } from './style.js';

describe('nodeSize', () => {
  it('grows with mentions, from 22 px to 64 px, in 8 steps', () => {
    const sizes = Array.from({ length: 200 }, (_, i) => nodeSize(i + 1));
    expect(sizes[0]).toBe(22);
    expect(sizes.at(-1)).toBe(64);
    expect(nodeSize(60)).toBe(64);
    expect(new Set(sizes).size).toBe(8);
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeGreaterThanOrEqual(sizes[i - 1]!);
  });

  it('draws an actor without a count at the smallest size', () => {
    expect(nodeSize(undefined)).toBe(22);
    expect(nodeSize(Number.NaN)).toBe(22);
    expect(nodeSize('12')).toBe(22);
  });

  it('is what the graph draws, and follows a changed count', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle });
    const node = cy.add({ group: 'nodes', data: { id: 'a', type: 'Person', label: 'A', mentionCount: 1 } });
    expect(node.width()).toBe(22);
    node.data('mentionCount', 80);
    expect(node.width()).toBe(64);
  });
});
