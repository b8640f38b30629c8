/** Evidence sentences with both actors' mentions marked, and links to their articles. */
import type { EvidenceSentence } from '../api-types.js';
import { el, formatDate } from '../dom.js';
import type { Actions } from './actions.js';
import { markedText } from './marked-text.js';
import { findNames } from './text-marks.js';

export interface NamedEnd {
  entityId: string;
  type?: string;
  names: string[];
}

export function evidenceList(sentences: EvidenceSentence[], ends: NamedEnd[], actions: Actions): HTMLElement {
  if (!sentences.length) return el('p', { class: 'muted' }, 'No supporting sentences recorded.');
  const list = el('ol', { class: 'evidence' });
  for (const sentence of sentences) {
    // Without spans from the server, mark the two actors' names and aliases.
    const endIds = new Map(ends.map((e) => [e.entityId, e.type]));
    const found = sentence.marks.length ? sentence.marks : findNames(sentence.text, ends);
    // The link's two ends stand out; other actors named in the sentence stay faint.
    const marks = found.map((m) =>
      m.entityId && endIds.has(m.entityId) ? { ...m, type: m.type ?? endIds.get(m.entityId) } : { ...m, type: 'other' },
    );
    const open = el('button', { type: 'button', class: 'link' }, sentence.articleTitle ?? sentence.articleId);
    open.addEventListener('click', () => actions.openArticle(sentence.articleId));
    list.append(
      el(
        'li',
        { class: 'evidence-sentence' },
        sentence.relation && sentence.relation !== 'LINKED' ? el('span', { class: 'relation' }, sentence.relation) : null,
        markedText('blockquote', sentence.text, marks, (m) => m.entityId && actions.openEntity(m.entityId)),
        el('p', { class: 'source' }, '— ', open, sentence.published ? ` · ${formatDate(sentence.published)}` : ''),
      ),
    );
  }
  return list;
}
