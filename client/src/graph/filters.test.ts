import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { applyFilters, overlapsRange } from './filters.js';

describe('overlapsRange', () => {
  it.each([
    ['2025-01-01', '2025-03-01', '2025-02-01', '2025-02-28', true],
    ['2025-01-01', '2025-01-31', '2025-02-01', undefined, false],
    ['2025-05-01', '2025-06-01', undefined, '2025-04-30', false],
    [undefined, undefined, '2025-01-01', '2025-01-02', true],
    ['2025-01-10T08:00:00Z', '2025-01-10T09:00:00Z', '2025-01-10', '2025-01-10', true],
  ])('%s..%s against %s..%s → %s', (first, last, from, to, expected) => {
    expect(overlapsRange(first, last, from, to)).toBe(expected);
  });
});

describe('applyFilters', () => {
  it('thresholds co-mention links by weight but never hides a stated relation', () => {
    const cy = cytoscape({
      headless: true,
      elements: [
        { data: { id: 'a', type: 'Person' } },
        { data: { id: 'b', type: 'Country' } },
        { data: { id: 'c', type: 'Person' } },
        { data: { id: 'a|b', source: 'a', target: 'b', type: 'LINKED', weight: 1 } },
        { data: { id: 'a|c', source: 'a', target: 'c', type: 'LINKED', weight: 5 } },
        { data: { id: 'LEADS:a>b', source: 'a', target: 'b', type: 'LEADS', weight: 1 } },
      ],
    });
    applyFilters(cy, { types: [], minWeight: 3, from: undefined, to: undefined });
    const shown = cy.edges().filter((e) => !e.hasClass('filtered')).map((e) => e.id());
    expect(shown.sort()).toEqual(['LEADS:a>b', 'a|c']);
  });
});
