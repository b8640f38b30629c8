/**
 * Layouts: fCoSE by default, concentric and hierarchical on request, and the
 * placement of newly added nodes around the one they came from, so an
 * expansion never scrambles the analyst's arrangement.
 */
import type { Collection, Core, LayoutOptions, NodeSingular, Position } from 'cytoscape';

export type LayoutName = 'fcose' | 'concentric' | 'breadthfirst';
export const LAYOUTS: Array<{ name: LayoutName; label: string }> = [
  { name: 'fcose', label: 'Force (fCoSE)' },
  { name: 'concentric', label: 'Concentric' },
  { name: 'breadthfirst', label: 'Hierarchical' },
];

/** Options per layout; `big` trades quality for speed on large graphs. */
export function layoutOptions(name: LayoutName, options: { big?: boolean; animate?: boolean; roots?: Collection } = {}): LayoutOptions {
  const animate = options.animate ?? !options.big;
  switch (name) {
    case 'concentric':
      return { name, animate, fit: true, minNodeSpacing: 12, concentric: (n: NodeSingular) => n.degree(false), levelWidth: () => 2 } as LayoutOptions;
    case 'breadthfirst':
      return { name, animate, fit: true, directed: false, spacingFactor: 1.1, roots: options.roots?.nonempty() ? options.roots : undefined } as LayoutOptions;
    default:
      return {
        name: 'fcose',
        quality: options.big ? 'draft' : 'default',
        randomize: true,
        animate,
        animationDuration: 500,
        fit: true,
        // Strong repulsion: news graphs are dense, and labels need room.
        nodeRepulsion: 25000,
        idealEdgeLength: 130,
        edgeElasticity: 0.2,
        nodeSeparation: 90,
        numIter: options.big ? 1200 : 2500,
        packComponents: true,
      } as LayoutOptions;
  }
}

/** Runs a layout over the visible graph; resolves when it has stopped. */
export function runLayout(cy: Core, name: LayoutName, roots?: Collection): Promise<void> {
  const eles = cy.elements(':visible');
  const big = eles.nodes().length > 500;
  const layout = eles.layout(layoutOptions(name, { big, roots }));
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      // A small graph fitted to the screen gets huge labels: never zoom in past 1.25.
      if (cy.zoom() > 1.25) {
        cy.zoom(1.25);
        cy.center(eles);
      }
      resolve();
    }),
  );
  layout.run();
  return done;
}

/** Every node's position, to undo a layout. */
export function positionsOf(cy: Core): Map<string, Position> {
  const positions = new Map<string, Position>();
  cy.nodes().forEach((n) => {
    positions.set(n.id(), { ...n.position() });
  });
  return positions;
}

export function restorePositions(cy: Core, positions: Map<string, Position>): void {
  cy.batch(() => {
    for (const [id, position] of positions) {
      const node = cy.getElementById(id);
      if (node.nonempty() && !node.locked()) node.position(position);
    }
  });
}

/**
 * Places `added` nodes on rings around `center`, outside the space the
 * existing graph already uses near it; nothing else moves.
 */
export function placeAround(center: NodeSingular, added: Collection): void {
  const nodes = added.nodes().filter((n) => n.id() !== center.id());
  if (nodes.empty()) return;
  const origin = center.position();
  const perRing = 14;
  const base = 110;
  nodes.forEach((node, index) => {
    const ring = Math.floor(index / perRing);
    const slots = Math.min(perRing, nodes.length - ring * perRing);
    const angle = (2 * Math.PI * (index % perRing)) / slots + ring * 0.35;
    const radius = base + ring * 70;
    node.position({ x: origin.x + radius * Math.cos(angle), y: origin.y + radius * Math.sin(angle) });
  });
}
