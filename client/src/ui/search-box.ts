/**
 * A search box with autocomplete over names and aliases (ARIA combobox):
 * arrows move, Enter picks, Escape closes. Each suggestion shows its type,
 * the alias that matched and its counts, to tell two "Kim"s apart.
 */
import { api } from '../api.js';
import type { EntitySummary } from '../api-types.js';
import { el, replaceChildren } from '../dom.js';
import { TYPE_LOOK } from '../graph/style.js';
import { showError } from './status.js';

export interface SearchBoxOptions {
  input: HTMLInputElement;
  list: HTMLUListElement;
  onPick: (entity: EntitySummary) => void;
  /** Milliseconds to wait after typing before asking the server. */
  delay?: number;
}

export function attachSearchBox({ input, list, onPick, delay = 150 }: SearchBoxOptions): { clear: () => void } {
  let results: EntitySummary[] = [];
  let active = -1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);
  list.setAttribute('role', 'listbox');

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const render = (message?: string) => {
    if (message) {
      replaceChildren(list, el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, message));
    } else {
      replaceChildren(
        list,
        ...results.map((entity, index) => {
          const look = TYPE_LOOK[entity.type];
          const option = el(
            'li',
            { id: `${list.id}-${index}`, role: 'option', 'aria-selected': index === active ? 'true' : 'false', class: 'suggestion', 'data-id': entity.id },
            el('span', { class: `type-dot type-${entity.type}`, title: look?.label ?? entity.type }, entity.type === 'Country' ? entity.iso2 ?? 'C' : look?.badge ?? '?'),
            el('span', { class: 'name' }, entity.name),
            entity.matched && entity.matched !== entity.name ? el('span', { class: 'alias' }, `“${entity.matched}”`) : null,
            el('span', { class: 'meta' }, `${look?.label.replace(/ \(.*\)/, '') ?? entity.type} · ${entity.mentionCount} mentions · ${entity.articleCount} articles`),
          );
          option.addEventListener('mousedown', (event) => {
            event.preventDefault();
            pick(index);
          });
          return option;
        }),
      );
    }
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };

  const pick = (index: number) => {
    const entity = results[index];
    if (!entity) return;
    close();
    input.value = entity.name;
    onPick(entity);
  };

  const lookup = async () => {
    const q = input.value.trim();
    const mine = ++generation;
    if (q.length < 1) return close();
    try {
      const found = await api.search(q, 10);
      if (mine !== generation) return;
      results = found;
      active = found.length ? 0 : -1;
      render(found.length ? undefined : `No actor matches “${q}”`);
    } catch (error) {
      if (mine === generation) showError(error, 'Search');
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void lookup(), delay);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!results.length) return;
      event.preventDefault();
      active = (active + (event.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      render();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
      else void lookup();
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.stopPropagation();
        close();
      } else input.blur();
    }
  });
  input.addEventListener('blur', () => setTimeout(close, 100));

  return {
    clear: () => {
      input.value = '';
      results = [];
      close();
    },
  };
}
