import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readArticleFile, SUPPORTED_EXTENSIONS } from '../stages/01-read-articles.js';

// The articles `npm start` loads into an empty graph: they must all read cleanly.
const samplesDir = fileURLToPath(new URL('../../../samples/', import.meta.url));
const files = readdirSync(samplesDir).filter((f) => f !== 'README.md' && SUPPORTED_EXTENSIONS.includes(extname(f)));

describe('the project samples', () => {
  it('are ten articles in several formats', async () => {
    const outcomes = await Promise.all(files.map((f) => readArticleFile(join(samplesDir, f))));
    expect(outcomes.flatMap((o) => o.articles)).toHaveLength(10);
    expect(new Set(files.map(extname))).toEqual(new Set(['.txt', '.md', '.html', '.jsonl']));
  });

  it.each(files)('%s reads with no failures, a title, a date and 150–300 words', async (file) => {
    const { articles, failures } = await readArticleFile(join(samplesDir, file));
    expect(failures).toEqual([]);
    expect(articles.length).toBeGreaterThan(0);
    for (const article of articles) {
      expect(article.title.length).toBeGreaterThan(10);
      expect(article.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(article.source).toBe('Actorgraph Samples');
      const words = article.text.split(/\s+/u).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(300);
      // The title, date and source lines are metadata, not prose.
      expect(article.text).not.toContain('Actorgraph Samples');
      expect(article.text.startsWith(article.title)).toBe(false);
    }
  });
});
