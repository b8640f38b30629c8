/**
 * Text from articles and analysts is shown as text, in Debian's Chromium: an
 * article whose headline is HTML, ingested with `npm run ingest`, and an
 * actor an analyst renamed to HTML show literally in the side panel, the
 * search suggestions and the article view, and run none of it. It runs its
 * own server (and embedded Neo4j), so the shared graph keeps its names.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from './_browser.js';
import { clickNode, panelTitleBecomes, screenshot, waitReady } from './_page.js';
import { runCommand, startServer, type RunningServer } from './_server.js';

const HOSTILE_TITLE = 'Talks <img src=x onerror="window.__xss=1"> in Berlin';
const HOSTILE_NAME = 'Olaf <script>window.__xss=2</script><b onmouseover="window.__xss=3">Scholz</b>';

describe.skipIf(!chromiumAvailable())(`hostile text in ${CHROMIUM_PATH}`, () => {
  let scratch: string;
  let server: RunningServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page;
  let actorId: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    scratch = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-e2e-hostile-'));
    const dataDir = path.join(scratch, 'data');
    const input = path.join(scratch, 'talks.jsonl');
    const text = 'Olaf Scholz met Emmanuel Macron in Berlin on Friday. Scholz said Germany would send more aid to Ukraine.';
    writeFileSync(input, `${JSON.stringify({ id: 'talks', title: HOSTILE_TITLE, text })}\n`);
    // As an analyst would: the article first, with the database to itself.
    runCommand(['ingest/src/cli/ingest-command.ts', input], dataDir);
    server = await startServer({ dataDir, logName: 'server-hostile-text.log' });

    // An analyst renames the actor (a loopback server lets the local user write).
    const { results } = (await (await fetch(`${server.baseUrl}/api/search?q=Scholz`)).json()) as { results: Array<{ id: string; name: string }> };
    const scholz = results.find((hit) => hit.name === 'Olaf Scholz');
    if (!scholz) throw new Error(`the article gave no "Olaf Scholz": ${JSON.stringify(results)}`);
    actorId = scholz.id;
    const renamed = await fetch(`${server.baseUrl}/api/entities/${encodeURIComponent(actorId)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: HOSTILE_NAME }),
    });
    if (!renamed.ok) throw new Error(`rename failed: ${renamed.status} ${await renamed.text()}`);

    browser = await launchBrowser();
    page = await browser.context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('shows an HTML actor name and headline as text, and runs none of it', async () => {
    await page.goto(server!.baseUrl);
    await waitReady(page);

    await clickNode(page, actorId);
    expect(await panelTitleBecomes(page, HOSTILE_NAME)).toBe(HOSTILE_NAME);
    const headline = page.locator('#panel ul.articles button.link').first();
    await expect(headline.textContent()).resolves.toBe(HOSTILE_TITLE);

    await page.locator('#search').fill('Olaf');
    const suggestion = page.locator(`#search-suggestions li[data-id="${actorId}"]`);
    await suggestion.waitFor({ timeout: 10_000 });
    await expect(suggestion.textContent()).resolves.toContain(HOSTILE_NAME);
    await page.locator('#search').fill('');

    await headline.click();
    expect(await panelTitleBecomes(page, HOSTILE_TITLE)).toBe(HOSTILE_TITLE);
    await screenshot(page, 'hostile-text-as-text');

    // Nothing the strings hold became an element, and nothing ran.
    const injected = await page.evaluate(
      () => document.querySelectorAll('img[src="x"], [onerror], [onmouseover], #panel script, #search-suggestions script, #panel b').length,
    );
    expect(injected).toBe(0);
    await expect(page.evaluate(() => (window as any).__xss)).resolves.toBeUndefined();
    expect(pageErrors).toEqual([]);
  });
});
