/**
 * For the e2e run: builds the explorer, starts the real server
 * (`tsx server/src/index.ts`, embedded Neo4j in a temp DATA_DIR, a free
 * PORT), waits until /api/health says Neo4j is up, and stops it after.
 * Server output goes to test-results/e2e/server.log.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { chromiumAvailable, CHROMIUM_PATH } from '../_browser.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const ARTIFACTS = path.join(ROOT, 'test-results/e2e');

let server: ChildProcess | undefined;
let dataDir: string | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) {
      throw new Error(`e2e: the server exited with code ${server.exitCode}; see ${ARTIFACTS}/server.log`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      const body = (await response.json()) as { neo4j?: { status?: string } };
      if (response.ok && body.neo4j?.status === 'up') return;
      last = JSON.stringify(body);
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`e2e: the server was not healthy after ${timeoutMs} ms (last: ${last}); see ${ARTIFACTS}/server.log`);
}

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

  const port = await freePort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'actorgraph-e2e-'));
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir };
  // The embedded database, never a server the developer may have configured.
  delete env.NEO4J_URI;
  const log = createWriteStream(path.join(ARTIFACTS, 'server.log'));
  server = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['server/src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, 240_000);
  project.provide('baseUrl', baseUrl);
}

export async function teardown(): Promise<void> {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server!.once('exit', resolve));
    server.kill('SIGTERM');
    const timer = setTimeout(() => server?.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
