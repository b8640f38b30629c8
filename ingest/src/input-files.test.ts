import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findInputFiles } from './input-files.js';

describe('findInputFiles', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-files-'));
  mkdirSync(path.join(root, 'deep', 'er'), { recursive: true });
  for (const name of ['a.txt', 'deep/b.md', 'deep/er/c.jsonl', 'deep/notes.pdf', 'README.md', 'deep/LICENSE.txt']) {
    writeFileSync(path.join(root, name), 'x');
  }
  const names = (files: string[]) => files.map((file) => path.relative(root, file)).sort();

  it('walks folders for the known formats, leaving out the folder’s own README and licence', async () => {
    const { files, missing } = await findInputFiles([root], ['txt', 'md', 'jsonl']);
    expect(names(files)).toEqual(['a.txt', 'deep/b.md', 'deep/er/c.jsonl']);
    expect(missing).toEqual([]);
  });

  it('reads a file named explicitly whatever it is, and expands quoted globs', async () => {
    const { files } = await findInputFiles([path.join(root, 'README.md'), `${root}/deep/**/*.jsonl`], ['txt']);
    expect(names(files)).toEqual(['README.md', 'deep/er/c.jsonl']);
  });

  it('reads each file once when a symbolic link loops back into the folder', async () => {
    const looped = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-loop-'));
    mkdirSync(path.join(looped, 'sub'));
    writeFileSync(path.join(looped, 'a.txt'), 'x');
    symlinkSync(looped, path.join(looped, 'sub', 'back-to-top'));
    const { files } = await findInputFiles([looped], ['txt']);
    expect(files.map((file) => path.relative(looped, file))).toEqual(['a.txt']);
  });

  it('reports what does not exist', async () => {
    const { files, missing } = await findInputFiles([path.join(root, 'gone'), `${root}/*.nope`], ['txt']);
    expect(files).toEqual([]);
    expect(missing.map((m) => m.message)).toEqual(['no such file or folder', 'no file matches this pattern']);
  });
});
