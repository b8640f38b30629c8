/** The panel for one article: its text with every mention marked, and its notes. */
import { api } from '../api.js';
import { el, formatDate } from '../dom.js';
import type { Actions } from './actions.js';
import { annotationsView } from './annotations-view.js';
import { markedText } from './marked-text.js';
import { openPanel, section } from './panel.js';

export async function showArticle(id: string, actions: Actions): Promise<void> {
  const article = await api.article(id);
  // Only http(s) links are followed: a javascript: URL from data must not run.
  const safeUrl = article.url && /^https?:\/\//i.test(article.url) ? article.url : undefined;
  openPanel(
    article.title,
    'Article',
    el(
      'p',
      { class: 'muted' },
      [article.source, formatDate(article.published)].filter(Boolean).join(' · '),
      safeUrl ? ' · ' : '',
      safeUrl ? el('a', { href: safeUrl, target: '_blank', rel: 'noopener noreferrer' }, 'original') : null,
    ),
    el('p', { class: 'muted' }, `${article.mentions.length} mentions marked; select one to open its actor.`),
    markedText('div', article.text, article.mentions, (mark) => mark.entityId && actions.openEntity(mark.entityId)),
    section('', annotationsView({ targetKind: 'article', targetId: article.id, initial: article.annotations.length ? article.annotations : undefined })),
  );
}
