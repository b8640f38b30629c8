/**
 * Entry point of the explorer: builds the graph, wires search, panels,
 * toolbar, filters and keys, and restores the view from the URL.
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { api, ApiError } from './api.js';
import type { EntitySummary, PathsAnswer } from './api-types.js';
import { byId, el, replaceChildren } from './dom.js';
import { createGraph } from './graph/create-graph.js';
import { Explorer } from './graph/explorer.js';
import { exportGraph, EXPORT_FORMATS, type ExportFormat } from './graph/export.js';
import { applyFilters, dateBounds } from './graph/filters.js';
import { LAYOUTS, runLayout, type LayoutName } from './graph/layout.js';
import { badgeData } from './graph/badges.js';
import { TYPE_LOOK } from './graph/style.js';
import { bindKeys } from './keyboard.js';
import { decodeView, encodeView, isCustomView, type ViewState } from './state/url-state.js';
import type { Actions } from './ui/actions.js';
import { showArticle } from './ui/article-view.js';
import { closeContextMenu, openContextMenu } from './ui/context-menu.js';
import { showEntity } from './ui/entity-view.js';
import { createFilterBar } from './ui/filter-bar.js';
import { openHelp } from './ui/help-overlay.js';
import { showLink } from './ui/link-view.js';
import { closePanel, onPanelClose } from './ui/panel.js';
import { showPathFinder } from './ui/paths-view.js';
import { attachSearchBox } from './ui/search-box.js';
import { setUpSignIn } from './ui/sign-in.js';
import { announce, clearError, guarded, showError, withLoading } from './ui/status.js';

const params = new URLSearchParams(location.search);
const cy = createGraph({ container: byId('cy'), webgl: params.has('webgl') });
let restoring = true;
let openArticleId: string | undefined;
let urlTimer: ReturnType<typeof setTimeout> | undefined;
let startedFromTop = false;

/** Writes the view into the URL hash (debounced; replaceState keeps Back for real navigation). */
function saveView(): void {
  if (restoring) return;
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const selected = cy.$(':selected');
    const view: ViewState = { ...explorer.view(), top: startedFromTop, selected: selected.length === 1 ? selected.id() : undefined, article: openArticleId };
    history.replaceState(null, '', `${location.pathname}${location.search}#${encodeView(view)}`);
  }, 150);
  updateCounts();
}

const explorer = new Explorer(cy, saveView, announce);
// The side panel opening or closing resizes the canvas without a window resize; without this, clicks land off target.
new ResizeObserver(() => cy.resize()).observe(byId('cy'));
(window as unknown as { actorgraph: unknown }).actorgraph = { cy, explorer };

function updateCounts(): void {
  const nodes = cy.nodes(':visible').filter((n) => n.data('type') !== 'More').length;
  byId('counts').textContent = `${nodes} actors · ${cy.edges(':visible').length} links shown`;
  byId<HTMLButtonElement>('btn-undo').disabled = !explorer.history.canUndo;
  byId<HTMLButtonElement>('btn-redo').disabled = !explorer.history.canRedo;
  const empty = byId('empty');
  empty.hidden = cy.nodes().length > 0;
  const bounds = dateBounds(cy);
  filterBar.setDateBounds(bounds.min, bounds.max);
}

const filterBar = createFilterBar((filter) => explorer.setFilter(filter));

// ---- what panels and menus may ask for ----

