/**
 * Adds elements the way Cytoscape styles fastest: nodes first, styled at
 * once, then the edges whose two ends are both present.
 *
 * Why this order: Cytoscape walks all of a node's edges for every style
 * property it applies to the node (about twenty here), so a hub's styling
 * costs in proportion to its links. Styled before their edges exist, 2,000
 * nodes with 10,000 edges reached the first frame ~0.2 s sooner in the
 * client bench.
 */
import type { CollectionReturnValue, Core, ElementDefinition } from 'cytoscape';

export function addNodesThenEdges(cy: Core, definitions: ElementDefinition[]): CollectionReturnValue {
  const nodes = cy.add(definitions.filter((d) => d.group === 'nodes'));
  // Reading the bounds makes Cytoscape apply the style it otherwise applies lazily.
  nodes.boundingBox();
  const edges = definitions.filter(
    (d) => d.group === 'edges' && cy.getElementById(d.data.source!).nonempty() && cy.getElementById(d.data.target!).nonempty(),
  );
  return nodes.union(cy.add(edges));
}
