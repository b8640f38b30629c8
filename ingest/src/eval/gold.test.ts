// The gold scorer on a tiny answer key of our own: every verdict it gives must be one a reader can check by hand.
import { describe, expect, it } from 'vitest';
import type { Article, ExtractedEntity, Extraction } from '../../../core/src/model.js';
import { GoldFile, scoreGold } from './gold.js';

const text = 'Governor Ada Quist of Freedonia met Sylvania’s envoy. Quist said Freedonian ports stay open. The Harbour Board agreed.';
const article: Article = {
  id: 'a',
  title: 'Quist Opens Ports',
  text,
  source: 'Test Wire',
  published: '2024-05-02T08:00:00Z',
  topics: ['Ports'],
  contentHash: 'x',
};
const gold = GoldFile.parse({
  article: 'samples/tiny.txt',
  metadata: { title: 'Quist Opens Ports', published: '2024-05-02', source: 'Test Wire', topics: ['Ports', 'Trade'] },
  entities: [
    { type: 'Person', name: 'Ada Quist', surface: ['Ada Quist', 'Governor Ada Quist', 'Quist'] },
    { type: 'Country', name: 'Freedonia', iso2: 'FD', surface: ['Freedonia', 'Freedonian'] },
    { type: 'Country', name: 'Sylvania', iso2: 'SY', surface: ['Sylvania'] },
    { type: 'Organization', name: 'Harbour Board', optional: true, surface: ['Harbour Board'] },
  ],
  not_entities: ['Sylvania’s', 'Governor Ada'],
  links: [
    ['Ada Quist', 'Freedonia'],
    ['Ada Quist', 'Sylvania'],
  ],
  relations: [
    { source: 'Ada Quist', type: 'LEADS', target: 'Freedonia' },
    { source: 'Ada Quist', type: 'MET_WITH', target: 'Sylvania' },
  ],
});

const at = (surface: string, from = 0) => {
  const start = text.indexOf(surface, from);
  return { start, end: start + surface.length, text: surface };
};
const entity = (id: string, type: ExtractedEntity['type'], name: string, aliases: string[], mentions: ReturnType<typeof at>[]): ExtractedEntity => ({
  id,
  type,
  name,
  aliases,
  mentions,
});
const sentence1 = { start: 0, end: text.indexOf('.') + 1 };

describe('scoreGold', () => {
  it('counts an actor found when one node holds all its spellings, titled ones by where the text says them', () => {
    const extraction: Extraction = {
      id: 'a',
      entities: [
        entity('person:ada-quist', 'Person', 'Ada Quist', ['Quist'], [at('Ada Quist'), at('Quist', 20)]),
        entity('country:FD', 'Country', 'Freedonia', ['Freedonian'], [at('Freedonia'), at('Freedonian')]),
        entity('country:SY', 'Country', 'Sylvania', [], [at('Sylvania')]),
        entity('org:harbour-board', 'Organization', 'Harbour Board', [], [at('Harbour Board')]),
      ],
      links: [{ source: 'country:FD', target: 'person:ada-quist', weight: 2, evidence: [sentence1] }],
      relations: [
        { type: 'LEADS', source: 'person:ada-quist', target: 'country:FD', evidence: sentence1 },
        { type: 'MET_WITH', source: 'country:SY', target: 'person:ada-quist', evidence: sentence1 },
      ],
    };
    const r = scoreGold(gold, article, extraction);
    expect(r.scores.Person).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(r.scores.Country).toMatchObject({ tp: 2, fp: 0, fn: 0 });
    // The optional board is neither a hit nor a false positive.
    expect(r.scores.Organization).toMatchObject({ tp: 0, fp: 0, fn: 0 });
    expect(r.missing).toEqual([]);
    expect(r.unexpected).toEqual([]);
    // A relation in either direction connects; a typed fact must have the right direction.
    expect(r.links).toEqual({ found: 2, total: 2, missing: [] });
    expect(r.relations.found).toBe(1);
    expect(r.relations.reversed).toEqual([{ source: 'Ada Quist', type: 'MET_WITH', target: 'Sylvania' }]);
    expect(r.metadata.map((m) => [m.field, m.ok])).toEqual([
      ['title', true],
      ['published', true],
      ['source', true],
      ['topics', false],
    ]);
  });

  it('reports fragments, forbidden strings, strangers and what each missing actor lacks', () => {
    const extraction: Extraction = {
      id: 'a',
      entities: [
        entity('person:ada-quist', 'Person', 'Ada Quist', [], [at('Ada Quist')]),
        entity('person:quist', 'Person', 'Quist', [], [at('Quist', 20)]),
        entity('country:FD', 'Country', 'Freedonia', [], [at('Freedonia')]),
        entity('org:sylvania-s', 'Organization', 'Sylvania’s', [], [at('Sylvania’s')]),
        entity('org:ports', 'Organization', 'ports', [], [at('ports')]),
      ],
      links: [],
      relations: [],
    };
    const r = scoreGold(gold, article, extraction);
    expect(r.missing.map((m) => `${m.name}: ${m.why}`)).toEqual([
      'Ada Quist: closest node person:ada-quist lacks Quist',
      'Freedonia: closest node country:FD lacks Freedonian',
      'Sylvania: no Country node holds any of its spellings',
    ]);
    expect(r.fragmented).toEqual([{ name: 'Ada Quist', nodes: ['person:ada-quist', 'person:quist'] }]);
    expect(r.forbidden).toEqual([{ text: 'Sylvania’s', entity: 'org:sylvania-s' }]);
    expect(r.unexpected).toEqual(['org:ports (ports)']);
    expect(r.scores.Person).toMatchObject({ tp: 0, fp: 2, fn: 1, precision: 0, recall: 0 });
    expect(r.scores.Organization).toMatchObject({ tp: 0, fp: 2, fn: 0 });
    expect(r.links.found).toBe(0);
    expect(r.relations.missing).toHaveLength(2);
  });
});