const actions: Actions = {
  openEntity: guarded('Opening the actor', async (id: string) => {
    openArticleId = undefined;
    await withLoading('Loading actor…', () => showEntity(id, actions));
  }),
  openArticle: guarded('Opening the article', async (id: string) => {
    openArticleId = id;
    await withLoading('Loading article…', () => showArticle(id, actions));
    saveView();
  }),
  openLink: guarded('Opening the link', async (a: string, b: string) => {
    await openLinkBetween(a, b);
  }),
  expand: guarded('Expanding', async (id: string) => {
    await expandWithRelations(id);
  }),
  focus: (id) => explorer.focus(id),
  addActor: guarded('Adding the actor', async (entity: EntitySummary) => {
    await addAndShow(entity);
  }),
  markAnnotated: (ids, annotated) => {
    for (const id of ids) {
      if (annotated) annotatedTargets.add(id);
      else annotatedTargets.delete(id);
      cy.getElementById(id).data('annotated', annotated);
    }
  },
  merge: async (id, into) => {
    let { mergeId } = await api.merge(id, into.id);
    const node = cy.getElementById(id);
    const label = String(node.data('label') ?? id);
    const removed = node.union(node.connectedEdges());
    removed.remove();
    if (!explorer.has(into.id)) await explorer.addActor(into, { record: false });
    await refreshNode(into.id);
    explorer.history.record({
      label: `Merged ${label} into ${into.name}`,
      undo: async () => {
        await api.undoMerge(mergeId);
        removed.restore();
        await refreshNode(into.id);
      },
      redo: async () => {
        mergeId = (await api.merge(id, into.id)).mergeId;
        removed.remove();
        await refreshNode(into.id);
      },
    });
    await showEntity(into.id, actions);
  },
  retype: async (id, type) => {
    const node = cy.getElementById(id);
    const before = String(node.data('type') ?? '');
    const apply = async (to: string) => {
      await api.updateEntity(id, { type: to as EntitySummary['type'] });
      setNodeType(id, to);
    };
    await apply(type);
    explorer.history.record({ label: `Retyped ${node.data('label') ?? id} as ${type}`, undo: () => apply(before), redo: () => apply(type) });
  },
  reject: async (id) => {
    const node = cy.getElementById(id);
    const name = String(node.data('label') ?? id);
    let { key } = await api.reject(name, id);
    const removed = node.union(node.connectedEdges());
    removed.remove();
    closePanel();
    explorer.history.record({
      label: `Rejected ${name}`,
      undo: async () => {
        await api.unreject(key);
        await api.setHidden(id, false);
        removed.restore();
      },
      redo: async () => {
        key = (await api.reject(name, id)).key;
        removed.remove();
      },
    });
  },
  pathFrom: (entity) => showPathFinder(actions, onPaths, entity),
};

function setNodeType(id: string, type: string): void {
  const node = cy.getElementById(id);
  node.data({ type, ...badgeData(type, node.data('iso2')) });
}

async function refreshNode(id: string): Promise<void> {
  const entity = await api.entity(id);
  cy.getElementById(id).data({ label: entity.name, aliases: entity.aliases, mentionCount: entity.mentionCount, articleCount: entity.articleCount });
}

async function addAndShow(entity: EntitySummary): Promise<void> {
  const isNew = !explorer.has(entity.id);
  const node = await explorer.addActor(entity);
  if (isNew) await linkToShown(entity.id);
  cy.$(':selected').unselect();
  node.select();
  explorer.focus(entity.id);
  await showEntity(entity.id, actions);
}

/** Expands a node and draws the typed relations among what is now shown. */
async function expandWithRelations(id: string, record = true): Promise<void> {
  const hubId = id.startsWith('more:') ? id.slice(5) : id;
  const [result, detail] = await withLoading('Expanding…', () =>
    Promise.all([explorer.expand(id, { record }), api.entity(hubId).catch(() => undefined)]),
  );
  if (detail) addRelationEdges(detail.relations);
  announce(`${result.added} added${result.remaining ? `, ${result.remaining} more` : ''}`);
  updateCounts();
}

/** Draws a newly added actor's links to actors already on the canvas (no new actors). */
async function linkToShown(id: string): Promise<void> {
  const page = await api.neighbours(id, { limit: 200 }).catch(() => undefined);
  if (!page) return;
  const edges = page.edges
    .filter((e) => explorer.has(e.data.source) && explorer.has(e.data.target) && !explorer.has(e.data.id))
    .map((e) => ({ group: 'edges' as const, data: e.data }));
  if (edges.length) cy.add(edges);
  applyFilters(cy, explorer.filter);
}

function addRelationEdges(relations: Array<{ type: string; source: string; target: string }>): void {
  const edges = relations
    .filter((r) => explorer.has(r.source) && explorer.has(r.target))
    .map((r) => ({ group: 'edges' as const, data: { id: `${r.type}:${r.source}>${r.target}`, source: r.source, target: r.target, type: r.type, weight: 2 } }))
    .filter((e) => !explorer.has(e.data.id));
  if (edges.length) cy.add(edges);
  applyFilters(cy, explorer.filter);
}

async function openLinkBetween(a: string, b: string): Promise<void> {
  const endData = (id: string) => {
    const node = cy.getElementById(id);
    return { id, label: node.nonempty() ? String(node.data('label')) : id, type: node.data('type'), aliases: node.data('aliases') };
  };
  const between = cy.getElementById(a).edgesWith(cy.getElementById(b));
  const linked = between.filter((e) => e.data('type') === 'LINKED')[0];
  await withLoading('Loading evidence…', () =>
    showLink(
      {
        source: endData(a),
        target: endData(b),
        weight: linked?.data('weight'),
        articles: linked?.data('articles'),
        firstSeen: linked?.data('firstSeen'),
        lastSeen: linked?.data('lastSeen'),
        edgeIds: between.map((e) => e.id()),
      },
      actions,
    ),
  );
}

async function onPaths(answer: PathsAnswer): Promise<void> {
  await explorer.showPaths(answer);
  updateCounts();
}

// ---- graph events ----

