/**
 * The graph the analyst builds: adding actors, expanding neighbours in pages,
 * hiding, pinning, collapsing and laying out — every change undoable, and the
 * view's state kept for the URL.
 */
import type { CollectionReturnValue, Core, ElementDefinition, NodeSingular } from 'cytoscape';
import { api } from '../api.js';
import type { Elements, EntitySummary } from '../api-types.js';
import { applyFilters, NO_FILTER, type FilterState } from './filters.js';
import { History } from './history.js';
import { placeAround, positionsOf, restorePositions, runLayout, type LayoutName } from './layout.js';
import { toCyElements } from './to-elements.js';
import { addNodesThenEdges } from './add-elements.js';
import { badgeData, badgesDecoded } from './badges.js';
import type { ViewState } from '../state/url-state.js';

/** Neighbours fetched per expansion; the rest wait behind an "N more" node. */
export const PAGE_SIZE = 25;

export function moreNodeId(hubId: string): string {
  return `more:${hubId}`;
}

export class Explorer {
  readonly history: History;
  filter: FilterState = { ...NO_FILTER };
  layoutName: LayoutName = 'fcose';
  private seeds: string[] = [];
  private expanded: string[] = [];
  /** How many neighbours of each hub are already on the canvas. */
  private offsets = new Map<string, number>();

  constructor(readonly cy: Core, private readonly onViewChange: () => void, onHistory: (message: string) => void) {
    this.history = new History((message) => {
      onHistory(message);
      this.onViewChange();
    });
  }

  /** The state the URL keeps. */
  view(): Pick<ViewState, 'seeds' | 'expanded' | 'hidden' | 'pinned' | 'layout' | 'types' | 'minWeight' | 'from' | 'to'> {
    return {
      seeds: [...this.seeds],
      expanded: [...this.expanded],
      hidden: this.cy.nodes('.user-hidden').map((n) => n.id()),
      pinned: this.cy.nodes('.pinned').map((n) => n.id()),
      layout: this.layoutName,
      types: this.filter.types,
      minWeight: this.filter.minWeight || undefined,
      from: this.filter.from,
      to: this.filter.to,
    };
  }

  /**
   * Adds what is new, refreshes data of what exists; returns the added elements.
   * Badges are decoded first, so the first frame that shows a node has its badge.
   */
  private async add(elements: Elements | ElementDefinition[]): Promise<CollectionReturnValue> {
    const defs = Array.isArray(elements) ? elements : toCyElements(elements);
    await badgesDecoded(this.cy, defs);
    const fresh: ElementDefinition[] = [];
    this.cy.batch(() => {
      for (const def of defs) {
        const existing = this.cy.getElementById(def.data.id!);
        if (existing.nonempty()) existing.data({ ...existing.data(), ...def.data });
        else fresh.push(def);
      }
    });
    const all = addNodesThenEdges(this.cy, fresh);
    applyFilters(this.cy, this.filter);
    return all;
  }

  private recordAdded(label: string, added: CollectionReturnValue, extraUndo: () => void = () => {}, extraRedo: () => void = () => {}): void {
    this.history.record({
      label,
      undo: () => {
        added.remove();
        extraUndo();
      },
      redo: () => {
        added.restore();
        extraRedo();
      },
    });
  }

  /** Replaces the canvas with a first view (not undoable: it is the start). */
  async showFirstView(elements: Elements): Promise<void> {
    this.cy.elements().remove();
    await this.add(elements);
    await runLayout(this.cy, this.layoutName);
  }

