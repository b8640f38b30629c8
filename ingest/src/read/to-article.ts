/** A reader's draft to the finished Article: normalised date, defaults, topics, and the id rule. */
import type { Article } from '../../../core/src/model.js';
import { contentHash } from './content-hash.js';
import { normaliseDate } from './dates.js';
import { cleanParagraph } from './paragraphs.js';
import { httpUrl } from './http-url.js';
import type { ArticleDraft, ReadOptions } from './types.js';

const MAX_FALLBACK_TITLE = 100;

/** The first sentence, cut at a word boundary: a title for records that have none. */
export function fallbackTitle(text: string): string {
  const sentence = /^.+?[.!?](?=\s|$)/u.exec(text)?.[0] ?? text.split('\n')[0] ?? '';
  if (sentence.length <= MAX_FALLBACK_TITLE) return sentence.trim();
  const cut = sentence.slice(0, MAX_FALLBACK_TITLE);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).trim()}…`;
}

/**
 * Builds the Article; `draft.text` is used exactly as built, since every offset points into it.
 * id = the URL when there is one, else `sha256:` + the content hash (of title and text).
 */
export function toArticle(draft: ArticleDraft, options: ReadOptions = {}, nameTitle?: string): Article {
  const url = httpUrl(draft.url);
  const source = cleanParagraph(draft.source ?? '') || options.defaultSource?.trim() || undefined;
  const published = normaliseDate(draft.published) ?? normaliseDate(options.defaultPublished);
  const topics = [...new Set((draft.topics ?? []).map(cleanParagraph).filter((t) => t !== ''))];
  const title = cleanParagraph(draft.title ?? '') || nameTitle || fallbackTitle(draft.text);
  const hash = contentHash(draft.text, title);
  return {
    id: url ?? `sha256:${hash}`,
    title,
    text: draft.text,
    ...(source ? { source } : {}),
    ...(url ? { url } : {}),
    ...(published ? { published } : {}),
    topics,
    contentHash: hash,
  };
}
