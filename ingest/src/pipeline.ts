/**
 * One article in, everything extraction finds out: mentions -> entities ->
 * links and relations. Pure and synchronous (no I/O), so worker threads and
 * `npm run extract` run the very same code.
 */
import type { AnalystDecisions, Article, Extraction } from '../../core/src/model.js';
import { addHeadlineSpellings, headlineCountries } from './resolve/headline-countries.js';
import { findMentions } from './stages/02-find-mentions.js';
import { resolveEntities } from './stages/03-resolve-entities.js';
import { relateEntities } from './stages/04-relate-entities.js';

export function extractArticle(article: Pick<Article, 'id' | 'text' | 'title'>, decisions?: AnalystDecisions): Extraction {
  const analysis = findMentions(article.text);
  const entities = resolveEntities(article.text, analysis, decisions);
  // The headline adds country spellings and qualifies titles ("Ruritanian President's offer"); it has
  // no mentions of its own, since offsets point into the text.
  const title = article.title?.trim() ?? '';
  const countries = title ? headlineCountries(title) : [];
  addHeadlineSpellings(entities, countries);
  const headline = { text: title, analysis: { sentences: [], mentions: countries } };
  const { links, relations } = relateEntities(article.text, analysis, entities, countries.length > 0 ? { headline } : {});
  return { id: article.id, entities, links, relations };
}
