/**
 * "Who is linked to whom": pick two actors, see the shortest paths
 * highlighted in the graph and each hop's supporting sentences.
 */
import { api } from '../api.js';
import type { EntitySummary, PathsAnswer } from '../api-types.js';
import { el } from '../dom.js';
import type { Actions } from './actions.js';
import { evidenceList } from './evidence-list.js';
import { openPanel, section } from './panel.js';
import { attachSearchBox } from './search-box.js';
import { guarded, withLoading } from './status.js';

export function showPathFinder(actions: Actions, onPaths: (answer: PathsAnswer) => Promise<void>, from?: EntitySummary): void {
  let source = from;
  let target: EntitySummary | undefined;
  const result = el('div', { class: 'path-result', 'aria-live': 'polite' });

  const picker = (id: string, label: string, initial: EntitySummary | undefined, set: (e: EntitySummary) => void) => {
    const input = el('input', { id, type: 'search', autocomplete: 'off', placeholder: 'Search an actor…' }) as HTMLInputElement;
    if (initial) input.value = initial.name;
    const list = el('ul', { id: `${id}-suggestions`, class: 'suggestions', hidden: true }) as HTMLUListElement;
    attachSearchBox({ input, list, onPick: set });
    return [el('label', { for: id }, label), el('div', { class: 'search-wrap' }, input, list)];
  };

  const find = el('button', { type: 'submit' }, 'Find paths');
  const form = el(
    'form',
    { class: 'path-form', 'aria-label': 'Find paths between two actors' },
    ...picker('path-from', 'From', source, (e) => (source = e)),
    ...picker('path-to', 'To', undefined, (e) => (target = e)),
    el('div', { class: 'row' }, find),
  );
  form.addEventListener(
    'submit',
    guarded('Finding paths', async (event: Event) => {
      event.preventDefault();
      if (!source || !target) {
        result.replaceChildren(el('p', { class: 'muted' }, 'Pick both actors from the suggestions first.'));
        return;
      }
      const answer = await withLoading('Finding paths…', () => api.paths(source!.id, target!.id, 4));
      renderPaths(result, answer, source, target, actions);
      if (answer.nodes.length) await onPaths(answer);
    }),
  );
  openPanel('Find paths', 'Paths', form, result);
  (from ? form.querySelector<HTMLInputElement>('#path-to') : form.querySelector<HTMLInputElement>('#path-from'))?.focus();
}

/** Why an answer may be incomplete, in the analyst's words; null when the search looked everywhere it meant to. */
function searchNote(answer: PathsAnswer): string | null {
  if (!answer.stoppedEarly) return answer.throughHubs ? 'No path avoids the busiest hubs; these cross one.' : null;
  const why = answer.stopReason === 'time' ? 'ran out of time' : 'reached its size limit';
  return `The search ${why} and stopped early: there may be shorter or more paths. Try actors less central, or fewer hops.`;
}

function renderPaths(container: HTMLElement, answer: PathsAnswer, from: EntitySummary, to: EntitySummary, actions: Actions): void {
  container.replaceChildren();
  const note = searchNote(answer);
  if (!answer.nodes.length) {
    container.append(el('p', { class: 'empty-state' }, `No path found between ${from.name} and ${to.name} (up to 4 hops).`));
    if (note) container.append(el('p', { class: 'muted path-note' }, note));
    return;
  }
  if (note) container.append(el('p', { class: 'muted path-note' }, note));
  const labels = new Map(answer.nodes.map((n) => [n.data.id, n.data]));
  const paths = answer.paths.length ? answer.paths : [{ nodes: answer.nodes.map((n) => n.data.id), hops: [] }];
  container.append(el('p', {}, `${paths.length} shortest path${paths.length === 1 ? '' : 's'}, ${Math.max(0, paths[0]!.nodes.length - 1)} hop(s).`));
  paths.forEach((path, index) => {
    const hops = el('ol', { class: 'hops' });
    const hopList = path.hops.length
      ? path.hops
      : path.nodes.slice(1).map((id, i) => ({ source: path.nodes[i]!, target: id, type: undefined, evidence: [] }));
    for (const hop of hopList) {
      const a = labels.get(hop.source);
      const b = labels.get(hop.target);
      const ends = [a, b].filter(Boolean).map((d) => ({ entityId: d!.id, type: d!.type, names: [d!.label, ...(d!.aliases ?? [])] }));
      const open = el('button', { type: 'button', class: 'link' }, 'open link');
      open.addEventListener('click', () => actions.openLink(hop.source, hop.target));
      hops.append(
        el(
          'li',
          { class: 'hop' },
          el('strong', {}, `${a?.label ?? hop.source} → ${b?.label ?? hop.target}`),
          hop.type && hop.type !== 'LINKED' ? el('span', { class: 'relation' }, ` ${hop.type}`) : null,
          ' ',
          open,
          evidenceList(hop.evidence, ends, actions),
        ),
      );
    }
    container.append(section(`Path ${index + 1}: ${path.nodes.map((id) => labels.get(id)?.label ?? id).join(' → ')}`, hops));
  });
}
