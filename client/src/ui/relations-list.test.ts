// How the link panel words a typed relation's provenance, and which evidence sentences it labels.
import { describe, expect, it } from 'vitest';
import type { EvidenceSentence, LinkRelation } from '../api-types.js';
import { labelStatements, provenance } from './relations-list.js';

const learned: LinkRelation = { type: 'WORKS_FOR', source: 'p', target: 'o', articles: 1, sentences: ['a1#0'], foundBy: 'classifier', confidence: 0.868 };
const ruled: LinkRelation = { type: 'LEADS', source: 'p', target: 'o', articles: 2, sentences: ['a1#0', 'a2#40'], foundBy: 'rules' };
const sentence = (id: string): EvidenceSentence => ({ id, text: 'x', articleId: id.split('#')[0]!, marks: [] });

describe('relations in the link panel', () => {
  it('says how each relation was found', () => {
    expect(provenance(learned)).toBe('learned, 87% sure');
    expect(provenance(ruled)).toBe('found by the rules');
  });

  it('labels each sentence with the relations it states, and leaves the others alone', () => {
    const [first, second, third] = labelStatements([sentence('a1#0'), sentence('a2#40'), sentence('a3#0')], [learned, ruled]);
    expect(first!.relation).toBe('WORKS_FOR · learned, 87% sure, LEADS');
    expect(second!.relation).toBe('LEADS');
    expect(third!.relation).toBeUndefined();
  });
});
