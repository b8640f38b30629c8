/**
 * The filter bar: actor types, minimum link weight and a date range slider.
 * It reports a FilterState; the graph only toggles classes.
 */
import { ENTITY_TYPES } from '../api-types.js';
import { byId, el, replaceChildren } from '../dom.js';
import type { FilterState } from '../graph/filters.js';
import { TYPE_LOOK } from '../graph/style.js';

const DAY = 86_400_000;

function dayOf(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY);
}

function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export interface FilterBar {
  /** Sets the slider's ends from the dates in the graph. */
  setDateBounds(min?: string, max?: string): void;
  set(filter: FilterState): void;
}

export function createFilterBar(onChange: (filter: FilterState) => void): FilterBar {
  const root = byId('filters');
  const typeBoxes = ENTITY_TYPES.map((type) => {
    const box = el('input', { type: 'checkbox', id: `filter-${type}`, checked: true, value: type }) as HTMLInputElement;
    return { type, box, label: el('label', { for: box.id, class: `type-chip type-${type}` }, box, ` ${TYPE_LOOK[type]?.label.replace(/ \(.*\)/, '') ?? type}`) };
  });
  const weight = el('input', { type: 'range', id: 'filter-weight', min: 0, max: 8, step: 0.25, value: 0 }) as HTMLInputElement;
  const weightOut = el('output', { for: 'filter-weight' }, '≥ 0');
  const from = el('input', { type: 'range', id: 'filter-from', min: 0, max: 0, value: 0, 'aria-label': 'Links seen from' }) as HTMLInputElement;
  const to = el('input', { type: 'range', id: 'filter-to', min: 0, max: 0, value: 0, 'aria-label': 'Links seen until' }) as HTMLInputElement;
  const range = el('output', { class: 'date-range' }, 'all dates');
  let bounds: { min: number; max: number } | undefined;

  const current = (): FilterState => {
    const checked = typeBoxes.filter((t) => t.box.checked).map((t) => t.type);
    const state: FilterState = {
      types: checked.length === typeBoxes.length ? [] : checked,
      minWeight: Number(weight.value),
    };
    if (bounds) {
      const a = Number(from.value);
      const b = Number(to.value);
      if (a > bounds.min) state.from = dateOf(a);
      if (b < bounds.max) state.to = dateOf(b);
    }
    return state;
  };

  const refresh = () => {
    const state = current();
    weightOut.textContent = `≥ ${state.minWeight}`;
    range.textContent = bounds ? `${dateOf(Number(from.value))} – ${dateOf(Number(to.value))}` : 'no dates';
    return state;
  };

  const changed = () => onChange(refresh());
  for (const { box } of typeBoxes) box.addEventListener('change', changed);
  weight.addEventListener('input', changed);
  from.addEventListener('input', () => {
    if (Number(from.value) > Number(to.value)) from.value = to.value;
    changed();
  });
  to.addEventListener('input', () => {
    if (Number(to.value) < Number(from.value)) to.value = from.value;
    changed();
  });

  replaceChildren(
    root,
    el('fieldset', { class: 'types' }, el('legend', {}, 'Show'), ...typeBoxes.map((t) => t.label)),
    el('div', { class: 'filter' }, el('label', { for: 'filter-weight' }, 'Link weight'), weight, weightOut),
    el('div', { class: 'filter dates' }, el('span', {}, 'Seen'), from, to, range),
  );

  return {
    setDateBounds(min, max) {
      if (!min || !max) {
        bounds = undefined;
        from.disabled = to.disabled = true;
        refresh();
        return;
      }
      const atEnds = !bounds || (Number(from.value) === bounds.min && Number(to.value) === bounds.max);
      bounds = { min: dayOf(min), max: dayOf(max) };
      for (const input of [from, to]) {
        input.min = String(bounds.min);
        input.max = String(bounds.max);
        input.disabled = false;
      }
      if (atEnds) {
        from.value = String(bounds.min);
        to.value = String(bounds.max);
      }
      refresh();
    },
    set(filter) {
      for (const t of typeBoxes) t.box.checked = filter.types.length === 0 || filter.types.includes(t.type);
      weight.value = String(filter.minWeight ?? 0);
      if (bounds) {
        from.value = String(filter.from ? dayOf(filter.from) : bounds.min);
        to.value = String(filter.to ? dayOf(filter.to) : bounds.max);
      }
      refresh();
    },
  };
}
