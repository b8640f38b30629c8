import { describe, expect, it } from 'vitest';
import type { Article } from '../../../core/src/model.js';
import type { StoredArticles } from '../../../core/src/queries/ingest.js';
import { classifyArticle, newSeenInRun } from './05-load-graph.js';

const article = (id: string, contentHash: string, origin?: string): Article => ({
  id, contentHash, origin, title: id, text: id, topics: [],
});

const stored: StoredArticles = {
  hashById: new Map([['a', 'h1']]),
  originalByHash: new Map([['h1', 'a']]),
  holderByOrigin: new Map([
    ['a.txt', { id: 'a', origins: 1 }],
    ['old.txt', { id: 'old', origins: 1 }],
    ['shared.txt', { id: 'kept', origins: 2 }],
  ]),
};

describe('classifyArticle', () => {
  it.each([
    ['the same text under the same name is unchanged', article('a', 'h1', 'a.txt'), { fate: 'unchanged' }],
    ['the same text under a new name is a copy', article('a', 'h1', 'b.txt'), { fate: 'duplicate', duplicateOf: 'a' }],
    ['new text under a stored URL is an update', article('a', 'h2'), { fate: 'updated', replaces: 'a' }],
    ['a stored text under another URL is a copy', article('b', 'h1'), { fate: 'duplicate', duplicateOf: 'a' }],
    ['a changed file replaces the article its name held', article('n', 'h5', 'old.txt'), { fate: 'updated', replaces: 'old' }],
    ['a changed file leaves an article another name still holds', article('n', 'h6', 'shared.txt'), { fate: 'new' }],
    ['an unseen text under an unseen name is new', article('c', 'h3', 'c.txt'), { fate: 'new' }],
  ])('%s', (_, input, expected) => {
    expect(classifyArticle(input, stored, newSeenInRun())).toEqual(expected);
  });

  it('finds copies inside one run before anything is written', () => {
    const seen = newSeenInRun();
    const none: StoredArticles = { hashById: new Map(), originalByHash: new Map(), holderByOrigin: new Map() };
    expect(classifyArticle(article('x', 'h9', 'one.jsonl#1'), none, seen)).toEqual({ fate: 'new' });
    expect(classifyArticle(article('x', 'h9', 'one.jsonl#7'), none, seen)).toEqual({ fate: 'duplicate', duplicateOf: 'x' });
    expect(classifyArticle(article('y', 'h9'), none, seen)).toEqual({ fate: 'duplicate', duplicateOf: 'x' });
    expect(classifyArticle(article('x', 'h10'), none, seen)).toEqual({ fate: 'repeated' });
  });

  it('keeps the stored name unchanged when its copy comes first in the run', () => {
    const seen = newSeenInRun();
    expect(classifyArticle(article('a', 'h1', 'a-copy.txt'), stored, seen)).toEqual({ fate: 'duplicate', duplicateOf: 'a' });
    expect(classifyArticle(article('a', 'h1', 'a.txt'), stored, seen)).toEqual({ fate: 'unchanged' });
  });
});
