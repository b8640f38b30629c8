/**
 * API elements → Cytoscape element definitions: adds the badge each node
 * draws and keeps only what the stylesheet and panels read.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Elements } from '../api-types.js';
import { badgeData } from './badges.js';

export function toCyElements(elements: Elements): ElementDefinition[] {
  const nodes = elements.nodes.map(({ data }) => ({ group: 'nodes' as const, data: { ...data, ...badgeData(data.type, data.iso2) } }));
  const edges = elements.edges.map(({ data }) => ({ group: 'edges' as const, data: { ...data } }));
  return [...nodes, ...edges];
}
