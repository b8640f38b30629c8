/**
 * The view's state in the URL hash, so a view can be shared and survives a
 * reload: which actors are on the canvas, which were expanded, what is hidden,
 * selected and filtered, and the layout.
 */

export interface ViewState {
  /** The view started from the most connected actors. */
  top?: boolean;
  /** Actors added explicitly (search, paths). */
  seeds: string[];
  /** Actors whose neighbours were expanded, in order. */
  expanded: string[];
  hidden: string[];
  pinned: string[];
  /** Selected node or edge id. */
  selected?: string;
  layout?: string;
  types?: string[];
  minWeight?: number;
  from?: string;
  to?: string;
  /** An open article view. */
  article?: string;
}

export const EMPTY_VIEW: ViewState = { seeds: [], expanded: [], hidden: [], pinned: [] };

const LISTS = { seeds: 'n', expanded: 'x', hidden: 'h', pinned: 'p', types: 't' } as const;

export function encodeView(view: ViewState): string {
  const params = new URLSearchParams();
  for (const [key, short] of Object.entries(LISTS)) {
    const values = view[key as keyof typeof LISTS];
    if (values && values.length) params.set(short, values.join('~'));
  }
  if (view.top) params.set('top', '1');
  if (view.selected) params.set('s', view.selected);
  if (view.layout && view.layout !== 'fcose') params.set('l', view.layout);
  if (view.minWeight) params.set('w', String(view.minWeight));
  if (view.from) params.set('from', view.from);
  if (view.to) params.set('to', view.to);
  if (view.article) params.set('a', view.article);
  return params.toString();
}

export function decodeView(hash: string): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const listOf = (short: string) => (params.get(short) ?? '').split('~').filter(Boolean);
  const weight = Number(params.get('w'));
  return {
    top: params.get('top') === '1' || undefined,
    seeds: listOf(LISTS.seeds),
    expanded: listOf(LISTS.expanded),
    hidden: listOf(LISTS.hidden),
    pinned: listOf(LISTS.pinned),
    types: listOf(LISTS.types),
    selected: params.get('s') ?? undefined,
    layout: params.get('l') ?? undefined,
    minWeight: Number.isFinite(weight) && weight > 0 ? weight : undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
    article: params.get('a') ?? undefined,
  };
}

/** True when the view asks for more than the default first view. */
export function isCustomView(view: ViewState): boolean {
  return view.seeds.length > 0 || view.expanded.length > 0 || Boolean(view.top);
}
