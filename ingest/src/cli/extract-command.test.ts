// `npm run extract -- --jsonl` as a user runs it: a child process, JSONL in and out.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function runExtract(input: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/src/cli/extract-command.ts', '--jsonl'], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { ...result, lines: result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('npm run extract -- --jsonl', () => {
  it('answers every input line in order, bad ones with an error naming the line', () => {
    const text = 'Norwegian Prime Minister Ola Berg met Swedish officials. Later Sweden and Norway agreed.';
    const input = [
      JSON.stringify({ id: 'a1', text, title: 'Talks', published: '2024-03-01' }),
      '{"id": "a2", "text": ',
      JSON.stringify({ id: 'a3', body: 'no text field' }),
      '',
      JSON.stringify({ id: 'a5', text: 'Nothing to see here.' }),
    ].join('\n');
    const { status, lines } = runExtract(input + '\n');
    expect(status).toBe(0);
    expect(lines).toHaveLength(5);

    const [a1, a2, a3, a4, a5] = lines;
    expect(a1.id).toBe('a1');
    expect(Object.keys(a1)).toEqual(['id', 'entities', 'links', 'relations']);
    const norway = a1.entities.find((e: { id: string }) => e.id === 'country:NO');
    expect(norway).toMatchObject({ type: 'Country', name: 'Norway' });
    for (const m of norway.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    // Links carry the sentences naming both, as offsets into the text given.
    const link = a1.links.find((l: { source: string; target: string }) => l.source === 'country:NO' && l.target === 'country:SE');
    expect(link).toEqual({ source: 'country:NO', target: 'country:SE', weight: 2, evidence: [{ start: 0, end: 56 }, { start: 57, end: 88 }] });
    expect(Array.isArray(a1.relations)).toBe(true);

    expect(a2).toEqual({ error: expect.stringMatching(/^line 2: not JSON/) });
    expect(a3).toEqual({ id: 'a3', error: expect.stringMatching(/^line 3: "text"/) });
    expect(a4).toEqual({ error: expect.stringMatching(/^line 4: empty line/) });
    expect(a5).toEqual({ id: 'a5', entities: [], links: [], relations: [] });
  }, 60_000);

  it('refuses to run without --jsonl, saying how to use it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'ingest/src/cli/extract-command.ts'], { cwd: root, input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run extract -- --jsonl/);
  }, 60_000);
});
