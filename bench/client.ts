/**
 * Client benchmark: the explorer's graph code on a generated 2,000-node /
 * 10,000-edge graph in headless Debian Chromium. Reports time to first
 * render (from the graph as the API sends it to its first frame on screen),
 * time to a settled fCoSE layout, and frame times while panning (p50/p95
 * from requestAnimationFrame), against the targets first render ≤ 2 s and
 * pan frames ≤ 33 ms.
 *
 * Programmatic pan redraws everything each frame. Its first frames after the
 * layout are full CPU redraws (~0.4 s each) until Cytoscape has rebuilt its
 * layer bitmaps, so its p95 says how long that takes, its p50 the steady state.
 *
 *   npx tsx bench/client.ts [--nodes 2000] [--edges 10000] [--webgl]
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser } from '../tests/e2e/_browser.js';

export interface ClientBenchOptions {
  nodes?: number;
  edges?: number;
  /** Cytoscape's WebGL renderer instead of canvas 2D. */
  webgl?: boolean;
  /** Frames recorded while panning. */
  panFrames?: number;
  log?: (line: string) => void;
}

export interface FrameStats {
  p50: number;
  p95: number;
  max: number;
  count: number;
}

export interface ClientBenchResult {
  nodes: number;
  edges: number;
  renderer: 'canvas' | 'webgl';
  firstRenderMs: number;
  settledLayoutMs: number;
  /** A user dragging the background (textureOnViewport and hideEdgesOnViewport apply). */
  dragPan: FrameStats;
  /** cy.panBy every frame: a full redraw each frame. */
  programmaticPan: FrameStats;
  targets: { firstRenderMs: number; panFrameMs: number; met: boolean };
  skipped?: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const relative = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.join(dir, relative);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}/` })),
  );
}

const round = (n: number) => Math.round(n * 10) / 10;
const roundStats = (s: FrameStats): FrameStats => ({ p50: round(s.p50), p95: round(s.p95), max: round(s.max), count: s.count });

export async function benchClient(options: ClientBenchOptions = {}): Promise<ClientBenchResult> {
  const { nodes = 2000, edges = 10000, webgl = false, panFrames = 120, log = console.log } = options;
  const targets = { firstRenderMs: 2000, panFrameMs: 33, met: false };
  const empty: FrameStats = { p50: 0, p95: 0, max: 0, count: 0 };
  if (!chromiumAvailable()) {
    const skipped = `no Chromium at ${CHROMIUM_PATH}`;
    log(`client bench skipped: ${skipped}`);
    return { nodes, edges, renderer: webgl ? 'webgl' : 'canvas', firstRenderMs: 0, settledLayoutMs: 0, dragPan: empty, programmaticPan: empty, targets, skipped };
  }

  const outDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-bench-client-'));
  await build({ root: path.join(HERE, 'client-page'), base: './', configFile: false, logLevel: 'warn', build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2000 } });
  const { server, url } = await serve(outDir);
  const browser = await launchBrowser({ width: 1366, height: 768 });
  try {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    const firstRenderMs = await page.evaluate(([n, m, w]) => (window as any).bench.firstRender(n, m, w), [nodes, edges, webgl] as const);
    const counts = await page.evaluate(() => (window as any).bench.counts());
    log(`first render phases (ms): ${JSON.stringify(await page.evaluate(() => (window as any).bench.phases()))}`);
    const settledLayoutMs = await page.evaluate(() => (window as any).bench.settle());

    // A real drag on the background, as an analyst pans.
    const start = await page.evaluate(() => (window as any).bench.emptyPoint());
    await page.evaluate(() => (window as any).bench.startFrames());
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 0; i < panFrames; i++) {
      await page.mouse.move(start.x + 150 * Math.sin(i / 15), start.y + 80 * Math.sin(i / 23), { steps: 1 });
      await page.waitForTimeout(16);
    }
    await page.mouse.up();
    const dragPan: FrameStats = await page.evaluate(() => (window as any).bench.stopFrames());
    const programmaticPan: FrameStats = await page.evaluate((f) => (window as any).bench.programmaticPan(f), panFrames);

    const result: ClientBenchResult = {
      nodes: counts.nodes,
      edges: counts.edges,
      renderer: webgl ? 'webgl' : 'canvas',
      firstRenderMs: round(firstRenderMs),
      settledLayoutMs: round(settledLayoutMs),
      dragPan: roundStats(dragPan),
      programmaticPan: roundStats(programmaticPan),
      targets: { ...targets, met: firstRenderMs <= targets.firstRenderMs && dragPan.p95 <= targets.panFrameMs },
    };
    log(
      `client (${result.renderer}, ${result.nodes} nodes / ${result.edges} edges, headless Chromium --disable-gpu): ` +
        `first render ${result.firstRenderMs} ms (target ≤ ${targets.firstRenderMs}), settled fCoSE layout ${result.settledLayoutMs} ms, ` +
        `drag-pan frames p50 ${result.dragPan.p50} / p95 ${result.dragPan.p95} ms (target ≤ ${targets.panFrameMs}), ` +
        `programmatic pan p50 ${result.programmaticPan.p50} / p95 ${result.programmaticPan.p95} ms — targets ${result.targets.met ? 'met' : 'NOT met'}`,
    );
    return result;
  } finally {
    await browser.close();
    server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  benchClient({ nodes: arg('nodes'), edges: arg('edges'), webgl: process.argv.includes('--webgl') })
    .then((result) => {
      console.log(JSON.stringify(result));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