cy.on('tap', 'node', (event) => {
  const node = event.target as NodeSingular;
  if (node.data('type') === 'More') {
    actions.expand(node.id());
    return;
  }
  actions.openEntity(node.id());
});
cy.on('tap', 'edge', (event) => {
  const edge = event.target as EdgeSingular;
  if (edge.data('type') === 'MORE') return;
  actions.openLink(edge.source().id(), edge.target().id());
});
cy.on('dbltap', 'node', (event) => actions.expand((event.target as NodeSingular).id()));
cy.on('tap', (event) => {
  closeContextMenu();
  if (event.target === cy) explorer.clearHighlight();
});
cy.on('select unselect', () => saveView());
cy.on('cxttap', 'node', (event) => {
  const node = event.target as NodeSingular;
  if (!node.selected()) {
    cy.$(':selected').unselect();
    node.select();
  }
  const rect = byId('cy').getBoundingClientRect();
  const entity = (): EntitySummary => ({ ...(node.data() as EntitySummary), name: node.data('label') });
  openContextMenu(rect.left + event.renderedPosition.x, rect.top + event.renderedPosition.y, [
    { label: 'Expand neighbours', key: 'e', run: () => actions.expand(node.id()) },
    { label: 'Show evidence', run: () => actions.openEntity(node.id()) },
    { label: node.hasClass('pinned') ? 'Unpin' : 'Pin', key: 'p', run: () => explorer.togglePin([node.id()]) },
    { label: 'Hide', key: 'h', run: () => explorer.hide([node.id()]) },
    { label: 'Collapse leaves', key: 'c', run: () => explorer.collapse(node.id()) },
    { label: 'Focus', key: 'Enter', run: () => explorer.focus(node.id()) },
    { label: 'Find paths from here', key: 'g', run: () => actions.pathFrom(entity()) },
  ]);
});
cy.on('add remove', () => updateCounts());

/** Ids of entities and links (`a|b`, as LINKED edges are named) that carry notes. */
const annotatedTargets = new Set<string>();
cy.on('add', (event) => {
  if (annotatedTargets.has(event.target.id())) event.target.data('annotated', true);
});

async function loadAnnotatedTargets(): Promise<void> {
  const notes = await api.annotations();
  for (const note of notes) annotatedTargets.add(note.targetId);
  cy.batch(() => {
    for (const id of annotatedTargets) cy.getElementById(id).data('annotated', true);
  });
}

onPanelClose(() => {
  openArticleId = undefined;
  saveView();
  byId('cy').focus();
});

// ---- search, toolbar, keys ----

const search = attachSearchBox({
  input: byId<HTMLInputElement>('search'),
  list: byId<HTMLUListElement>('search-suggestions'),
  onPick: (entity) => actions.addActor(entity),
});

const layoutSelect = byId<HTMLSelectElement>('layout');
for (const layout of LAYOUTS) layoutSelect.append(el('option', { value: layout.name }, layout.label));
layoutSelect.addEventListener('change', guarded('Layout', () => explorer.layout(layoutSelect.value as LayoutName)));

const exportMenu = byId('export-menu');
for (const { format, label } of EXPORT_FORMATS) {
  const button = el('button', { type: 'button', 'data-format': format }, label);
  button.addEventListener(
    'click',
    guarded('Export', () => {
      exportGraph(cy, format as ExportFormat);
      announce(`Exported ${label}`);
      byId<HTMLDetailsElement>('export').open = false;
    }),
  );
  exportMenu.append(button);
}

const selectedNodeIds = () => cy.nodes(':selected').map((n) => n.id());
const click = (id: string, run: () => void) => byId(id).addEventListener('click', run);
const undo = guarded('Undo', async () => {
  await explorer.history.undo();
  updateCounts();
});
const redo = guarded('Redo', async () => {
  await explorer.history.redo();
  updateCounts();
});
const zoomBy = (factor: number) =>
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
const nextLayout = () => {
  const index = LAYOUTS.findIndex((l) => l.name === explorer.layoutName);
  const next = LAYOUTS[(index + 1) % LAYOUTS.length]!.name;
  layoutSelect.value = next;
  void explorer.layout(next);
};
const openPaths = () => {
  const selected = cy.nodes(':selected')[0];
  showPathFinder(actions, onPaths, selected ? ({ ...(selected.data() as EntitySummary), name: selected.data('label') }) : undefined);
};
const goHome = guarded('Loading top actors', async () => {
  await firstView();
});

click('btn-fit', () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 }, duration: 250 }));
click('btn-zoom-in', () => zoomBy(1.25));
click('btn-zoom-out', () => zoomBy(0.8));
click('btn-undo', undo);
click('btn-redo', redo);
click('btn-hidden', () => explorer.showHidden());
click('btn-paths', openPaths);
click('btn-home', goHome);
click('btn-help', openHelp);

