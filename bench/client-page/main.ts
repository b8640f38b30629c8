/**
 * The benchmark page: the explorer's own graph code (create-graph, style,
 * layout, to-elements) on a generated graph, with timing hooks on `window.bench`.
 */
import type { Core } from 'cytoscape';
import type { Elements } from '../../client/src/api-types.js';
import { addNodesThenEdges } from '../../client/src/graph/add-elements.js';
import { badgesDecoded } from '../../client/src/graph/badges.js';
import { createGraph } from '../../client/src/graph/create-graph.js';
import { layoutOptions } from '../../client/src/graph/layout.js';
import { toCyElements } from '../../client/src/graph/to-elements.js';
import { seededRandom } from '../../core/src/seeded-random.js';


const TYPES = ['Person', 'Organization', 'Country'];
const RELATIONS = ['LEADS', 'MEMBER_OF', 'OPPOSES', 'MET_WITH'];

/** Preferential attachment: a few hubs and many small actors, like news graphs. */
export function generateGraph(nodeCount: number, edgeCount: number, seed = 42): Elements {
  const rand = seededRandom(seed);
  const nodes = Array.from({ length: nodeCount }, (_, i) => {
    const type = TYPES[Math.floor(rand() * 3)]!;
    return {
      data: {
        id: `n${i}`,
        type,
        label: `${type} ${i}`,
        iso2: type === 'Country' ? String.fromCharCode(65 + (i % 26), 65 + ((i * 7) % 26)) : undefined,
        mentionCount: 1 + Math.floor(rand() ** 3 * 80),
      },
    };
  });
  const ends: number[] = [];
  const seen = new Set<string>();
  const edges: Elements['edges'] = [];
  while (edges.length < edgeCount) {
    const a = Math.floor(rand() * nodeCount);
    const b = ends.length && rand() < 0.7 ? ends[Math.floor(rand() * ends.length)]! : Math.floor(rand() * nodeCount);
    if (a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    ends.push(a, b);
    const typed = rand() < 0.05;
    edges.push({
      data: {
        id: key,
        source: `n${a}`,
        target: `n${b}`,
        type: typed ? RELATIONS[Math.floor(rand() * RELATIONS.length)] : 'LINKED',
        weight: 1 + Math.floor(rand() ** 2 * 15),
      },
    });
  }
  return { nodes, edges };
}

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

let cy: Core | undefined;
let frames: number[] = [];
let recording = false;
let phases: Record<string, number> = {};

const bench = {
  /**
   * Shows a generated graph with random starting positions; ms from having
   * it as the API sends it to its first frame on screen. The Cytoscape
   * instance is made before and timed apart: the explorer makes it at
   * start-up, then asks the API for its first view, so by the time the
   * elements arrive the empty graph has drawn and taken its size (Cytoscape
   * re-reads its size 100 ms after creation, then redraws everything).
   */
  async firstRender(nodeCount: number, edgeCount: number, webgl = false): Promise<number> {
    const graphJson = generateGraph(nodeCount, edgeCount);
    const creating = performance.now();
    const graph = (cy = createGraph({ container: document.getElementById('cy')!, webgl }));
    const create = performance.now() - creating;
    await Promise.race([new Promise((resolve) => graph.one('resize', resolve)), new Promise((resolve) => setTimeout(resolve, 1000))]);

    const started = performance.now();
    // As the explorer does with the API's answer: element definitions, then badges decoded.
    const elements = toCyElements(graphJson);
    const rand = seededRandom(7);
    const side = Math.sqrt(nodeCount) * 60;
    for (const el of elements) if (el.group === 'nodes') el.position = { x: rand() * side, y: rand() * side };
    await badgesDecoded(graph, elements);
    const decoded = performance.now();
    addNodesThenEdges(graph, elements);
    const added = performance.now();
    // Cytoscape's WebGL renderer emits no 'render'; it draws in its own
    // animation-frame callback, which runs before one asked for after it.
    const rendered = webgl ? nextFrame() : new Promise<void>((resolve) => graph.one('render', () => resolve()));
    graph.fit();
    await rendered;
    const firstRender = performance.now();
    await nextFrame();
    phases = { create, convertAndDecode: decoded - started, add: added - decoded, render: firstRender - added, frame: performance.now() - firstRender };
    return performance.now() - started;
  },

  /** Runs the explorer's layout for big graphs; ms until it stops and the frame after is drawn. */
  async settle(): Promise<number> {
    const started = performance.now();
    const layout = cy!.layout(layoutOptions('fcose', { big: true, animate: false }));
    const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
    layout.run();
    await stopped;
    await nextFrame();
    return performance.now() - started;
  },

  /** A point on the background (no node under it) to start a drag-pan from. */
  emptyPoint(): { x: number; y: number } {
    const width = cy!.width();
    const height = cy!.height();
    const boxes = cy!.nodes().map((n) => n.renderedBoundingBox({ includeLabels: true }));
    for (let y = height * 0.3; y < height * 0.7; y += 7) {
      for (let x = width * 0.3; x < width * 0.7; x += 7) {
        if (!boxes.some((b) => x >= b.x1 - 4 && x <= b.x2 + 4 && y >= b.y1 - 4 && y <= b.y2 + 4)) return { x, y };
      }
    }
    return { x: 5, y: 5 };
  },

  startFrames(): void {
    frames = [];
    recording = true;
    let last = performance.now();
    const tick = (now: number) => {
      if (!recording) return;
      frames.push(now - last);
      last = now;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  },

  stopFrames(): { p50: number; p95: number; max: number; count: number } {
    recording = false;
    const measured = frames.slice(1);
    return { p50: percentile(measured, 50), p95: percentile(measured, 95), max: Math.max(...measured), count: measured.length };
  },

  /** Pans programmatically every frame (a full redraw each time: the worst case). */
  async programmaticPan(frameCount: number): Promise<{ p50: number; p95: number; max: number; count: number }> {
    bench.startFrames();
    for (let i = 0; i < frameCount; i++) {
      cy!.panBy({ x: i % 60 < 30 ? 6 : -6, y: 3 * Math.sin(i / 10) });
      await nextFrame();
    }
    return bench.stopFrames();
  },

  counts: () => ({ nodes: cy!.nodes().length, edges: cy!.edges().length }),
  phases: () => phases,
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.body.dataset.ready = 'true';
