import { describe, expect, it } from 'vitest';
import type { Article, Extraction } from '../model.js';
import { prepareRows, sumEntitiesById, sumLinksByPair } from './ingest-rows.js';

const article: Article = {
  id: 'a1',
  title: 'Blair meets Bush',
  text: 'Tony Blair met George Bush in Washington.',
  topics: [],
  contentHash: 'h1',
} as Article;

function extraction(overrides: Partial<Extraction> = {}): Extraction {
  return {
    entities: [
      { id: 'person:tony-blair', type: 'Person', name: 'Tony Blair', aliases: [], mentions: [{ start: 0, end: 10 }] },
      { id: 'person:george-bush', type: 'Person', name: 'George Bush', aliases: ['Bush'], mentions: [{ start: 15, end: 26 }] },
    ],
    links: [],
    relations: [],
    ...overrides,
  } as Extraction;
}

describe('prepareRows', () => {
  it('writes one entity row per entity an article mentions, with its spellings and mention spans', () => {
    const rows = prepareRows([{ article, extraction: extraction() }], '2026-01-01T00:00:00Z');
    expect(rows.entities).toHaveLength(2);
    expect(rows.entities.find((e) => e.id === 'person:george-bush')).toMatchObject({ articleId: 'a1', type: 'Person', spellings: ['George Bush', 'Bush'], starts: [15], ends: [26] });
  });

  it("records on the article the links and relations it adds, and sorts rows by id so batches lock in one order", () => {
    const rows = prepareRows([{ article, extraction: extraction({
      links: [{ source: 'person:tony-blair', target: 'person:george-bush', weight: 1, evidence: [{ start: 0, end: 41 }] }],
      relations: [
        { type: 'MET_WITH', source: 'person:tony-blair', target: 'person:george-bush', evidence: { start: 0, end: 41 } },
        // Twice in one article: one statement each, the article counted once.
        { type: 'MET_WITH', source: 'person:tony-blair', target: 'person:george-bush', evidence: { start: 50, end: 60 } },
        // An end the article does not mention cannot be recorded on it: dropped.
        { type: 'LEADS', source: 'person:tony-blair', target: 'country:GB', evidence: { start: 0, end: 41 } },
      ],
    } as Partial<Extraction>) }], '2026-01-01T00:00:00Z');
    expect(rows.entities.map((e) => e.id)).toEqual(['person:george-bush', 'person:tony-blair']);
    expect(rows.articles[0]).toMatchObject({
      linkKeys: ['person:george-bush|person:tony-blair'],
      linkWeights: [1],
      relationKeys: ['MET_WITH|person:tony-blair|person:george-bush'],
      statements: ['0|MET_WITH|person:tony-blair|person:george-bush', '50|MET_WITH|person:tony-blair|person:george-bush'],
    });
    expect(rows.relations).toHaveLength(1);
  });

  // Entity types become labels and relation types become relationship types in Cypher.
  it('refuses an entity type outside the closed list, which would become a label', () => {
    const bad = extraction();
    (bad.entities[0] as { type: string }).type = 'Person:Admin';
    expect(() => prepareRows([{ article, extraction: bad }], '2026-01-01T00:00:00Z')).toThrow(/unknown entity type/);
  });

  it('refuses a relation type outside the closed list', () => {
    const bad = extraction({
      relations: [{ type: 'OWNS]->() DETACH DELETE (x', source: 'person:tony-blair', target: 'person:george-bush', evidence: { start: 0, end: 40 } }],
    } as unknown as Partial<Extraction>);
    expect(() => prepareRows([{ article, extraction: bad }], '2026-01-01T00:00:00Z')).toThrow(/unknown relation type/);
  });
});

describe('a batch summed before it is written', () => {
  const second: Article = { ...article, id: 'a2', contentHash: 'h2', published: '2024-03-01' } as Article;
  const third: Article = { ...article, id: 'a3', contentHash: 'h3', published: '2024-01-15' } as Article;
  const linked = (weight: number) =>
    extraction({ links: [{ source: 'person:tony-blair', target: 'person:george-bush', weight, evidence: [{ start: 0, end: 40 }] }] });

  it('writes a pair many articles name once, with their weights and article count added and the dates they span', () => {
    const rows = prepareRows([{ article, extraction: linked(1) }, { article: second, extraction: linked(2) }, { article: third, extraction: linked(0.25) }], 'now');
    expect(sumLinksByPair(rows.links)).toEqual([
      { source: 'person:george-bush', target: 'person:tony-blair', weight: 3.25, articles: 3, firstSeen: '2024-01-15', lastSeen: '2024-03-01' },
    ]);
  });

  it('writes an entity many articles name once, with every spelling in first-use order and its counts added', () => {
    const other = extraction({
      entities: [{ id: 'person:george-bush', type: 'Person', name: 'George Bush', aliases: ['President Bush', 'Bush'], mentions: [{ start: 0, end: 3 }, { start: 9, end: 12 }] }],
    } as Partial<Extraction>);
    const rows = prepareRows([{ article, extraction: extraction() }, { article: second, extraction: other }], 'now');
    expect(sumEntitiesById(rows.entities)).toEqual([
      { id: 'person:george-bush', type: 'Person', name: 'George Bush', iso2: null, spellings: ['George Bush', 'Bush', 'President Bush'], count: 3, articles: 2 },
      { id: 'person:tony-blair', type: 'Person', name: 'Tony Blair', iso2: null, spellings: ['Tony Blair'], count: 1, articles: 1 },
    ]);
    // Mentions stay one row per article.
    expect(rows.entities.filter((e) => e.id === 'person:george-bush').map((e) => e.articleId)).toEqual(['a1', 'a2']);
  });
});
