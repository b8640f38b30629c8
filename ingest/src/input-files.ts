/**
 * Which files an ingest run reads: files as named, folders walked
 * recursively for the formats the reader knows, and quoted globs expanded.
 * Paths that do not exist are reported, not fatal.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

export interface InputFiles {
  files: string[];
  missing: Array<{ path: string; message: string }>;
}

const FOLDER_DOCUMENTS = ['**/README*', '**/LICENSE*', '**/LICENCE*', '**/CHANGELOG*', '**/node_modules/**'];

export async function findInputFiles(paths: string[], extensions: readonly string[]): Promise<InputFiles> {
  const found = new Set<string>();
  const missing: InputFiles['missing'] = [];
  const wanted = new Set(extensions.map((ext) => ext.toLowerCase().replace(/^\./, '')));
  const pattern = `**/*.{${[...wanted].join(',')}}`;

  for (const input of paths) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { absolute: true, onlyFiles: true, caseSensitiveMatch: false });
      if (matches.length === 0) missing.push({ path: input, message: 'no file matches this pattern' });
      matches.sort().forEach((file) => found.add(file));
      continue;
    }
    const info = await stat(input).catch(() => undefined);
    if (!info) {
      missing.push({ path: input, message: 'no such file or folder' });
    } else if (info.isDirectory()) {
      const matches = await glob(pattern, {
        cwd: input,
        absolute: true,
        caseSensitiveMatch: false,
        dot: false,
        // A folder's own README or licence is about the folder, not news.
        ignore: FOLDER_DOCUMENTS,
      });
      matches.sort().forEach((file) => found.add(file));
    } else {
      // A file named explicitly is read whatever its extension: the reader says if it cannot.
      found.add(path.resolve(input));
    }
  }
  return { files: [...found], missing };
}
