/**
 * API elements → Cytoscape element definitions: adds the badge each node
 * draws and keeps only what the stylesheet and panels read.
 */
import type { ElementDefinition } from 'cytoscape';
import type { Elements } from '../api-types.js';
import { badgeImage } from './badges.js';
import { nodeBadge } from './style.js';

export function toCyElements(elements: Elements): ElementDefinition[] {
  const nodes = elements.nodes.map(({ data }) => {
    const badge = nodeBadge(data.type, data.iso2);
    return {
      group: 'nodes' as const,
      data: { ...data, ...(badge ? { badge, badgeImage: badgeImage(badge) } : {}) },
    };
  });
  const edges = elements.edges.map(({ data }) => ({ group: 'edges' as const, data: { ...data } }));
  return [...nodes, ...edges];
}
