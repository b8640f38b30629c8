/**
 * Curation in Debian's Chromium against the real server: merging one actor
 * into another from its side panel (and undoing it with Ctrl+Z), and
 * changing an actor's type so that it persists across a reload. Each test
 * leaves the graph as it found it.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from './_browser.js';
import { clickNode, panelTitleBecomes, screenshot, waitReady } from './_page.js';

const baseUrl = inject('baseUrl');

interface Shown {
  id: string;
  label: string;
  type: string;
}

/** The shown actors of a type, least connected first. */
function shownOfType(page: Page, type: string): Promise<Shown[]> {
  return page.evaluate((wanted) => {
    const cy = (window as any).actorgraph.cy;
    return cy
      .nodes(`[type = "${wanted}"]`)
      .sort((a: any, b: any) => a.degree() - b.degree())
      .map((n: any) => ({ id: n.id(), label: String(n.data('label')), type: String(n.data('type')) }));
  }, type);
}

/** An entity as the API has it now, or the HTTP status when it has none. */
function entityFromApi(page: Page, id: string): Promise<{ status: number; name?: string; aliases?: string[]; type?: string }> {
  return page.evaluate(async (entityId) => {
    const response = await fetch(`/api/entities/${encodeURIComponent(entityId)}`);
    if (!response.ok) return { status: response.status };
    const { entity } = await response.json();
    return { status: response.status, name: entity.name, aliases: entity.aliases, type: entity.type };
  }, id);
}

/** Each change is a request or two before it shows: give it time. */
const SOON = { timeout: 10_000 };

const hasNode = (page: Page, id: string) =>
  page.evaluate((nodeId) => (window as any).actorgraph.cy.getElementById(nodeId).nonempty(), id);

describe.skipIf(!chromiumAvailable())(`curation in ${CHROMIUM_PATH}`, () => {
  let browser: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    // Merge and reject ask before they act; the analyst says yes.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(baseUrl);
    await waitReady(page);
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page) {
      await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('merges an actor into another from its panel, and Ctrl+Z undoes the merge', async () => {
    const people = await shownOfType(page, 'Person');
    expect(people.length).toBeGreaterThanOrEqual(2);
    const merged = people[0]!;
    const kept = people[people.length - 1]!;

    await clickNode(page, merged.id);
    expect(await panelTitleBecomes(page, merged.label)).toBe(merged.label);
    await page.locator('#merge-into').fill(kept.label);
    await page.locator(`#merge-suggestions li[data-id="${kept.id}"]`).dispatchEvent('mousedown');

    // At once: the merged actor leaves the canvas, the panel shows the one kept, which holds its name now.
    await expect.poll(() => hasNode(page, merged.id), SOON).toBe(false);
    expect(await panelTitleBecomes(page, kept.label)).toBe(kept.label);
    await expect.poll(async () => (await entityFromApi(page, kept.id)).aliases, SOON).toContain(merged.label);
    await screenshot(page, '20-merged');

    await page.locator('#cy').focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => hasNode(page, merged.id), SOON).toBe(true);
    await expect.poll(async () => (await entityFromApi(page, merged.id)).status, SOON).toBe(200);
    expect((await entityFromApi(page, kept.id)).aliases).not.toContain(merged.label);
  });

  it('changes an actor’s type at once, and the change survives a reload', async () => {
    const [organisation] = await shownOfType(page, 'Organization');
    expect(organisation).toBeDefined();
    const { id, label } = organisation!;
    const typeShown = () => page.evaluate((nodeId) => (window as any).actorgraph.cy.getElementById(nodeId).data('type'), id);

    await clickNode(page, id);
    expect(await panelTitleBecomes(page, label)).toBe(label);
    await page.locator('#retype').selectOption('Person');
    await expect.poll(typeShown, SOON).toBe('Person');
    await expect.poll(async () => (await entityFromApi(page, id)).type, SOON).toBe('Person');

    await page.reload();
    await waitReady(page);
    await expect.poll(typeShown, SOON).toBe('Person');

    // Put it back for the other tests, through the same control.
    await clickNode(page, id);
    expect(await panelTitleBecomes(page, label)).toBe(label);
    await page.locator('#retype').selectOption('Organization');
    await expect.poll(async () => (await entityFromApi(page, id)).type, SOON).toBe('Organization');
  });
});
