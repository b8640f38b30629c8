import { describe, expect, it } from 'vitest';
import { readJson, readJsonLines } from './json-records.js';

describe('readJsonLines', () => {
  it('reads good lines, names malformed and text-less lines by number', () => {
    const input = [
      '{"title": "Dam Opens", "body": "The dam opened.\\n\\nPower flows south.", "date": "2024-03-01", "tags": ["energy"]}',
      '',
      '{"title": "Broken", "text": "unterminated',
      '{"headline": "No Body", "url": "https://news.example/x"}',
      '[1, 2]',
      '{"text": "<p>Ships <b>docked</b>.</p><p>Cargo moved.</p>", "link": "https://news.example/ships", "source": {"id": "x", "name": "Port Bulletin"}, "publishedAt": "2024-03-02T06:00:00Z"}',
    ].join('\n');
    const { drafts, problems } = readJsonLines(input);
    expect(drafts).toEqual([
      { title: 'Dam Opens', text: 'The dam opened.\n\nPower flows south.', published: '2024-03-01', topics: ['energy'], line: 1, record: 1, url: undefined, source: undefined },
      { title: undefined, text: 'Ships docked.\n\nCargo moved.', url: 'https://news.example/ships', source: 'Port Bulletin', published: '2024-03-02T06:00:00Z', topics: [], line: 6, record: 5 },
    ]);
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5]);
    expect(problems[0]!.message).toMatch(/malformed JSON/);
    expect(problems[1]!.message).toMatch(/^record has no text/);
    expect(problems[2]!.message).toMatch(/^record is not a JSON object \(found an array\)/);
  });
});

describe('readJson', () => {
  const cases: Array<[string, string, number, number]> = [
    ['one object', '{"title": "A", "content": "Alpha text."}', 1, 0],
    ['an array with one bad record', '[{"text": "Alpha."}, {"title": "empty"}, {"article": "Gamma."}]', 2, 1],
    ['a wrapped array', '{"status": "ok", "articles": [{"text": "Alpha."}, {"text": "Beta."}]}', 2, 0],
    ['JSONL saved as .json', '{"text": "Alpha."}\n{"text": "Beta."}', 2, 0],
    ['not JSON at all', 'title: hello', 0, 1],
  ];
  it.each(cases)('%s', (_name, input, articles, failures) => {
    const result = readJson(input);
    expect(result.drafts).toHaveLength(articles);
    expect(result.problems).toHaveLength(failures);
  });

  it('names the record that has no text', () => {
    expect(readJson('[{"text": "A."}, {"title": "empty"}]').problems[0]!.message).toMatch(/^record 2 has no text/);
  });
});
