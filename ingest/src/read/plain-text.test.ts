import { describe, expect, it } from 'vitest';
import { readPlainText } from './plain-text.js';

const body1 = 'Ministers from both countries met in Oslo on Tuesday to discuss fishing quotas in the northern sea.';
const body2 = 'The talks ended without a joint statement, but officials said a second round would follow in the spring.';

describe('readPlainText metadata', () => {
  const cases: Array<[string, string, { title?: string; published?: string; source?: string; url?: string }]> = [
    [
      'date glued to the source name, furniture and staff byline',
      `Oslo Talks Stall\n\n${body1}\n\nApril 2, 2024Northwind Daily\n\nCover Image\nNorthwind Editor\n\nNorthwind Daily\n\n${body2}`,
      { title: 'Oslo Talks Stall', published: '2024-04-02', source: 'Northwind Daily' },
    ],
    [
      'bare date then a source line',
      `Oslo Talks Stall\n\nMarch 3, 2022\nHarbour Wire\n\n${body1}\n\n${body2}`,
      { title: 'Oslo Talks Stall', published: '2022-03-03', source: 'Harbour Wire' },
    ],
    [
      'Markdown-style heading, day-month-year and a Source: label',
      `# Oslo Talks Stall\nBy Ingrid Berg\nSource: Fjord Post\n28 July 2025\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2025-07-28', source: 'Fjord Post' },
    ],
    [
      'ISO date with a label and a pipe-separated byline',
      `Oslo Talks Stall\nPublished: 2023-11-05 | By Ingrid Berg\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2023-11-05' },
    ],
    [
      'source above the date, and a reading-time badge after it',
      `Oslo Talks Stall\nFjord Post\nMay 5, 2024 • 4 min read\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2024-05-05', source: 'Fjord Post' },
    ],
    [
      'posted-on label with a byline after the date, and a pipe byline',
      `Oslo Talks Stall\nPosted on 6 May 2024 by Ingrid Berg\nBy Ingrid Berg | Fjord Post\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2024-05-06', source: undefined },
    ],
    [
      'time before the date, upper-case byline',
      `Oslo Talks Stall\nBy INGRID BERG\nUpdated 3:15 PM EDT, March 3, 2022\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2022-03-03', source: undefined },
    ],
    [
      'reporter-in-city byline above a date with a time',
      `Oslo Talks Stall\nIngrid Berg in Tromsø\nThu 3 Mar 2022 12.30 GMT\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: '2022-03-03', source: undefined },
    ],
    [
      'a link to the original and a labelled source',
      `Oslo Talks Stall\nSource: Fjord Post\nURL: https://fjord.example/oslo-talks\n2024-05-07\n\n${body1}`,
      { published: '2024-05-07', source: 'Fjord Post', url: 'https://fjord.example/oslo-talks' },
    ],
    [
      'no metadata at all',
      `Oslo Talks Stall\n\n${body1}`,
      { title: 'Oslo Talks Stall', published: undefined, source: undefined },
    ],
  ];
  it.each(cases)('%s', (_name, input, expected) => {
    const draft = readPlainText(input);
    expect(draft).toMatchObject(expected);
    expect(draft.text.startsWith(body1.slice(0, 20))).toBe(true);
  });
});

describe('readPlainText footer', () => {
  it('turns a trailing topic list into topics and drops credits and a repeated title', () => {
    const input = [
      'Oslo Talks Stall', '', body1, '', body2, '', 'Sources:', '', 'Related Topics', '',
      'Norway', 'Fishing Quotas', 'Nordic Council', 'The Harbour Times', 'Oslo Talks Stall',
    ].join('\n');
    const draft = readPlainText(input);
    expect(draft.topics).toEqual(['Norway', 'Fishing Quotas', 'Nordic Council']);
    expect(draft.text).toBe(`${body1}\n\n${body2}`);
  });

  it('reads an inline tag list', () => {
    const draft = readPlainText(`Oslo Talks Stall\n\n${body1}\n\nTags: Norway, Iceland; fisheries`);
    expect(draft.topics).toEqual(['Norway', 'Iceland', 'fisheries']);
    expect(draft.text).toBe(body1);
  });

  it('keeps a closing paragraph that merely mentions sources', () => {
    const closing = 'Sources close to the delegation said the mood was calm.';
    const draft = readPlainText(`Oslo Talks Stall\n\n${body1}\n\n${closing}`);
    expect(draft.text).toBe(`${body1}\n\n${closing}`);
    expect(draft.topics).toEqual([]);
  });
});

describe('readPlainText body', () => {
  it('joins wrapped lines into one paragraph and keeps subheadings', () => {
    const draft = readPlainText('Oslo Talks Stall\n\nMinisters met\nin Oslo on Tuesday.\n\nWhat Comes Next\n\nA second round follows.');
    expect(draft.text).toBe('Ministers met in Oslo on Tuesday.\n\nWhat Comes Next\n\nA second round follows.');
  });

  it('keeps list items apart and without their markers', () => {
    const draft = readPlainText('Oslo Talks Stall\n\nThe deal covers:\n- fishing quotas\n- port fees\n1. first step');
    expect(draft.text).toBe('The deal covers:\n\nfishing quotas\n\nport fees\n\nfirst step');
  });

  it('drops furniture inside the story', () => {
    const draft = readPlainText(`Oslo Talks Stall\n\n${body1}\n\nAdvertisement\n\n${body2}\n\nShare this article`);
    expect(draft.text).toBe(`${body1}\n\n${body2}`);
  });

  it('does not take a long opening sentence for a title', () => {
    const long = 'Ministers from Norway and Iceland met in Oslo on Tuesday to discuss fishing quotas in the northern sea, a dispute that has dragged on for more than a decade.';
    const draft = readPlainText(long);
    expect(draft.title).toBeUndefined();
    expect(draft.text).toBe(long);
  });

  it('lets hints from front matter win and skips the repeated heading', () => {
    const draft = readPlainText(`Oslo Talks Stall\n\n${body1}`, { title: 'Oslo talks stall', source: 'Fjord Post' });
    expect(draft).toMatchObject({ title: 'Oslo talks stall', source: 'Fjord Post', text: body1 });
  });
});