  /** Adds one actor (from search or a shared URL) and its links to what is already shown. */
  async addActor(entity: EntitySummary, options: { record?: boolean } = {}): Promise<NodeSingular> {
    const existing = this.cy.getElementById(entity.id);
    if (existing.nonempty()) {
      existing.removeClass('user-hidden');
      return existing as NodeSingular;
    }
    const added = await this.add([{ group: 'nodes', data: { ...entity, label: entity.name, ...badgeData(entity.type, entity.iso2) } }]);
    const node = added.nodes()[0] as NodeSingular;
    const extent = this.cy.nodes().not(node).boundingBox();
    node.position(Number.isFinite(extent.x2) && extent.w > 0 ? { x: extent.x2 + 80, y: (extent.y1 + extent.y2) / 2 } : { x: 0, y: 0 });
    this.seeds.push(entity.id);
    if (options.record !== false) {
      this.recordAdded(`Added ${entity.name}`, added, () => this.seeds.splice(this.seeds.lastIndexOf(entity.id), 1), () => this.seeds.push(entity.id));
    }
    this.onViewChange();
    return node;
  }

  /** Brings in the next page of a node's neighbours, placed around it. */
  async expand(id: string, options: { record?: boolean } = {}): Promise<{ added: number; remaining: number }> {
    const hubId = id.startsWith('more:') ? id.slice('more:'.length) : id;
    const hub = this.cy.getElementById(hubId) as NodeSingular;
    if (hub.empty()) return { added: 0, remaining: 0 };
    const offset = this.offsets.get(hubId) ?? 0;
    const page = await api.neighbours(hubId, { limit: PAGE_SIZE, offset, minWeight: this.filter.minWeight || undefined });
    const oldMore = this.cy.getElementById(moreNodeId(hubId));
    const oldMoreJson = oldMore.nonempty() ? oldMore.union(oldMore.connectedEdges()).jsons() : [];
    oldMore.remove();

    const added = await this.add(page);
    const newNodes = page.nodes.length - (page.nodes.some((n) => n.data.id === hubId) ? 1 : 0);
    const nextOffset = offset + newNodes;
    if (page.remaining > 0) {
      added.merge(
        this.cy.add([
          { group: 'nodes', data: { id: moreNodeId(hubId), type: 'More', label: `${page.remaining} more`, hub: hubId, mentionCount: 1 } },
          { group: 'edges', data: { id: `more-edge:${hubId}`, source: hubId, target: moreNodeId(hubId), type: 'MORE', weight: 1 } },
        ]),
      );
    }
    placeAround(hub, added.nodes() as unknown as CollectionReturnValue);
    this.offsets.set(hubId, nextOffset);
    this.expanded.push(hubId);
    const label = `Expanded ${hub.data('label')} (+${added.nodes().length - (page.remaining > 0 ? 1 : 0)})`;
    if (options.record !== false) {
      this.recordAdded(
        label,
        added,
        () => {
          this.offsets.set(hubId, offset);
          this.expanded.splice(this.expanded.lastIndexOf(hubId), 1);
          if (oldMoreJson.length) this.cy.add(oldMoreJson as ElementDefinition[]);
        },
        () => {
          this.cy.getElementById(moreNodeId(hubId)).remove();
          this.offsets.set(hubId, nextOffset);
          this.expanded.push(hubId);
        },
      );
    }
    this.onViewChange();
    return { added: added.nodes().length, remaining: page.remaining };
  }

  private nodesById(ids: string[]) {
    const set = new Set(ids);
    return this.cy.nodes().filter((n) => set.has(n.id()));
  }

  hide(ids: string[]): void {
    const nodes = this.nodesById(ids).not('.user-hidden');
    if (nodes.empty()) return;
    nodes.addClass('user-hidden');
    this.history.record({
      label: `Hid ${nodes.length} actor${nodes.length === 1 ? '' : 's'}`,
      undo: () => void nodes.removeClass('user-hidden'),
      redo: () => void nodes.addClass('user-hidden'),
    });
  }

  showHidden(): void {
    const nodes = this.cy.nodes('.user-hidden');
    if (nodes.empty()) return;
    nodes.removeClass('user-hidden');
    this.history.record({
      label: `Showed ${nodes.length} hidden`,
      undo: () => void nodes.addClass('user-hidden'),
      redo: () => void nodes.removeClass('user-hidden'),
    });
  }

