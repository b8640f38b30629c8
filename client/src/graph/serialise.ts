/**
 * Pure serialisers for the visible subgraph: JSON, CSV (nodes and edges) and
 * GraphML that Gephi and Cytoscape desktop open.
 */

export interface PlainNode {
  id: string;
  label: string;
  type: string;
  mentionCount?: number;
  articleCount?: number;
  iso2?: string;
}

export interface PlainEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  weight?: number;
  articles?: number;
  firstSeen?: string;
  lastSeen?: string;
}

export interface PlainGraph {
  nodes: PlainNode[];
  edges: PlainEdge[];
}

export function toJson(graph: PlainGraph): string {
  return `${JSON.stringify(graph, null, 2)}\n`;
}

/** One CSV field, quoted when it must be (RFC 4180), formulas defused for spreadsheets. */
export function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (/^[=+\-@]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function nodesCsv(graph: PlainGraph): string {
  return csv(
    ['id', 'label', 'type', 'mentionCount', 'articleCount', 'iso2'],
    graph.nodes.map((n) => [n.id, n.label, n.type, n.mentionCount, n.articleCount, n.iso2]),
  );
}

export function edgesCsv(graph: PlainGraph): string {
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  return csv(
    ['source', 'sourceLabel', 'target', 'targetLabel', 'type', 'weight', 'articles', 'firstSeen', 'lastSeen'],
    graph.edges.map((e) => [e.source, labels.get(e.source), e.target, labels.get(e.target), e.type, e.weight, e.articles, e.firstSeen, e.lastSeen]),
  );
}

export function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 forbids even when escaped.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');
}

/** GraphML with typed keys; relations are directed edges, co-mentions undirected. */
export function toGraphml(graph: PlainGraph): string {
  const keys: Array<[string, 'node' | 'edge', string, string]> = [
    ['label', 'node', 'label', 'string'],
    ['type', 'node', 'type', 'string'],
    ['mentionCount', 'node', 'mentionCount', 'int'],
    ['articleCount', 'node', 'articleCount', 'int'],
    ['iso2', 'node', 'iso2', 'string'],
    ['etype', 'edge', 'type', 'string'],
    ['weight', 'edge', 'weight', 'double'],
    ['articles', 'edge', 'articles', 'int'],
    ['firstSeen', 'edge', 'firstSeen', 'string'],
    ['lastSeen', 'edge', 'lastSeen', 'string'],
  ];
  const data = (key: string, value: unknown) =>
    value === undefined || value === null || value === '' ? '' : `<data key="${key}">${xmlEscape(String(value))}</data>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    ...keys.map(([id, target, name, type]) => `  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`),
    '  <graph id="actorgraph" edgedefault="undirected">',
    ...graph.nodes.map(
      (n) => `    <node id="${xmlEscape(n.id)}">${data('label', n.label)}${data('type', n.type)}${data('mentionCount', n.mentionCount)}${data('articleCount', n.articleCount)}${data('iso2', n.iso2)}</node>`,
    ),
    ...graph.edges.map(
      (e) =>
        `    <edge id="${xmlEscape(e.id)}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}"${e.type === 'LINKED' ? '' : ' directed="true"'}>${data('etype', e.type)}${data('weight', e.weight)}${data('articles', e.articles)}${data('firstSeen', e.firstSeen)}${data('lastSeen', e.lastSeen)}</edge>`,
    ),
    '  </graph>',
    '</graphml>',
    '',
  ];
  return lines.join('\n');
}
