import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeFeed, readFeed } from './feed.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('readFeed: RSS 2.0', () => {
  const { drafts, problems } = readFeed(fixture('feed.rss'));

  it('prefers content:encoded, decodes CDATA and escaped HTML, and reads links, dates and categories', () => {
    expect(drafts).toEqual([
      {
        title: 'River Ferry Returns',
        text: 'The ferry between the two river towns resumed service on Tuesday.\n\nTicket prices stay the same & timetables are posted at both piers.',
        url: 'https://gazette.example/ferry',
        published: 'Tue, 04 Jun 2024 07:45:00 GMT',
        source: 'Delta Gazette',
        topics: ['Transport', 'Delta'],
        record: 1,
      },
      {
        title: 'Council Delays Vote',
        text: 'The council postponed its vote on the new market hall until July.',
        url: undefined, // a guid that is not a permalink is not a URL
        published: '2024-06-05',
        source: 'Delta Gazette',
        topics: [],
        record: 2,
      },
    ]);
  });

  it('names the item without text', () => {
    expect(problems).toEqual([{ message: 'item 3 ("Photo gallery") has no text' }]);
  });
});

describe('readFeed: Atom', () => {
  const { drafts, problems } = readFeed(fixture('feed.atom'));
  it('reads html, xhtml and text content and the alternate link', () => {
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.title, d.text, d.url, d.published, d.topics])).toEqual([
      ['Pass Reopens After Snow', 'Ploughs cleared the mountain pass overnight.\n\nDrivers still need chains.', 'https://notes.example/pass', '2024-01-20T09:00:00Z', ['Weather']],
      ['Hut Wardens Hired', 'Four wardens will run the high huts this summer.\n\nBookings open in March.', undefined, '2024-01-21', []],
      ['Plain Summary', 'The valley school reopened.\n\nPupils returned on Monday.', undefined, undefined, []],
    ]);
    expect(drafts.every((d) => d.source === 'Highland Notes')).toBe(true);
  });
});

describe('readFeed: bad input', () => {
  it.each([
    ['<rss><channel><item><title>x</title></channel></rss>', /malformed XML/],
    ['<?xml version="1.0"?><catalog><book/></catalog>', /neither an RSS nor an Atom feed/],
  ])('%j', (xml, message) => {
    const result = readFeed(xml);
    expect(result.drafts).toEqual([]);
    expect(result.problems[0]!.message).toMatch(message);
  });

  it('reports the line of an XML error', () => {
    expect(readFeed('<rss>\n<channel>\n<item></channel>\n</rss>').problems[0]!.line).toBe(3);
  });
});

describe('looksLikeFeed', () => {
  it.each([
    ['<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0">', true],
    ['<feed xmlns="http://www.w3.org/2005/Atom">', true],
    ['<?xml version="1.0"?><catalog/>', false],
    ['<html><body>', false],
  ] as Array<[string, boolean]>)('%j -> %s', (text, expected) => expect(looksLikeFeed(text)).toBe(expected));
});
