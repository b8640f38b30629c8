/**
 * The panel for one actor: aliases, counts, timeline, articles, notes, and
 * curation (merge, retype, reject).
 */
import { api } from '../api.js';
import { ENTITY_TYPES, type EntityDetails, type EntitySummary } from '../api-types.js';
import { el, formatDate } from '../dom.js';
import { TYPE_LOOK } from '../graph/style.js';
import type { Actions } from './actions.js';
import { annotationsView } from './annotations-view.js';
import { openPanel, section } from './panel.js';
import { attachSearchBox } from './search-box.js';
import { guarded } from './status.js';
import { timelineChart } from './timeline-chart.js';

export async function showEntity(id: string, actions: Actions): Promise<void> {
  const entity = await api.entity(id);
  const timeline = entity.timeline.length ? entity.timeline : await api.timeline(id).catch(() => []);
  const look = TYPE_LOOK[entity.type];
  const summary: EntitySummary = entity;

  const buttons = el('div', { class: 'row' });
  const addButton = (label: string, title: string, run: () => void) => {
    const button = el('button', { type: 'button', title }, label);
    button.addEventListener('click', run);
    buttons.append(button);
  };
  addButton('Expand', 'Show its neighbours (e)', () => actions.expand(id));
  addButton('Focus', 'Centre on it', () => actions.focus(id));
  addButton('Path from here', 'Find how it connects to another actor', () => actions.pathFrom(summary));

  openPanel(
    entity.name,
    look?.label.replace(/ \(.*\)/, '') ?? entity.type,
    el(
      'dl',
      { class: 'facts' },
      el('dt', {}, 'Type'),
      el('dd', {}, `${entity.type}${entity.iso2 ? ` (${entity.iso2})` : ''}`),
      el('dt', {}, 'Also called'),
      el('dd', { class: 'aliases' }, entity.aliases.length ? entity.aliases.join(' · ') : '—'),
      el('dt', {}, 'Mentions'),
      el('dd', {}, String(entity.mentionCount)),
      el('dt', {}, 'Articles'),
      el('dd', {}, String(entity.articleCount)),
    ),
    buttons,
    section('Timeline', timelineChart(timeline)),
    section('Articles', articleList(entity, actions)),
    annotationsView({
      targetKind: 'entity',
      targetId: id,
      initial: entity.annotations,
      onChange: (count) => actions.markAnnotated([id], count > 0),
    }),
    curation(entity, actions),
  );
}

function articleList(entity: EntityDetails, actions: Actions): HTMLElement {
  if (!entity.articles.length) return el('p', { class: 'muted' }, 'No articles.');
  const list = el('ul', { class: 'articles' });
  for (const article of entity.articles) {
    const open = el('button', { type: 'button', class: 'link' }, article.title);
    open.addEventListener('click', () => actions.openArticle(article.id));
    list.append(
      el('li', {}, open, el('span', { class: 'muted' }, ` ${formatDate(article.published)}${article.count ? ` · ${article.count}×` : ''}`)),
    );
  }
  return list;
}

function curation(entity: EntityDetails, actions: Actions): HTMLElement {
  const mergeInput = el('input', { id: 'merge-into', type: 'search', placeholder: 'Search the actor to keep…', autocomplete: 'off' }) as HTMLInputElement;
  const mergeList = el('ul', { id: 'merge-suggestions', class: 'suggestions', hidden: true }) as HTMLUListElement;
  attachSearchBox({
    input: mergeInput,
    list: mergeList,
    onPick: guarded('Merging', async (target: EntitySummary) => {
      if (target.id === entity.id) return;
      if (!confirm(`Merge “${entity.name}” into “${target.name}”? Its aliases and links move to “${target.name}”. You can undo this.`)) return;
      await actions.merge(entity.id, target);
    }),
  });

  const retype = el('select', { id: 'retype', 'aria-label': 'Change type' }) as HTMLSelectElement;
  for (const type of ENTITY_TYPES) retype.append(el('option', { value: type, selected: type === entity.type }, type));
  retype.addEventListener('change', guarded('Changing type', () => actions.retype(entity.id, retype.value)));

  const reject = el('button', { type: 'button', class: 'danger' }, 'Not an actor — reject');
  reject.addEventListener(
    'click',
    guarded('Rejecting', async () => {
      if (confirm(`Reject “${entity.name}”? It is hidden now and skipped by later ingests.`)) await actions.reject(entity.id);
    }),
  );

  return section(
    'Curate',
    el('label', { for: 'merge-into' }, `Merge “${entity.name}” into…`),
    el('div', { class: 'search-wrap' }, mergeInput, mergeList),
    el('label', { for: 'retype' }, 'Type'),
    retype,
    el('div', { class: 'row' }, reject),
  );
}
