/**
 * Which files an ingest run reads: files as named, folders walked
 * recursively for the formats the reader knows, and quoted globs expanded.
 * Paths that do not exist are reported, not fatal.
 */
import { realpath, stat } from 'node:fs/promises';
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
  // A brace list of one ("{txt}") is no list to the matcher: it would look for the literal text.
  const pattern = wanted.size === 1 ? `**/*.${[...wanted][0]}` : `**/*.{${[...wanted].join(',')}}`;

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
  return { files: await oncePerRealFile([...found]), missing };
}

/**
 * One path to each file, the shortest: a symbolic link back into a folder being walked (even a loop) reaches the
 * same files again under longer names, and reading them again would only report their articles as copies.
 */
async function oncePerRealFile(files: string[]): Promise<string[]> {
  const byReal = new Map<string, string>();
  for (const file of files) {
    const real = await realpath(file).catch(() => file);
    const kept = byReal.get(real);
    if (kept === undefined || file.length < kept.length) byReal.set(real, file);
  }
  const keep = new Set(byReal.values());
  return files.filter((file) => keep.has(file));
}
