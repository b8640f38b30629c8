import { describe, expect, it } from 'vitest';
import type { Article } from '../../../core/src/model.js';
import { classifyArticle, newSeenInRun } from './05-load-graph.js';

const article = (id: string, contentHash: string): Article => ({ id, contentHash, title: id, text: id, topics: [] });

describe('classifyArticle', () => {
  const stored = {
    hashById: new Map([['a', 'h1']]),
    originalByHash: new Map([['h1', 'a']]),
  };

  it.each([
    ['the same text under the same id is unchanged', article('a', 'h1'), { fate: 'unchanged' }],
    ['new text under a stored id is an update', article('a', 'h2'), { fate: 'updated' }],
    ['a stored text under another id is a copy', article('b', 'h1'), { fate: 'duplicate', duplicateOf: 'a' }],
    ['an unseen text under an unseen id is new', article('c', 'h3'), { fate: 'new' }],
  ])('%s', (_, input, expected) => {
    expect(classifyArticle(input, stored, newSeenInRun())).toEqual(expected);
  });

  it('finds copies inside one run before anything is written', () => {
    const seen = newSeenInRun();
    const empty = { hashById: new Map(), originalByHash: new Map() };
    expect(classifyArticle(article('x', 'h9'), empty, seen)).toEqual({ fate: 'new' });
    expect(classifyArticle(article('y', 'h9'), empty, seen)).toEqual({ fate: 'duplicate', duplicateOf: 'x' });
  });

  it('refuses a second article with an id already taken in the run', () => {
    const seen = newSeenInRun();
    const none = { hashById: new Map(), originalByHash: new Map() };
    expect(classifyArticle(article('x', 'h1'), none, seen)).toEqual({ fate: 'new' });
    expect(classifyArticle(article('x', 'h2'), none, seen)).toEqual({ fate: 'repeated' });
  });
});