  togglePin(ids: string[]): void {
    const nodes = this.nodesById(ids);
    if (nodes.empty()) return;
    const pin = nodes.filter((n) => !n.hasClass('pinned')).nonempty();
    const set = (on: boolean) => {
      nodes.toggleClass('pinned', on);
      if (on) nodes.lock();
      else nodes.unlock();
    };
    set(pin);
    this.history.record({ label: `${pin ? 'Pinned' : 'Unpinned'} ${nodes.length}`, undo: () => set(!pin), redo: () => set(pin) });
  }

  /** Removes the neighbours that hang only on this node (and its "more" node). */
  collapse(id: string): void {
    const node = this.cy.getElementById(id) as NodeSingular;
    if (node.empty()) return;
    const leaves = node
      .neighborhood()
      .nodes()
      .filter((n) => n.connectedEdges().connectedNodes().not(n).filter((other) => other.id() !== id).empty());
    const removed = leaves.union(leaves.connectedEdges());
    if (removed.empty()) return;
    removed.remove();
    const offset = this.offsets.get(id);
    this.offsets.delete(id);
    this.history.record({
      label: `Collapsed ${node.data('label')}`,
      undo: () => {
        removed.restore();
        if (offset !== undefined) this.offsets.set(id, offset);
      },
      redo: () => {
        removed.remove();
        this.offsets.delete(id);
      },
    });
  }

  /** Removes elements from the canvas (not from the database). */
  remove(ids: string[]): void {
    const set = new Set(ids);
    const eles = this.cy.elements().filter((e) => set.has(e.id()));
    const removed = eles.union(eles.connectedEdges());
    if (removed.empty()) return;
    removed.remove();
    this.history.record({ label: `Removed ${eles.length}`, undo: () => void removed.restore(), redo: () => void removed.remove() });
  }

  async layout(name: LayoutName = this.layoutName): Promise<void> {
    const before = positionsOf(this.cy);
    const previous = this.layoutName;
    this.layoutName = name;
    await runLayout(this.cy, name, this.cy.nodes(':selected') as unknown as CollectionReturnValue);
    const after = positionsOf(this.cy);
    this.history.record({
      label: `Layout: ${name}`,
      undo: () => {
        this.layoutName = previous;
        restorePositions(this.cy, before);
      },
      redo: () => {
        this.layoutName = name;
        restorePositions(this.cy, after);
      },
    });
  }

  setFilter(filter: FilterState): void {
    this.filter = filter;
    applyFilters(this.cy, filter);
    this.onViewChange();
  }

  /** Adds path elements and highlights them, fading everything else. */
  async showPaths(elements: Elements): Promise<CollectionReturnValue> {
    const added = await this.add(elements);
    const ids = new Set([...elements.nodes.map((n) => n.data.id), ...elements.edges.map((e) => e.data.id)]);
    const onPath = this.cy.elements().filter((e) => ids.has(e.id()));
    const anchor = this.cy.nodes().not(added).not(onPath);
    if (added.nodes().nonempty()) {
      const center = anchor.nonempty() ? anchor.boundingBox() : { x1: 0, y1: 0, x2: 0, y2: 0 };
      added.nodes().forEach((node, i) => {
        node.position({ x: center.x2 + 120 + (i % 4) * 110, y: center.y1 + Math.floor(i / 4) * 90 });
      });
    }
    this.clearHighlight();
    this.cy.elements().not(onPath).addClass('faded');
    onPath.addClass('path');
    if (added.nonempty()) this.recordAdded('Showed paths', added);
    this.cy.animate({ fit: { eles: onPath, padding: 60 }, duration: 300 });
    return onPath;
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('faded path');
  }

  /** Centres on a node and its neighbours. */
  focus(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    this.cy.animate({ fit: { eles: node.closedNeighborhood(), padding: 80 }, duration: 300 });
  }

  /** The first view's actors by id, for "Add to graph" checks. */
  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }
}
