import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readHtml } from './html.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

describe('readHtml', () => {
  const draft = readHtml(fixture('page-with-chrome.html'));

  it('reads title, date, site name, canonical URL and keywords', () => {
    expect(draft).toMatchObject({
      title: 'Lake Treaty Signed After Long Talks',
      published: '2024-09-14T08:30:00+02:00',
      source: 'Valley Courier',
      url: 'https://courier.example/world/lake-treaty',
      topics: ['water rights', 'treaties'],
    });
  });

  it('keeps the story paragraphs and nothing of the page chrome', () => {
    const paragraphs = draft.text.split('\n\n');
    expect(paragraphs).toHaveLength(3);
    expect(paragraphs[0]).toMatch(/^Delegates from the two neighbouring republics/);
    for (const chrome of ['Sport', 'Sign in', 'cheap flights', 'Most read', 'Copyright', 'Share this', 'Photo:', 'By Marta Quill']) {
      expect(draft.text).not.toContain(chrome);
    }
  });

  const small: Array<[string, string, Partial<ReturnType<typeof readHtml>>]> = [
    [
      'a short page Readability declines falls back to the body without chrome',
      '<html><head><title>Note</title></head><body><nav>Home | News</nav><p>The council met at noon.</p><footer>Contact us</footer></body></html>',
      { title: 'Note', text: 'The council met at noon.' },
    ],
    [
      'a <time datetime> gives the date when no meta tag does',
      '<html><body><article><h1>Bridge Opens</h1><time datetime="2023-02-01">1 Feb</time><p>The bridge opened to traffic on Wednesday morning.</p></article></body></html>',
      { title: 'Bridge Opens', published: '2023-02-01' },
    ],
  ];
  it.each(small)('%s', (_name, html, expected) => expect(readHtml(html)).toMatchObject(expected));
});
