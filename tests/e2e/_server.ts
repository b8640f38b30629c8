/**
 * Starts the real server for browser tests (`tsx server/src/index.ts` with an
 * embedded Neo4j in its own DATA_DIR on a free port), waits until
 * /api/health says Neo4j is up, and stops it. Its output goes to a log file
 * in test-results/e2e/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../core/src/neo4j/embedded.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-results/e2e');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

export interface RunningServer {
  baseUrl: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  /** Interface to bind: loopback, or 0.0.0.0 to play a server reachable from elsewhere (sign-in required). */
  host?: string;
  /** An existing DATA_DIR (kept); a fresh temporary one, removed on stop, otherwise. */
  dataDir?: string;
  /** File name of the server's log in test-results/e2e/. */
  logName?: string;
  healthTimeoutMs?: number;
}

/** The environment of a process that uses the embedded database in `dataDir`, never a Neo4j the developer configured. */
export function embeddedEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ...extra };
  delete env.NEO4J_URI;
  return env;
}

/**
 * Runs one of the project's commands (a tsx entry point, e.g. `ingest/src/cli/ingest-command.ts`) to its end on
 * the embedded database in `dataDir`, as a user would before starting the server; its standard output.
 */
export function runCommand(args: string[], dataDir: string): string {
  const run = spawnSync(TSX, args, { cwd: ROOT, env: embeddedEnv(dataDir), encoding: 'utf8', timeout: 240_000 });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
  return run.stdout;
}

async function waitForHealth(server: ChildProcess, baseUrl: string, timeoutMs: number, log: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`e2e: the server exited with code ${server.exitCode}; see ${log}`);
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
  throw new Error(`e2e: the server was not healthy after ${timeoutMs} ms (last: ${last}); see ${log}`);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { host = '127.0.0.1', logName = 'server.log', healthTimeoutMs = 240_000 } = options;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'actorgraph-e2e-'));
  const port = await findFreePort();
  const logPath = path.join(ARTIFACTS, logName);
  const log = createWriteStream(logPath);
  const server = spawn(TSX, ['server/src/index.ts'], { cwd: ROOT, env: embeddedEnv(dataDir, { PORT: String(port), HOST: host }), stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout!.pipe(log);
  server.stderr!.pipe(log);

  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(timer);
    }
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  // The browser always talks to this machine, whatever interface the server binds.
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(server, baseUrl, healthTimeoutMs, logPath);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, stop };
}
