/**
 * Page helpers for the e2e tests: wait for the explorer, find where a node
 * or edge is drawn (to click it with the real mouse), save screenshots.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS } from './_server.js';

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

type CyWindow = { actorgraph: { cy: import('cytoscape').Core } };

/** Page coordinates of a node's centre. */
export async function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const { cy } = (window as unknown as CyWindow).actorgraph;
    const node = cy.getElementById(nodeId);
    if (node.empty()) throw new Error(`no node ${nodeId}`);
    const rect = cy.container()!.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, id);
}

/**
 * Screen points along the edge between two nodes, middle first: another
 * edge or a label may lie over the middle, so callers try the next point.
 */
export async function edgePoints(page: Page, source: string, target: string): Promise<Array<{ x: number; y: number; id: string }>> {
  return page.evaluate(
    ([a, b]) => {
      const { cy } = (window as unknown as CyWindow).actorgraph;
      const edge = cy.getElementById(a!).edgesWith(cy.getElementById(b!)).filter((e) => e.data('type') === 'LINKED')[0];
      if (!edge) throw new Error(`no edge ${a} — ${b}`);
      cy.fit(edge, 120);
      const rect = cy.container()!.getBoundingClientRect();
      const from = edge.source().renderedPosition();
      const to = edge.target().renderedPosition();
      return [0.5, 0.4, 0.6, 0.3, 0.7].map((t) => ({
        x: rect.left + from.x + (to.x - from.x) * t,
        y: rect.top + from.y + (to.y - from.y) * t,
        id: edge.id(),
      }));
    },
    [source, target],
  );
}

/** A real click on the LINKED edge between two nodes; if something else lies over one point of it, the next point is tried. */
export async function clickEdge(page: Page, source: string, target: string): Promise<void> {
  for (const point of await edgePoints(page, source, target)) {
    await page.mouse.click(point.x, point.y);
    const selected = await page
      .waitForFunction((id) => (window as any).actorgraph.cy.getElementById(id).selected(), point.id, { timeout: 3_000 })
      .then(() => true, () => false);
    if (selected) return;
  }
}

/** The side panel's title once it shows `expected` (panels fill in after their request), or what it shows after 10 s. */
export async function panelTitleBecomes(page: Page, expected: string): Promise<string | null> {
  await page
    .waitForFunction((text) => document.querySelector('#panel-title')?.textContent === text, expected, { timeout: 10_000 })
    .catch(() => undefined);
  return page.locator('#panel-title').textContent();
}

/**
 * A real click on a node. The view may still be settling (an animated fit or
 * layout), so the node's position is read again and the click repeated until
 * the node is selected, three times at most.
 */
export async function clickNode(page: Page, id: string): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.waitForTimeout(300);
    const point = await nodePoint(page, id);
    await page.mouse.click(point.x, point.y);
    const selected = await page
      .waitForFunction((nodeId) => (window as any).actorgraph.cy.getElementById(nodeId).selected(), id, { timeout: 3_000 })
      .then(() => true, () => false);
    if (selected) return;
  }
}

export async function graphCounts(page: Page): Promise<{ nodes: number; edges: number }> {
  return page.evaluate(() => {
    const { cy } = (window as unknown as CyWindow).actorgraph;
    return { nodes: cy.nodes().length, edges: cy.edges().length };
  });
}

