import { describe, expect, it } from 'vitest';
import { detectFormat, SUPPORTED_EXTENSIONS } from './detect-format.js';

describe('detectFormat', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['a.txt', 'Title', 'text'],
    ['A.MD', '# Title', 'markdown'],
    ['page.htm', '<html>', 'html'],
    ['dump.ndjson', '{}', 'jsonl'],
    ['feed.xml', '<rss>', 'feed'],
    ['report.pdf', '%PDF-1.7', undefined],
    ['-', '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    ['-', '<!DOCTYPE html><html>', 'html'],
    ['-', '[{"text": "a"}]', 'json'],
    ['-', '{"text": "a"}\n{"text": "b"}', 'jsonl'],
    ['-', '{\n  "text": "a"\n}', 'json'],
    ['-', '---\ntitle: x\n---\nBody', 'markdown'],
    ['README', 'Leaders meet\n\nThey met.', 'text'],
  ];
  it.each(cases)('%s %j -> %s', (name, text, expected) => expect(detectFormat(name, text)).toBe(expected));

  it('lists the extensions it reads', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['.txt', '.md', '.html', '.json', '.jsonl', '.xml', '.rss', '.atom']));
  });
});
