import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { addNodesThenEdges } from './add-elements.js';
import { graphStyle } from './style.js';

describe('addNodesThenEdges', () => {
  it('adds every actor, and a link only when both its actors are on the canvas', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: graphStyle });
    cy.add({ group: 'nodes', data: { id: 'shown', type: 'Person', label: 'Already shown' } });
    const added = addNodesThenEdges(cy, [
      // Edges may come before their nodes in an API answer.
      { group: 'edges', data: { id: 'e1', source: 'a', target: 'b', type: 'LINKED', weight: 2 } },
      { group: 'edges', data: { id: 'e2', source: 'a', target: 'shown', type: 'LINKED', weight: 1 } },
      { group: 'edges', data: { id: 'e3', source: 'a', target: 'absent', type: 'LINKED', weight: 1 } },
      { group: 'nodes', data: { id: 'a', type: 'Person', label: 'A' } },
      { group: 'nodes', data: { id: 'b', type: 'Country', label: 'B', iso2: 'BB' } },
    ]);
    expect(added.map((e) => e.id()).sort()).toEqual(['a', 'b', 'e1', 'e2']);
    expect(cy.getElementById('e3').empty()).toBe(true);
    // Styled as the stylesheet says: the Country shape, and a width from the link's weight.
    expect(cy.getElementById('b').style('shape')).toBe('hexagon');
    expect(Number.parseFloat(cy.getElementById('e1').style('width'))).toBeGreaterThan(1);
  });
});
