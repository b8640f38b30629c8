/** The panel for a link between two actors: its weight, its typed relations, its sentences, its notes. */
import { api, linkTargetId } from '../api.js';
import { el } from '../dom.js';
import type { Actions } from './actions.js';
import { annotationsView } from './annotations-view.js';
import { evidenceList, type NamedEnd } from './evidence-list.js';
import { openPanel, section } from './panel.js';
import { labelStatements, relationsList } from './relations-list.js';

export interface LinkEnds {
  source: { id: string; label: string; type?: string; aliases?: string[] };
  target: { id: string; label: string; type?: string; aliases?: string[] };
  type?: string;
  weight?: number;
  articles?: number;
  firstSeen?: string;
  lastSeen?: string;
  /** Graph edge ids between the two, to mark annotated at once. */
  edgeIds: string[];
}

export async function showLink(link: LinkEnds, actions: Actions): Promise<void> {
  const evidence = await api.linkEvidence(link.source.id, link.target.id);
  const ends: NamedEnd[] = [link.source, link.target].map((end) => ({
    entityId: end.id,
    type: end.type,
    names: [end.label, ...(end.aliases ?? [])],
  }));
  const endButton = (end: LinkEnds['source']) => {
    const button = el('button', { type: 'button', class: 'link' }, end.label);
    button.addEventListener('click', () => actions.openEntity(end.id));
    return button;
  };
  const nameOf = (id: string) => (id === link.source.id ? link.source.label : id === link.target.id ? link.target.label : id);
  const weight = evidence.weight ?? link.weight;
  const articles = evidence.articles ?? link.articles;
  openPanel(
    `${link.source.label} — ${link.target.label}`,
    link.type && link.type !== 'LINKED' ? `Relation ${link.type}` : 'Link',
    el('p', {}, endButton(link.source), link.type && link.type !== 'LINKED' ? ` ${link.type} ` : ' and ', endButton(link.target)),
    el(
      'dl',
      { class: 'facts' },
      weight !== undefined ? el('dt', {}, 'Weight') : null,
      weight !== undefined ? el('dd', {}, String(weight)) : null,
      articles ? el('dt', {}, 'Articles') : null,
      articles ? el('dd', {}, String(articles)) : null,
      link.firstSeen ? el('dt', {}, 'Seen') : null,
      link.firstSeen ? el('dd', {}, `${link.firstSeen.slice(0, 10)} – ${(link.lastSeen ?? link.firstSeen).slice(0, 10)}`) : null,
    ),
    evidence.relations.length > 0 ? section(`Relations (${evidence.relations.length})`, relationsList(evidence.relations, nameOf)) : null,
    section(`Evidence (${evidence.sentences.length})`, evidenceList(labelStatements(evidence.sentences, evidence.relations), ends, actions)),
    annotationsView({
      targetKind: 'link',
      targetId: linkTargetId(link.source.id, link.target.id),
      onChange: (count) => actions.markAnnotated(link.edgeIds, count > 0),
    }),
  );
}
