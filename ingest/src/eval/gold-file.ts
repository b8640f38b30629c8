/**
 * Evaluates one `*.gold.json` answer key: reads the article it names (a path
 * relative to the shared folder, the gold file's parent's parent), extracts
 * it, and scores the extraction.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { InputError } from '../../../core/src/errors.js';
import { extractArticle } from '../pipeline.js';
import { readArticleFile } from '../stages/01-read-articles.js';
import { GoldFile, scoreGold, type GoldReport } from './gold.js';

export interface GoldEvaluation {
  goldPath: string;
  articlePath: string;
  report: GoldReport;
}

export async function evaluateGoldFile(goldPath: string): Promise<GoldEvaluation> {
  let raw: string;
  try {
    raw = await readFile(goldPath, 'utf8');
  } catch (cause) {
    throw new InputError(`eval: cannot read ${goldPath}`, { cause, details: { path: goldPath } });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (cause) {
    throw new InputError(`eval: ${goldPath} is not JSON`, { cause, details: { path: goldPath } });
  }
  const parsed = GoldFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`eval: ${goldPath}: "${issue.path.join('.')}": ${issue.message}`, { details: { path: goldPath } });
  }
  const gold = parsed.data;
  const articlePath = resolve(dirname(dirname(resolve(goldPath))), gold.article);
  const { articles, failures } = await readArticleFile(articlePath);
  if (articles.length === 0) {
    const why = failures.map((f) => f.message).join('; ') || 'no article in it';
    throw new InputError(`eval: cannot read the article ${articlePath}: ${why}`, { details: { path: articlePath } });
  }
  const article = articles[0]!;
  return { goldPath, articlePath, report: scoreGold(gold, article, extractArticle(article)) };
}
