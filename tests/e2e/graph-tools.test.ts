/**
 * The explorer's graph tools in Debian's Chromium against the real server:
 * keyboard help, hide with undo/redo, type filters that keep the graph,
 * SVG/GraphML/CSV exports, and the layout kept in the URL across a reload.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from './_browser.js';
import { graphCounts, screenshot, waitReady } from './_page.js';

const baseUrl = inject('baseUrl');

async function download(page: Page, format: string): Promise<{ name: string; text: string }> {
  await page.locator('#export summary').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`#export-menu button[data-format="${format}"]`).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8') };
}

describe.skipIf(!chromiumAvailable())(`graph tools in ${CHROMIUM_PATH}`, () => {
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await page.goto(baseUrl);
    await waitReady(page);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page) {
      await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
      console.error('status:', await page.locator('#status').textContent(), 'focus:', await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120)));
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens the shortcut help with ? and closes it with Escape', async () => {
    await page.locator('#cy').focus();
    await page.keyboard.press('?');
    const help = page.locator('dialog#help');
    await help.waitFor();
    await expect(help.textContent()).resolves.toContain('Undo / redo');
    await screenshot(page, '10-help');
    await page.keyboard.press('Escape');
    await expect(help.isVisible()).resolves.toBe(false);
  });

  it('hides the selected actor with h, and Ctrl+Z / Ctrl+Shift+Z undo and redo it', async () => {
    const id = await page.evaluate(() => {
      const cy = (window as any).actorgraph.cy;
      const node = cy.nodes().max((n: any) => n.degree()).ele;
      node.select();
      return node.id();
    });
    const visible = () => page.evaluate((nodeId) => (window as any).actorgraph.cy.getElementById(nodeId).visible(), id);
    await page.locator('#cy').focus();
    await page.keyboard.press('h');
    await expect.poll(visible).toBe(false);
    await page.keyboard.press('Control+z');
    await expect.poll(visible).toBe(true);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(visible).toBe(false);
    await page.getByRole('button', { name: 'Show hidden' }).click();
    await expect.poll(visible).toBe(true);
  });

  it('filters out a type without removing anything from the graph', async () => {
    const before = await graphCounts(page);
    const countries = () =>
      page.evaluate(() => (window as any).actorgraph.cy.nodes('[type = "Country"]').filter((n: any) => n.visible()).length);
    expect(await countries()).toBeGreaterThan(0);
    await page.locator('#filter-Country').uncheck();
    await expect.poll(countries).toBe(0);
    expect(await graphCounts(page)).toEqual(before);
    await screenshot(page, '11-countries-filtered');
    await page.locator('#filter-Country').check();
    await expect.poll(countries).toBeGreaterThan(0);
  });

  it('exports the visible subgraph as GraphML, CSV and SVG files', async () => {
    const visibleNodes = await page.evaluate(
      () => (window as any).actorgraph.cy.nodes(':visible').filter((n: any) => n.data('type') !== 'More').length,
    );
    const graphml = await download(page, 'graphml');
    expect(graphml.name).toMatch(/\.graphml$/);
    expect(graphml.text).toContain('<graphml');
    expect(graphml.text.match(/<node /g)).toHaveLength(visibleNodes);
    const nodesCsv = await download(page, 'nodes.csv');
    expect(nodesCsv.text.split('\r\n')[0]).toBe('id,label,type,mentionCount,articleCount,iso2');
    expect(nodesCsv.text.trim().split('\r\n')).toHaveLength(visibleNodes + 1);
    const svg = await download(page, 'svg');
    expect(svg.text).toMatch(/<svg[\s>]/);
  });

  it('keeps the chosen layout in the URL across a reload', async () => {
    await page.locator('#layout').selectOption('concentric');
    await page.waitForFunction(() => location.hash.includes('l=concentric'));
    await page.reload();
    await waitReady(page);
    await expect(page.locator('#layout').inputValue()).resolves.toBe('concentric');
    await screenshot(page, '12-concentric-after-reload');
  });

  it('says in words when Neo4j is down (503) or the server cannot be reached', async () => {
    const broken = await browser.context.newPage();
    // The server's own 503 shape, for the one request that fails; everything else is real.
    await broken.route('**/api/top*', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'database_unavailable', message: 'Neo4j is not reachable' } }) }),
    );
    await broken.goto(baseUrl);
    await waitReady(broken);
    await expect(broken.locator('#error').textContent()).resolves.toContain('graph database is not available');
    await expect(broken.locator('#empty').textContent()).resolves.toContain('could not be loaded');
    await expect(broken.getByRole('button', { name: 'Try again' }).isVisible()).resolves.toBe(true);
    await screenshot(broken, '13-neo4j-down');

    await broken.unroute('**/api/top*');
    await broken.route('**/api/**', (route) => route.abort('connectionrefused'));
    await broken.reload();
    await waitReady(broken);
    await expect(broken.locator('#error').textContent()).resolves.toContain('server is not reachable');
    await broken.close();
  });
});
