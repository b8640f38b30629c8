/**
 * Filters by actor type, link weight and date range. They only toggle the
 * `filtered` class, so the graph and its arrangement stay as they are.
 */
import type { Core, EdgeSingular } from 'cytoscape';

export interface FilterState {
  /** Types to show; empty means all. */
  types: string[];
  minWeight: number;
  /** Inclusive ISO date bounds (`YYYY-MM-DD`); empty means open. */
  from?: string;
  to?: string;
}

export const NO_FILTER: FilterState = { types: [], minWeight: 0 };

/** True when a link seen from firstSeen to lastSeen overlaps [from, to]. */
export function overlapsRange(firstSeen: string | undefined, lastSeen: string | undefined, from?: string, to?: string): boolean {
  if (!firstSeen && !lastSeen) return true;
  const start = (firstSeen ?? lastSeen ?? '').slice(0, 10);
  const end = (lastSeen ?? firstSeen ?? '').slice(0, 10);
  if (from && end < from) return false;
  if (to && start > to) return false;
  return true;
}

function edgeShown(edge: EdgeSingular, filter: FilterState): boolean {
  if (edge.data('type') === 'MORE') return true;
  // Weight is a count of shared sentences: it thresholds co-mention links, never a stated fact.
  if (edge.data('type') === 'LINKED' && (edge.data('weight') ?? 1) < filter.minWeight) return false;
  return overlapsRange(edge.data('firstSeen'), edge.data('lastSeen'), filter.from, filter.to);
}

export function applyFilters(cy: Core, filter: FilterState): void {
  cy.batch(() => {
    cy.nodes().forEach((node) => {
      const type = node.data('type');
      const hide = filter.types.length > 0 && type !== 'More' && !filter.types.includes(type);
      node.toggleClass('filtered', hide);
    });
    cy.edges().forEach((edge) => {
      edge.toggleClass('filtered', !edgeShown(edge, filter));
    });
  });
}

/** The first and last dates any link in the graph was seen, for the slider's ends. */
export function dateBounds(cy: Core): { min?: string; max?: string } {
  let min: string | undefined;
  let max: string | undefined;
  cy.edges().forEach((edge) => {
    const first = (edge.data('firstSeen') as string | undefined)?.slice(0, 10);
    const last = (edge.data('lastSeen') as string | undefined)?.slice(0, 10);
    if (first && (!min || first < min)) min = first;
    if (last && (!max || last > max)) max = last;
  });
  return { min, max };
}
