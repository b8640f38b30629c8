// An extraction with some actors replaced: links, facts and mentions follow, and nothing is counted twice.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../core/src/model.js';
import { remapExtraction } from './remap-extraction.js';

const span = (start: number) => ({ start, end: start + 5 });

describe('remapExtraction', () => {
  const extraction: Extraction = {
    id: 'a',
    entities: [
      { id: 'person:nadal', type: 'Person', name: 'Nadal', aliases: [], mentions: [{ ...span(0), text: 'Nadal' }] },
      { id: 'person:chelsea', type: 'Person', name: 'Chelsea', aliases: [], mentions: [{ ...span(20), text: 'Chelsea' }] },
      { id: 'org:chelsea', type: 'Organization', name: 'Chelsea', aliases: ['Chelsea FC'], mentions: [{ ...span(40), text: 'Chelsea' }] },
      { id: 'country:ES', type: 'Country', name: 'Spain', aliases: [], iso2: 'ES', mentions: [{ ...span(60), text: 'Spain' }] },
    ],
    links: [
      { source: 'country:ES', target: 'person:nadal', weight: 1, evidence: [span(0)] },
      { source: 'country:ES', target: 'person:chelsea', weight: 1, evidence: [span(20)] },
      { source: 'country:ES', target: 'org:chelsea', weight: 2, evidence: [span(20), span(40)] },
      { source: 'org:chelsea', target: 'person:chelsea', weight: 1, evidence: [span(20)] },
    ],
    relations: [{ type: 'BASED_IN', source: 'person:chelsea', target: 'country:ES', evidence: span(20) }],
  };
  const out = remapExtraction(
    extraction,
    new Map([
      ['person:nadal', { id: 'person:rafael-nadal', type: 'Person' as const, name: 'Rafael Nadal' }],
      ['person:chelsea', { id: 'org:chelsea', type: 'Organization' as const, name: 'Chelsea' }],
    ]),
  );

  it('renames an actor to its replacement, keeping the old name as an alias', () => {
    expect(out.entities.find((e) => e.id === 'person:rafael-nadal')).toMatchObject({ name: 'Rafael Nadal', type: 'Person', aliases: ['Nadal'] });
    expect(out.entities.map((e) => e.id)).toEqual(['person:rafael-nadal', 'org:chelsea', 'country:ES']);
  });

  it('joins an actor that meets its replacement in the article, mentions and aliases together', () => {
    const club = out.entities.find((e) => e.id === 'org:chelsea')!;
    expect(club.mentions.map((m) => m.start)).toEqual([20, 40]);
    expect(club.aliases).toEqual(['Chelsea FC']);
  });

  it('moves links and facts with their ends, weighing a joined link by its distinct sentences, and drops self-links', () => {
    const key = (l: { source: string; target: string }) => `${l.source}|${l.target}`;
    expect(out.links.map((l) => `${key(l)} ${l.weight}`)).toEqual(['country:ES|person:rafael-nadal 1', 'country:ES|org:chelsea 2']);
    expect(out.relations.map((r) => `${r.source} ${r.type} ${r.target}`)).toEqual(['org:chelsea BASED_IN country:ES']);
  });

  it('returns the extraction itself when nothing applies', () => {
    expect(remapExtraction(extraction, new Map())).toBe(extraction);
  });
});