bindKeys({
  '/': () => byId('search').focus(),
  '?': openHelp,
  e: () => selectedNodeIds().forEach((id) => actions.expand(id)),
  h: () => explorer.hide(selectedNodeIds()),
  'shift+h': () => explorer.showHidden(),
  p: () => explorer.togglePin(selectedNodeIds()),
  c: () => selectedNodeIds().forEach((id) => explorer.collapse(id)),
  Delete: () => explorer.remove(cy.$(':selected').map((e) => e.id())),
  f: () => cy.animate({ fit: { eles: cy.elements(':visible'), padding: 40 }, duration: 250 }),
  Enter: () => selectedNodeIds()[0] && explorer.focus(selectedNodeIds()[0]!),
  '+': () => zoomBy(1.25),
  '=': () => zoomBy(1.25),
  '-': () => zoomBy(0.8),
  l: nextLayout,
  g: openPaths,
  'ctrl+z': undo,
  'ctrl+shift+z': redo,
  'ctrl+y': redo,
  Escape: () => {
    closeContextMenu();
    const dialog = byId<HTMLDialogElement>('help');
    if (dialog.open) return dialog.close();
    if (!byId('panel').hidden) return closePanel();
    search.clear();
    cy.$(':selected').unselect();
    explorer.clearHighlight();
  },
});

// ---- start ----

function renderLegend(): void {
  replaceChildren(
    byId('legend'),
    ...['Person', 'Organization', 'Country'].map((type) =>
      el('span', { class: `legend-item type-${type}` }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), TYPE_LOOK[type]!.label),
    ),
    el('span', { class: 'legend-item relation' }, el('span', { class: 'arrow', 'aria-hidden': 'true' }, '→'), 'typed relation'),
    el('span', { class: 'legend-item annotated' }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), 'has notes'),
  );
}

async function firstView(): Promise<void> {
  const top = await withLoading('Loading the most connected actors…', () => api.top(40));
  startedFromTop = true;
  await explorer.showFirstView(top);
  const empty = byId('empty');
  replaceChildren(
    empty,
    el('h2', {}, 'No actors yet'),
    el('p', {}, 'The graph is empty. Ingest articles with ', el('code', {}, 'npm run ingest -- PATH'), ', then reload.'),
  );
  updateCounts();
}

async function restore(view: ViewState): Promise<void> {
  explorer.layoutName = (view.layout as LayoutName) ?? 'fcose';
  layoutSelect.value = explorer.layoutName;
  if (!isCustomView(view)) {
    await firstView();
  } else {
    if (view.top) await firstView();
    for (const id of view.seeds) {
      const entity = await api.entity(id).catch(() => undefined);
      if (entity) await explorer.addActor(entity, { record: false });
    }
    for (const id of view.expanded) await expandWithRelations(id, false).catch(() => undefined);
    if (view.seeds.length || view.expanded.length) await withLoading('Arranging…', () => runLayout(cy, explorer.layoutName));
  }
  for (const id of view.hidden) cy.getElementById(id).addClass('user-hidden');
  for (const id of view.pinned) cy.getElementById(id).addClass('pinned').lock();
  const filter = { types: view.types ?? [], minWeight: view.minWeight ?? 0, from: view.from, to: view.to };
  updateCounts();
  filterBar.set(filter);
  explorer.setFilter(filter);
  if (view.selected) {
    const selected = cy.getElementById(view.selected);
    if (selected.nonempty()) {
      selected.select();
      if (selected.isEdge()) actions.openLink(selected.data('source'), selected.data('target'));
      else actions.openEntity(view.selected);
    }
  }
  if (view.article) actions.openArticle(view.article);
}

async function start(): Promise<void> {
  renderLegend();
  try {
    await api.health();
  } catch (error) {
    if (error instanceof ApiError && error.status === 503) showError(error, 'Neo4j is down');
    else throw error;
  }
  await setUpSignIn();
  // Notes mark elements as they appear; a failure here only loses the marks.
  await loadAnnotatedTargets().catch((error: unknown) => console.warn('notes not loaded', error));
  await restore(decodeView(location.hash));
  clearError();
}

start()
  .catch((error: unknown) => {
    showError(error, 'Could not load the graph');
    const empty = byId('empty');
    replaceChildren(
      empty,
      el('h2', {}, 'The graph could not be loaded'),
      el('p', {}, error instanceof ApiError ? error.readable : String(error)),
      el('button', { type: 'button', id: 'retry' }, 'Try again'),
    );
    empty.hidden = false;
    byId('retry').addEventListener('click', () => location.reload());
  })
  .finally(() => {
    restoring = false;
    document.body.dataset.ready = 'true';
    saveView();
  });
