import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, isCustomView } from './url-state.js';

describe('url state', () => {
  it('round-trips a view, ids with colons, spaces and pipes included', () => {
    const view = {
      top: true,
      seeds: ['person:kim-jong-un', 'org:united nations'],
      expanded: ['country:KP'],
      hidden: ['person:x'],
      pinned: [],
      selected: 'LINKED:a|b',
      layout: 'concentric',
      types: ['Person', 'Country'],
      minWeight: 2,
      from: '2025-01-01',
      to: '2025-12-31',
      article: 'https://example.org/a?b=c&d',
    };
    expect(decodeView(`#${encodeView(view)}`)).toEqual(view);
  });

  it('reads an empty hash as the default first view', () => {
    const view = decodeView('');
    expect(isCustomView(view)).toBe(false);
    expect(view.selected).toBeUndefined();
  });
});
