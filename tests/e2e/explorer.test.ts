/**
 * The explorer end to end, in Debian's Chromium against the real server and
 * the project's samples: open → search by alias → expand → a link's evidence
 * → paths → a note that survives reload → PNG export; and HTML in a note
 * stays text. Screenshots of each state go to test-results/e2e/.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from './_browser.js';
import { clickEdge, clickNode, graphCounts, nodePoint, panelTitleBecomes, screenshot, waitReady } from './_page.js';

type Json = Record<string, any>;
const baseUrl = inject('baseUrl');

async function getJson(path: string): Promise<Json> {
  const response = await fetch(`${baseUrl}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Json;
}

const cyWindow = 'window.actorgraph.cy';

describe.skipIf(!chromiumAvailable())(`explorer in ${CHROMIUM_PATH}`, () => {
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  // Chosen from the API so the test follows whatever the samples contain.
  let actor: { id: string; name: string; alias: string };
  let linked: { id: string; name: string; sentence: string };

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => void dialog.accept());

    // An actor known by an alias other than its name, with a link that has a supporting sentence.
    const top = await getJson('/api/top?limit=40');
    const nodes = (top.nodes as Json[]).map((n) => n.data);
    for (const node of nodes) {
      const detail = await getJson(`/api/entities/${encodeURIComponent(node.id)}`);
      const entity = detail.entity ?? detail;
      const alias = (entity.aliases as string[]).find((a) => a.length > 2 && !entity.name.toLowerCase().includes(a.toLowerCase()));
      if (!alias) continue;
      const neighbours = await getJson(`/api/entities/${encodeURIComponent(node.id)}/neighbours?limit=25`);
      for (const other of (neighbours.nodes as Json[]).map((n) => n.data).filter((d) => d.id !== node.id)) {
        const evidence = await getJson(`/api/links/${encodeURIComponent(node.id)}/${encodeURIComponent(other.id)}/evidence`);
        const sentence = evidence.sentences?.items?.[0]?.text ?? evidence.sentences?.[0]?.text;
        if (sentence) {
          actor = { id: node.id, name: entity.name, alias };
          linked = { id: other.id, name: other.label ?? other.name, sentence };
          break;
        }
      }
      if (actor) break;
    }
    if (!actor) throw new Error('the samples have no actor with an alias and an evidenced link');
  });

  afterEach(async (context) => {
    // What the page looked like when a step failed, and what it said.
    if (context.task.result?.state === 'fail' && page) {
      await screenshot(page, `failed-${context.task.name.slice(0, 40).replace(/\W+/g, '-')}`);
      console.error('error banner:', await page.locator('#error').textContent().catch(() => ''));
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the most connected actors, never blank', async () => {
    await page.goto(baseUrl);
    await waitReady(page);
    const counts = await graphCounts(page);
    expect(counts.nodes).toBeGreaterThan(3);
    expect(counts.edges).toBeGreaterThan(0);
    await expect(page.locator('#empty').isHidden()).resolves.toBe(true);
    await expect(page.locator('#counts').textContent()).resolves.toMatch(/\d+ actors/);
    await screenshot(page, '01-first-view');
  });

  it('finds an actor by an alias with the keyboard and opens its evidence panel', async () => {
    await page.locator('#cy').focus();
    await page.keyboard.press('/');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('search');
    await page.keyboard.type(actor.alias, { delay: 20 });
    const option = page.locator(`#search-suggestions li[data-id="${actor.id}"]`);
    await option.waitFor({ timeout: 15_000 });
    await expect(option.textContent()).resolves.toContain(actor.name);
    const index = await page.locator('#search-suggestions li').evaluateAll((lis, id) => lis.findIndex((li) => li.getAttribute('data-id') === id), actor.id);
    // The first suggestion is active; arrows move to ours.
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect(option.getAttribute('aria-selected')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await expect(panelTitleBecomes(page, actor.name)).resolves.toBe(actor.name);
    await expect(page.locator('#panel .aliases').textContent()).resolves.toContain(actor.alias);
    await expect(page.evaluate((id) => (window as any).actorgraph.cy.getElementById(id).selected(), actor.id)).resolves.toBe(true);
    await screenshot(page, '02-search-by-alias');
  });

  it('expands the actor by double-click, keeping the existing arrangement', async () => {
    const before = await graphCounts(page);
    const others = await page.evaluate((id) => {
      const cy = (window as any).actorgraph.cy;
      return cy.nodes().filter((n: any) => n.id() !== id).map((n: any) => ({ id: n.id(), ...n.position() }));
    }, actor.id);
    const point = await nodePoint(page, actor.id);
    await page.mouse.dblclick(point.x, point.y);
    await page.waitForFunction(
      ([id, n]) => (window as any).actorgraph.cy.nodes().length > (n as number) && (window as any).actorgraph.cy.getElementById(id).neighborhood().nodes().length > 0,
      [actor.id, before.nodes] as const,
      { timeout: 20_000 },
    );
    const moved = await page.evaluate((list) => {
      const cy = (window as any).actorgraph.cy;
      return list.filter((o: any) => {
        const p = cy.getElementById(o.id).position();
        return Math.abs(p.x - o.x) > 0.5 || Math.abs(p.y - o.y) > 0.5;
      }).length;
    }, others);
    expect(moved).toBe(0);
    await expect(page.evaluate((id) => (window as any).actorgraph.cy.getElementById(id).neighborhood().nodes().map((n: any) => n.id()), actor.id)).resolves.toContain(linked.id);
    await page.evaluate(`${cyWindow}.fit(undefined, 30)`);
    await screenshot(page, '03-expanded');
  });

  it('shows a link’s supporting sentence with both actors marked when the edge is clicked', async () => {
    await clickEdge(page, actor.id, linked.id);
    await page.locator('.evidence-sentence').first().waitFor({ timeout: 15_000 });
    await expect(page.locator('#panel-title').textContent()).resolves.toContain(linked.name);
    const sentences = await page.locator('.evidence-sentence blockquote').allTextContents();
    expect(sentences).toContain(linked.sentence);
    const marked = await page.locator('.evidence-sentence mark').evaluateAll((marks) => marks.map((m) => m.getAttribute('data-entity')));
    expect(marked).toContain(actor.id);
    expect(marked).toContain(linked.id);
    await screenshot(page, '04-link-evidence');
  });

  it('lists a link’s typed relations with how each was found, and labels the sentences that state them', async () => {
    // A typed relation drawn in the first view, between two actors that are also linked.
    const top = await getJson('/api/top?limit=40&by=degree');
    const edges = (top.edges as Json[]).map((e) => e.data);
    const fact = edges.find(
      (e) => e.type !== 'LINKED' && edges.some((l) => l.type === 'LINKED' && [l.source, l.target].sort().join() === [e.source, e.target].sort().join()),
    );
    if (!fact) throw new Error('the first view shows no typed relation between linked actors');
    await clickEdge(page, fact.source, fact.target);
    await page.locator('.relation-fact').first().waitFor({ timeout: 15_000 });
    const facts = await page.locator('.relation-fact').allTextContents();
    expect(facts.some((text) => text.includes(fact.type) && /\d+ articles?, (found by the rules|learned)/.test(text))).toBe(true);
    // The sentences that state it carry its type.
    const labels = await page.locator('.evidence-sentence .relation').allTextContents();
    expect(labels.some((label) => label.includes(fact.type))).toBe(true);
    await screenshot(page, '04b-link-relations');
  });

  it('finds the shortest paths between two actors and lists each hop’s sentences', async () => {
    // Two actors that are not neighbours but are connected: a path of two hops or more.
    const top = await getJson('/api/top?limit=40');
    const ids = (top.nodes as Json[]).map((n) => n.data);
    let pair: { from: Json; to: Json; hops: number } | undefined;
    for (const from of ids.slice(0, 8)) {
      for (const to of ids.slice().reverse().slice(0, 12)) {
        if (from.id === to.id) continue;
        const answer = await getJson(`/api/paths?from=${encodeURIComponent(from.id)}&to=${encodeURIComponent(to.id)}&max=4`);
        const hops = answer.paths?.[0]?.length ?? answer.paths?.[0]?.edges?.length ?? 0;
        if (hops >= 2) {
          pair = { from, to, hops };
          break;
        }
      }
      if (pair) break;
    }
    expect(pair, 'two sample actors two or more hops apart').toBeDefined();
    await page.keyboard.press('Escape');
    await page.locator('#cy').focus();
    await page.keyboard.press('g');
    for (const [field, end] of [['#path-from', pair!.from], ['#path-to', pair!.to]] as const) {
      await page.locator(field).fill('');
      await page.locator(field).pressSequentially(end.label, { delay: 10 });
      const option = page.locator(`${field}-suggestions li[data-id="${end.id}"]`);
      await option.waitFor({ timeout: 15_000 });
      await option.click();
    }
    await page.getByRole('button', { name: 'Find paths' }).click();
    await page.locator('.hop').first().waitFor({ timeout: 20_000 });
    const hops = await page.locator('.path-result section').first().locator('.hop').count();
    expect(hops).toBe(pair!.hops);
    const onPath = await page.evaluate(() => (window as any).actorgraph.cy.$('node.path').map((n: any) => n.id()));
    expect(onPath).toEqual(expect.arrayContaining([pair!.from.id, pair!.to.id]));
    expect(await page.locator('.hop .evidence-sentence').count()).toBeGreaterThan(0);
    await screenshot(page, '05-paths');
  });

  it('adds a note to an actor, marks it at once, and shows it again after a reload', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate((id) => {
      const cy = (window as any).actorgraph.cy;
      cy.$(':selected').unselect();
      cy.elements().removeClass('faded path');
      cy.fit(cy.getElementById(id).closedNeighborhood(), 80);
    }, actor.id);
    await clickNode(page, actor.id);
    await expect(panelTitleBecomes(page, actor.name)).resolves.toBe(actor.name);
    const note = `Check ties with ${linked.name} — e2e ${Date.now()}`;
    await page.locator('#note-text-new').fill(note);
    await page.locator('#note-tags-new').fill('e2e, verify');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.locator('.annotation .note-text').filter({ hasText: note }).waitFor({ timeout: 15_000 });
    await expect(page.locator('.annotation .note-text').filter({ hasText: note }).count()).resolves.toBe(1);
    await expect(page.evaluate((id) => (window as any).actorgraph.cy.getElementById(id).data('annotated'), actor.id)).resolves.toBe(true);
    await expect(page.locator('.annotation .byline').first().textContent()).resolves.toMatch(/\d{4}/);

    await page.waitForFunction((id) => location.hash.includes(encodeURIComponent(id)) || location.hash.includes(id), actor.id);
    await page.reload();
    await waitReady(page);
    await page.locator('.annotation .note-text').filter({ hasText: note }).waitFor({ timeout: 20_000 });
    await expect(panelTitleBecomes(page, actor.name)).resolves.toBe(actor.name);
    await expect(page.evaluate((id) => (window as any).actorgraph.cy.getElementById(id).nonempty(), linked.id)).resolves.toBe(true);
    await screenshot(page, '06-note-after-reload');
  });

  it('exports the graph as a real PNG download', async () => {
    await page.locator('#export summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-menu button[data-format="png"]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(file.length).toBeGreaterThan(2_000);
  });

  it('shows a note containing HTML as text, and runs none of it', async () => {
    const hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script><b>bold</b>';
    await page.locator('#note-text-new').fill(hostile);
    await page.getByRole('button', { name: 'Add note' }).click();
    const shown = page.locator('.annotation .note-text').filter({ hasText: '<script>' });
    await shown.waitFor({ timeout: 10_000 });
    await expect(shown.textContent()).resolves.toBe(hostile);
    await expect(page.locator('.annotation img, .annotation b, .annotation script').count()).resolves.toBe(0);
    await page.reload();
    await waitReady(page);
    await page.locator('.annotation .note-text').filter({ hasText: '<script>' }).waitFor({ timeout: 20_000 });
    await expect(page.evaluate(() => (window as any).__xss)).resolves.toBeUndefined();
    await screenshot(page, '07-html-note-as-text');
    expect(pageErrors).toEqual([]);
  });
});
