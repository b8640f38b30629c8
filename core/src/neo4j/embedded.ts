/**
 * Starts and stops the embedded Neo4j: a JVM running neo4j-embedded/'s
 * launcher over the jars `npm install` copied into neo4j-embedded/target/lib.
 * Bolt listens on 127.0.0.1 only; the JVM exits when this process lets go of
 * its stdin, so a crashed parent never leaves a database (or its lock) behind.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DataDirInUseError, DatabaseUnavailableError, SetupError } from '../errors.js';

const EMBEDDED_DIR = fileURLToPath(new URL('../../../neo4j-embedded/', import.meta.url));
const LAUNCHER_JAR = path.join(EMBEDDED_DIR, 'target', 'launcher.jar');
const LIB_DIR = path.join(EMBEDDED_DIR, 'target', 'lib');
/**
 * A class-data-sharing archive of the classes Neo4j loads to open a store and run our Cypher
 * (scripts/create-class-archive.ts makes it at install). A fresh JVM then maps them ready-parsed and verified
 * instead of loading ~16,000 classes one by one: a whole BBC ingest into a freshly started database took
 * 1.6-1.8 s less. A JVM that finds it stale (another JDK, other jars) warns and runs without it; `npm install`
 * makes it anew.
 */
export const CLASS_ARCHIVE = path.join(EMBEDDED_DIR, 'target', 'neo4j-classes.jsa');

export interface EmbeddedOptions {
  /** The store's folder; created when missing. */
  dataDir: string;
  /** Bolt port; 0 picks a free one. */
  port?: number;
  heap?: string;
  pageCacheMb?: number;
  /** How long to wait for Bolt before giving up. */
  startTimeoutMs?: number;
  /** Receives the JVM's own log lines (stderr), e.g. for `npm run db`. */
  onLog?: (line: string) => void;
  /**
   * How long the database will live, which decides how hard the JIT works.
   * `server` (default): the full tiered JIT, for a process that serves queries for hours.
   * `batch`: C1 only, for a command that does one job and exits. Over a whole-corpus ingest the C2
   * compiler used more CPU (29-31 s) than Neo4j's query threads (24 s) and finished too late to pay
   * it back; without it Neo4j used 29-37 s of CPU instead of 58-60 s, its query threads 23-29 s.
   */
  lifetime?: 'server' | 'batch';
  /** Writes the classes this JVM loaded to this file when it exits (scripts/create-class-archive.ts), instead of using CLASS_ARCHIVE. */
  createClassArchive?: string;
  /** How long stop() waits for a clean shutdown before it kills the JVM (default 30 s). */
  stopTimeoutMs?: number;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  dataDir: string;
  /** The JVM's process id: what a crash test kills. */
  pid: number;
  /** Shuts Neo4j down cleanly; resolves when the JVM has exited. */
  stop(): Promise<void>;
}

export async function startEmbeddedNeo4j(options: EmbeddedOptions): Promise<EmbeddedNeo4j> {
  if (!existsSync(LAUNCHER_JAR) || !existsSync(LIB_DIR)) {
    throw new SetupError(
      'core/embedded: the Neo4j jars are missing (neo4j-embedded/target). Run `npm install`, which fetches them with Maven.',
    );
  }
  mkdirSync(options.dataDir, { recursive: true });
  const port = options.port && options.port > 0 ? options.port : await findFreePort();
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const args = [
    '-Xms256m',
    `-Xmx${options.heap ?? '2g'}`,
    '-XX:+ExitOnOutOfMemoryError',
    ...(options.lifetime === 'batch' ? ['-XX:TieredStopAtLevel=1'] : []),
    ...classArchiveOptions(options.createClassArchive),
    // Neo4j 5 on Java 17 reaches into these JDK internals.
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--add-opens=java.base/java.lang=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    ...(process.env.NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
    '-cp',
    [LAUNCHER_JAR, path.join(LIB_DIR, '*')].join(path.delimiter),
    'actorgraph.EmbeddedNeo4j',
    path.resolve(options.dataDir),
    String(port),
    String(options.pageCacheMb ?? 1024),
  ];

  const child = spawn(java, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const recentLog: string[] = [];
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    recentLog.push(line);
    if (recentLog.length > 20) recentLog.shift();
    options.onLog?.(line);
  });

  const uri = await waitForReady(child, exited, recentLog, options.startTimeoutMs ?? 120_000);
  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    dataDir: path.resolve(options.dataDir),
    pid: child.pid!,
    stop() {
      stopping ??= stopJvm(child, exited, options.stopTimeoutMs ?? 30_000);
      return stopping;
    },
  };
}

function waitForReady(
  child: ChildProcessWithoutNullStreams,
  exited: Promise<number | null>,
  recentLog: string[],
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new DatabaseUnavailableError(`core/embedded: Neo4j did not open Bolt within ${timeoutMs / 1000}s`));
    }, timeoutMs);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (line.startsWith('ACTORGRAPH_BOLT_READY ')) {
        clearTimeout(timer);
        resolve(line.slice('ACTORGRAPH_BOLT_READY '.length).trim());
      } else if (line.startsWith('ACTORGRAPH_ERROR ')) {
        clearTimeout(timer);
        const [, code, ...rest] = line.split(' ');
        const message = `core/embedded: ${rest.join(' ')}`;
        reject(code === 'in_use' ? new DataDirInUseError(message) : new DatabaseUnavailableError(message));
      }
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new SetupError('core/embedded: `java` was not found; install Java 17 or newer, or set JAVA_HOME')
          : new DatabaseUnavailableError(`core/embedded: could not start Java: ${error.message}`, { cause: error }),
      );
    });
    void exited.then((code) => {
      clearTimeout(timer);
      // After a READY or ERROR line this rejection is ignored: a promise settles once.
      reject(
        new DatabaseUnavailableError(
          `core/embedded: the Neo4j JVM exited (code ${code}) before Bolt was ready:\n${recentLog.join('\n')}`,
        ),
      );
    });
  });
}

function classArchiveOptions(create: string | undefined): string[] {
  if (create) return [`-XX:ArchiveClassesAtExit=${create}`];
  // -Xshare:auto (the default) runs on without the archive when it does not match this JVM.
  return existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : [];
}

async function stopJvm(child: ChildProcessWithoutNullStreams, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // Closing stdin asks the launcher to shut the store down cleanly.
  child.stdin.end();
  const escalate = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
  const lastResort = setTimeout(() => child.kill('SIGKILL'), timeoutMs * 2);
  await exited;
  clearTimeout(escalate);
  clearTimeout(lastResort);
}

/** A TCP port on loopback that nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
