// Search input can never change the shape of the Lucene query.
import { describe, expect, it } from 'vitest';
import { escapeLucene, toLuceneQuery } from './lucene.js';

describe('toLuceneQuery', () => {
  it('matches every word exactly, by prefix and (for longer words) fuzzily', () => {
    expect(toLuceneQuery('Kim Jong')).toBe('"kim jong"^4 OR ((kim^2 OR kim*) AND (jong^2 OR jong* OR jong~1))');
  });

  it('drops Lucene syntax instead of obeying it', () => {
    expect(toLuceneQuery('name:* OR "x"')).toBe('"name or x"^4 OR ((name^2 OR name* OR name~1) AND (or^2 OR or*) AND (x^2 OR x*))');
    expect(toLuceneQuery('*:*')).toBeUndefined();
    expect(toLuceneQuery("' OR 1=1 //")).toBe('"or 1 1"^4 OR ((or^2 OR or*) AND (1^2 OR 1*) AND (1^2 OR 1*))');
  });

  it('escapes special characters', () => {
    expect(escapeLucene('a+b:c"d\\')).toBe('a\\+b\\:c\\"d\\\\');
  });
});
