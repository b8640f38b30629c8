// How a typed relation's recorded statements read back: its sentences, and whether a rule or the learned
// classifier (with what confidence) stated it.
import { describe, expect, it } from 'vitest';
import { toLinkRelation } from './evidence.js';
import { relationKey, statement } from './ingest-rows.js';

const fact = { type: 'WORKS_FOR', source: 'person:pia', target: 'org:acme', articles: 2 };
/** A statement's head as the evidence query returns it: `article#` and what precedes the key. */
const head = (article: string, said: string) => `${article}#${said.split('|')[0]}`;
const key = relationKey('WORKS_FOR', 'person:pia', 'org:acme');

describe('toLinkRelation', () => {
  it('takes the best confidence when only the classifier stated the relation', () => {
    const statements = [head('a1', statement(12, key, 0.8621)), head('a2', statement(0, key, 0.93))];
    expect(toLinkRelation({ ...fact, statements })).toEqual({ ...fact, sentences: ['a1#12', 'a2#0'], foundBy: 'classifier', confidence: 0.93 });
  });

  it('says rules, with no confidence, when any sentence states it by a rule', () => {
    const statements = [head('a1', statement(12, key, 0.8621)), head('a2', statement(0, key))];
    expect(toLinkRelation({ ...fact, statements })).toEqual({ ...fact, sentences: ['a1#12', 'a2#0'], foundBy: 'rules' });
  });

  it('reads statements recorded before confidences were, as the rules’', () => {
    expect(toLinkRelation({ ...fact, statements: ['a1#40'] })).toEqual({ ...fact, sentences: ['a1#40'], foundBy: 'rules' });
  });
});
