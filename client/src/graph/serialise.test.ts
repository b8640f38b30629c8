import { describe, expect, it } from 'vitest';
import { csvField, edgesCsv, nodesCsv, toGraphml, type PlainGraph } from './serialise.js';

const graph: PlainGraph = {
  nodes: [
    { id: 'person:a', label: 'Ann "the Boss" <b>', type: 'Person', mentionCount: 3 },
    { id: 'country:KP', label: 'North Korea', type: 'Country', iso2: 'KP' },
  ],
  edges: [
    { id: 'e1', source: 'person:a', target: 'country:KP', type: 'LEADS', weight: 2 },
    { id: 'e2', source: 'person:a', target: 'country:KP', type: 'LINKED', weight: 5, firstSeen: '2025-01-02' },
  ],
};

describe('serialise', () => {
  it('quotes CSV fields with commas, quotes and newlines, and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField(undefined)).toBe('');
  });

  it('writes node and edge CSV with labels for both ends', () => {
    expect(nodesCsv(graph).split('\r\n')[1]).toBe('person:a,"Ann ""the Boss"" <b>",Person,3,,');
    expect(edgesCsv(graph).split('\r\n')[2]).toBe('person:a,"Ann ""the Boss"" <b>",country:KP,North Korea,LINKED,5,,2025-01-02,');
  });

  it('writes well-formed GraphML with escaped text and directed relations', () => {
    const xml = toGraphml(graph);
    expect(xml).toContain('<data key="label">Ann &quot;the Boss&quot; &lt;b&gt;</data>');
    expect(xml).toContain('<edge id="e1" source="person:a" target="country:KP" directed="true">');
    expect(xml).not.toContain('<b>');
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(2);
  });
});
