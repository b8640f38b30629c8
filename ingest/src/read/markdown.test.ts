import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown.js';

describe('readMarkdown', () => {
  it('reads front matter and strips markup', () => {
    const md = [
      '---',
      'title: "Harbour Deal Signed"',
      'date: 2024-05-09',
      'source: Coastline Review',
      'url: https://example.org/harbour-deal',
      'tags: [ports, trade]',
      '---',
      '',
      '# Harbour Deal Signed',
      '',
      '![Cranes at dusk](https://example.org/cranes.jpg)',
      '',
      'The **port authority** signed a [ten-year lease](https://example.org/lease) with',
      'a shipping group on *Thursday*.',
      '',
      '## Reaction',
      '',
      '> Unions welcomed the `deal`.',
      '',
      '- Jobs kept: 400',
      '- Berths: 3',
    ].join('\n');
    expect(readMarkdown(md)).toEqual({
      title: 'Harbour Deal Signed',
      text: 'The port authority signed a ten-year lease with a shipping group on Thursday.\n\nReaction\n\nUnions welcomed the deal.\n\nJobs kept: 400\n\nBerths: 3',
      source: 'Coastline Review',
      published: '2024-05-09',
      topics: ['ports', 'trade'],
      url: 'https://example.org/harbour-deal',
    });
  });

  it('finds metadata in the lines under the heading when there is no front matter', () => {
    const md = '# Harbour Deal Signed\n*By Ana Lima*\nMay 9, 2024\nCoastline Review\n\nThe port authority signed a lease on Thursday.\n\n**Tags:** ports, trade';
    expect(readMarkdown(md)).toMatchObject({
      title: 'Harbour Deal Signed',
      published: '2024-05-09',
      source: 'Coastline Review',
      text: 'The port authority signed a lease on Thursday.',
      topics: ['ports', 'trade'],
    });
  });

  it('ignores front matter that is not valid YAML', () => {
    const draft = readMarkdown('---\ntitle: [unclosed\n---\n# Heading\n\nSome prose here.');
    expect(draft).toMatchObject({ title: 'Heading', text: 'Some prose here.' });
  });
});
