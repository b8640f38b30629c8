/**
 * For the e2e run: builds the explorer, starts the real server on loopback
 * with an embedded Neo4j in a temp DATA_DIR (tests/e2e/_server.ts), hands its
 * URL to the tests and stops it after. Server output goes to
 * test-results/e2e/server.log.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, CHROMIUM_PATH } from '../_browser.js';
import { ARTIFACTS, ROOT, startServer, type RunningServer } from '../_server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (!chromiumAvailable()) {
    // The tests skip themselves with this reason; no server is needed.
    console.warn(`e2e: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium); browser tests are skipped`);
    project.provide('baseUrl', '');
    return;
  }
  const build = spawnSync(path.join(ROOT, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`e2e: vite build failed:\n${build.stderr}`);
  server = await startServer();
  project.provide('baseUrl', server.baseUrl);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}
