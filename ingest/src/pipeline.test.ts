// The three extraction stages together on an article written for this test: what an analyst would see.
import { describe, expect, it } from 'vitest';
import { extractArticle } from './pipeline.js';

const text = `Venezuela has turned down President Maria Santos Ferreira’s offer of talks, state radio said on Monday.

President Ferreira, who was elected in March, had already lifted several border restrictions. Venezuelan foreign minister Jan Kowalczyk said the gesture changed nothing. Later Kowalczyk added that Brazil’s ties with the United States remained a threat.

The Organization of American States (OAS) said it would keep watching, and the OAS invited both sides to talks.`;

describe('extractArticle', () => {
  const x = extractArticle({ id: 'own-words', title: 'Venezuela Rebuffs Brazilian President’s Offer', text });
  const byId = new Map(x.entities.map((e) => [e.id, e]));
  const facts = x.relations.map((r) => `${r.source} ${r.type} ${r.target}`);

  it('makes one node per actor, titles and surnames included, with exact offsets', () => {
    expect(byId.get('person:maria-santos-ferreira')).toMatchObject({ name: 'Maria Santos Ferreira', aliases: ['Ferreira'] });
    expect(byId.get('person:maria-santos-ferreira')!.mentions).toHaveLength(2);
    expect(byId.get('person:jan-kowalczyk')!.mentions).toHaveLength(2);
    expect(byId.get('org:organization-of-american-states')).toMatchObject({ type: 'Organization', aliases: ['OAS'] });
    expect(byId.get('country:BR')!.aliases).toContain('Brazilian'); // seen in the headline
    for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('states the typed facts the text supports, in the right direction', () => {
    expect(facts).toEqual(
      expect.arrayContaining([
        'person:maria-santos-ferreira LEADS country:BR',
        'country:VE OPPOSES country:BR',
        'person:jan-kowalczyk WORKS_FOR country:VE',
        'country:BR ALLIED_WITH country:US',
      ]),
    );
  });

  it('links actors named in one sentence more strongly than actors that only share the article', () => {
    const link = (a: string, b: string) => x.links.find((l) => (l.source === a && l.target === b) || (l.source === b && l.target === a));
    expect(link('country:BR', 'country:US')!.weight).toBe(1);
    expect(link('person:jan-kowalczyk', 'org:organization-of-american-states')!.weight).toBe(0.25);
  });
});
