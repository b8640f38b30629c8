/**
 * Sign-in in Debian's Chromium, against a server bound beyond this machine
 * (HOST=0.0.0.0), where nothing is writable anonymously: an analyst made
 * with `npm run analyst` signs in with their token, writes a note that is
 * attributed to them, and signs out. It runs its own server (and embedded
 * Neo4j) beside the loopback one the other browser tests share.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser, type LaunchedBrowser } from './_browser.js';
import { clickNode, panelTitleBecomes, screenshot, waitReady } from './_page.js';
import { ARTIFACTS, runCommand, startServer, type RunningServer } from './_server.js';

describe.skipIf(!chromiumAvailable())(`sign-in in ${CHROMIUM_PATH}`, () => {
  let dataDir: string;
  let server: RunningServer | undefined;
  let browser: LaunchedBrowser | undefined;
  let page: Page;
  let token: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-e2e-signin-'));
    // As an admin would: the account first, with the database to itself.
    const made = runCommand(['server/src/cli/analyst-command.ts', 'add', 'Ada Lovelace', '--role', 'analyst'], dataDir);
    token = made.trim().split('\n').at(-1)!;
    server = await startServer({ host: '0.0.0.0', dataDir, logName: 'server-sign-in.log' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the graph to anyone but asks for a token before any write', async () => {
    await page.goto(server!.baseUrl);
    await waitReady(page);
    await page.locator('form[aria-label="Sign in"]').waitFor({ timeout: 15_000 });
    await expect(page.evaluate(() => (window as any).actorgraph.cy.nodes().length)).resolves.toBeGreaterThan(0);
    const anonymous = await page.evaluate(async () => {
      const response = await fetch('/api/annotations', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ targetKind: 'entity', targetId: 'x', text: 'anonymous' }),
      });
      return response.status;
    });
    expect(anonymous).toBe(401);
  });

  it('refuses an unknown token in words, then signs in with the right one', async () => {
    await page.locator('#token').fill('not-a-real-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'not known' }).textContent()).resolves.toBe('That token is not known.');

    await page.locator('#token').fill(token);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign in' }).click()]);
    await waitReady(page);
    await page.getByText('Signed in as Ada Lovelace').waitFor({ timeout: 15_000 });
    await screenshot(page, '30-signed-in');
  });

  it('attributes a note to the signed-in analyst', async () => {
    const id = await page.evaluate(() => (window as any).actorgraph.cy.nodes().filter((n: any) => n.data('type') !== 'More')[0].id());
    const name = await page.evaluate((nodeId) => (window as any).actorgraph.cy.getElementById(nodeId).data('label'), id);
    await clickNode(page, id);
    await expect(panelTitleBecomes(page, name)).resolves.toBe(name);
    const note = `Signed note ${Date.now()}`;
    await page.locator('#note-text-new').fill(note);
    await page.getByRole('button', { name: 'Add note' }).click();
    const annotation = page.locator('.annotation').filter({ hasText: note });
    await annotation.waitFor({ timeout: 15_000 });
    await expect(annotation.locator('.byline').textContent()).resolves.toMatch(/^Ada Lovelace · /);
  });

  it('signs out, and asks for a token again', async () => {
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Sign out' }).click()]);
    await waitReady(page);
    await page.locator('form[aria-label="Sign in"]').waitFor({ timeout: 15_000 });
  });

  it('never writes a token to its log, the wrong one nor the right one', () => {
    const log = readFileSync(path.join(ARTIFACTS, 'server-sign-in.log'), 'utf8');
    // The log is the server's whole output; it did say something, so an empty file proves nothing here.
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain(token);
    expect(log).not.toContain('not-a-real-token');
  });
});
