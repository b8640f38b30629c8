import { describe, expect, it } from 'vitest';
import { prepareRows } from '../core/src/queries/ingest-rows.js';
import { syntheticCorpus } from './synthetic-articles.js';

describe('syntheticCorpus', () => {
  it('gives the same articles for the same seed, and others for another seed or revision', () => {
    const one = syntheticCorpus({ seed: 7, actors: 2_000 });
    const two = syntheticCorpus({ seed: 7, actors: 2_000 });
    // Out of order on purpose: an article depends on its index only, not on what was drawn before.
    expect(one.article(5)).toEqual(two.article(5));
    two.article(4);
    expect(one.article(3)).toEqual(two.article(3));
    expect(syntheticCorpus({ seed: 8, actors: 2_000 }).article(5).article.text).not.toBe(one.article(5).article.text);
    const changed = one.article(5, 1).article;
    expect(changed.id).toBe(one.article(5).article.id);
    expect(changed.origin).toBe(one.article(5).article.origin);
    expect(changed.contentHash).not.toBe(one.article(5).article.contentHash);
  });

  it('makes valid extractions of realistic size', () => {
    const corpus = syntheticCorpus({ seed: 1, actors: 5_000 });
    const ids = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { article, extraction } = corpus.article(i);
      ids.add(article.id);
      expect(extraction.id).toBe(article.id);
      expect(extraction.entities.length).toBeGreaterThanOrEqual(5);
      expect(extraction.entities.length).toBeLessThanOrEqual(26); // 25, or 26 when the last is a leader with their country
      expect(article.text.length).toBeGreaterThan(500);
      for (const entity of extraction.entities) {
        expect(entity.mentions.length).toBeGreaterThan(0);
        for (const m of entity.mentions) expect(article.text.slice(m.start, m.end)).toBe(entity.name);
      }
      const present = new Set(extraction.entities.map((e) => e.id));
      for (const link of extraction.links) {
        expect(present.has(link.source) && present.has(link.target)).toBe(true);
        expect(link.weight === 0.25 || Number.isInteger(link.weight)).toBe(true);
      }
      for (const relation of extraction.relations) expect(present.has(relation.source) && present.has(relation.target)).toBe(true);
      // It passes the real write path's row preparation.
      expect(() => prepareRows([{ article, extraction }], '2024-01-01T00:00:00Z')).not.toThrow();
    }
    expect(ids.size).toBe(200);
  });

  it('has hubs: the biggest actor is in a large share of articles, a leader comes with their country', () => {
    const corpus = syntheticCorpus({ seed: 3 });
    const hub = corpus.actor(0).id;
    let withHub = 0;
    let leads = 0;
    for (let i = 0; i < 500; i++) {
      const { extraction } = corpus.article(i);
      if (extraction.entities.some((e) => e.id === hub)) withHub++;
      leads += extraction.relations.filter((r) => r.type === 'LEADS' && r.target === hub).length;
    }
    expect(withHub / 500).toBeGreaterThan(0.2);
    expect(leads).toBeGreaterThan(0);
    expect(corpus.actor(1)).toMatchObject({ type: 'Person' });
    expect(corpus.actor(0)).toMatchObject({ type: 'Country', iso2: 'AA' });
  });
});
