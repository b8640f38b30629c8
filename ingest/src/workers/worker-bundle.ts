/**
 * The extraction worker as one plain JavaScript file, built with esbuild
 * when a pool first starts workers. A worker loading the TypeScript sources
 * through tsx's loader spent about 1.6 s of CPU before its first article
 * (its own loader thread resolving and compiling ~100 modules); from the
 * bundle, about 0.65 s. An ingest starts two workers, so that is two
 * seconds of CPU on a two-core machine whose ingest is CPU-bound. Built
 * from the sources every run (0.2 s, in esbuild's own process), so it is
 * never stale; files are named by their content, so concurrent runs share
 * them safely. They live in the project's own node_modules/.cache, not in a
 * shared temp folder where another user could plant a file by that name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const WORKER_SOURCE = fileURLToPath(new URL('./extract-worker.ts', import.meta.url));
const BUNDLE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/actorgraph-workers/', import.meta.url));

/**
 * Our modules find their files (the tagger's model) relative to `import.meta.url`; in one bundle that would
 * be the bundle's own address. Each keeps its source file's address instead.
 */
const keepModuleUrls: Plugin = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      return { contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

let bundled: Promise<URL> | undefined;

/** The bundled worker's file URL: built once per process. */
export function extractWorkerBundle(): Promise<URL> {
  bundled ??= bundle();
  return bundled;
}

async function bundle(): Promise<URL> {
  const result = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    plugins: [keepModuleUrls],
  });
  const code = result.outputFiles[0]!.contents;
  const file = path.join(BUNDLE_DIR, `extract-worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  // Anything else under that name (writes are atomic, so only a hand edit leaves one) is replaced.
  if (!existsSync(file) || !readFileSync(file).equals(code)) {
    mkdirSync(BUNDLE_DIR, { recursive: true });
    // Written whole under a private name, then renamed: a worker never loads half a file.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  return pathToFileURL(file);
}
