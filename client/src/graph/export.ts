/**
 * Exports what the analyst sees: the picture as PNG or SVG, the visible
 * subgraph as JSON, CSV or GraphML — each as a file download.
 */
import type { Core } from 'cytoscape';
import { edgesCsv, nodesCsv, toGraphml, toJson, type PlainGraph } from './serialise.js';

export type ExportFormat = 'png' | 'svg' | 'json' | 'nodes.csv' | 'edges.csv' | 'graphml';

export const EXPORT_FORMATS: Array<{ format: ExportFormat; label: string }> = [
  { format: 'png', label: 'PNG image' },
  { format: 'svg', label: 'SVG image' },
  { format: 'json', label: 'JSON (visible subgraph)' },
  { format: 'nodes.csv', label: 'CSV — nodes' },
  { format: 'edges.csv', label: 'CSV — edges' },
  { format: 'graphml', label: 'GraphML (Gephi, Cytoscape)' },
];

/** The visible actors and links, without "N more" placeholders. */
export function visibleSubgraph(cy: Core): PlainGraph {
  const nodes = cy.nodes(':visible').filter((n) => n.data('type') !== 'More');
  const ids = new Set(nodes.map((n) => n.id()));
  const edges = cy.edges(':visible').filter((e) => ids.has(e.data('source')) && ids.has(e.data('target')));
  return {
    nodes: nodes.map((n) => ({
      id: n.id(),
      label: n.data('label'),
      type: n.data('type'),
      mentionCount: n.data('mentionCount'),
      articleCount: n.data('articleCount'),
      iso2: n.data('iso2'),
    })),
    edges: edges.map((e) => ({
      id: e.id(),
      source: e.data('source'),
      target: e.data('target'),
      type: e.data('type') ?? 'LINKED',
      weight: e.data('weight'),
      articles: e.data('articles'),
      firstSeen: e.data('firstSeen'),
      lastSeen: e.data('lastSeen'),
    })),
  };
}

function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportGraph(cy: Core, format: ExportFormat): void {
  const stamp = new Date().toISOString().slice(0, 10);
  const name = `actorgraph-${stamp}.${format}`;
  switch (format) {
    case 'png':
      download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob, name);
      return;
    case 'svg': {
      const svg = (cy as unknown as { svg: (o: object) => string }).svg({ full: true, scale: 1, bg: '#ffffff' });
      download(new Blob([svg], { type: 'image/svg+xml' }), name);
      return;
    }
    case 'json':
      download(new Blob([toJson(visibleSubgraph(cy))], { type: 'application/json' }), name);
      return;
    case 'nodes.csv':
      download(new Blob([nodesCsv(visibleSubgraph(cy))], { type: 'text/csv' }), name);
      return;
    case 'edges.csv':
      download(new Blob([edgesCsv(visibleSubgraph(cy))], { type: 'text/csv' }), name);
      return;
    case 'graphml':
      download(new Blob([toGraphml(visibleSubgraph(cy))], { type: 'application/graphml+xml' }), name);
      return;
  }
}
