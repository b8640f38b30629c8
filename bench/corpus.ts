/**
 * The benchmark corpus: JSONL articles ({id, title, body}), by default the
 * BBC set in ../shared/corpus beside this checkout. Never copied into the project.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const DEFAULT_CORPUS = path.resolve(
  fileURLToPath(new URL('../', import.meta.url)),
  '../shared/corpus/bbc-news-2005.jsonl',
);

export interface CorpusArticle {
  id: string;
  title: string;
  text: string;
}

export function corpusAvailable(corpusPath = DEFAULT_CORPUS): boolean {
  return existsSync(corpusPath);
}

export function readCorpus(corpusPath = DEFAULT_CORPUS, limit = Infinity): CorpusArticle[] {
  return readFileSync(corpusPath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, limit)
    .map((line) => {
      const record = JSON.parse(line) as Record<string, string>;
      return { id: record.id, title: record.title ?? '', text: record.body ?? record.text ?? '' };
    });
}
