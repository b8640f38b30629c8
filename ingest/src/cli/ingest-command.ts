/**
 * `npm run ingest -- PATH...`: files, folders, globs or `-` for stdin into
 * the graph. A progress bar on a terminal (a log line every few seconds
 * otherwise), a summary at the end, exit code 1 when any input failed.
 */
import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { neo4jOnThisMachine, resolveNeo4jConfig } from '../../../core/src/config.js';
import { AppError, ValidationError } from '../../../core/src/errors.js';
import { openGraph, type Graph } from '../../../core/src/neo4j/connect.js';
import { ingestPaths, type IngestProgress, type IngestSummary } from '../ingest-paths.js';
import { createDefaultExtractPool, defaultWorkerCount } from '../workers/extract-pool.js';

const USAGE = `Usage: npm run ingest -- [options] PATH...

PATH is a file, a folder (read recursively), a quoted glob, or - for stdin.
Formats: .txt .md .html .json .jsonl, RSS/Atom (.xml .rss .atom).

Options:
  --source NAME     source name for articles that do not say theirs
  --date YYYY-MM-DD publication date for articles that do not say theirs
  --format EXT      format of stdin (default jsonl)
  --workers N       extraction threads (default: one per core, ${defaultWorkerCount()} here;
                    one fewer when Neo4j runs on this machine, plus a spare one
                    at the lowest priority for the CPU time its writer leaves)
  --batch N         articles per write transaction, at most (default 200; the first ones are smaller)
  --dry-run         extract and report; write nothing (no database needed)
  --json            print the summary as JSON on stdout (for scripts)
  -h, --help        this text`;

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      source: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string' },
      workers: { type: 'string' },
      batch: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || positionals.length === 0) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date)) {
    throw new ValidationError(`--date must look like 2025-07-28 (got "${values.date}")`);
  }
  const workers = wholeNumber('--workers', values.workers);
  const batchSize = wholeNumber('--batch', values.batch);

  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    console.error('\nStopping after the batch in flight (Ctrl-C again to quit at once) …');
    controller.abort();
  });

  const config = resolveNeo4jConfig();
  const dryRun = values['dry-run'];
  // The workers load the NLP (a second or two) while Neo4j opens, instead of after; ingestPaths closes them.
  // A re-ingest with nothing new uses none, and pays only their start-up beside its own.
  const pool = createDefaultExtractPool({ workers, databaseOnThisMachine: !dryRun && neo4jOnThisMachine(config) });
  pool.warm();
  let graph: Graph | undefined;
  if (!dryRun) {
    console.error(config.uri ? `Connecting to Neo4j at ${config.uri} …` : `Starting embedded Neo4j in ${config.dataDir} …`);
    try {
      // An ingest runs once and exits: its own embedded database gets the batch JIT.
      graph = await openGraph(config, { lifetime: 'batch' });
    } catch (error) {
      await pool.close();
      throw error;
    }
  }
  const progress = createProgressReporter();
  try {
    const summary = await ingestPaths(graph, positionals, {
      defaultSource: values.source,
      defaultPublished: values.date,
      stdinFormat: values.format,
      stdin: readStdin,
      batchSize,
      dryRun,
      pool,
      signal: controller.signal,
      onProgress: progress.update,
    });
    progress.stop();
    const peakMemoryMb = process.resourceUsage().maxRSS / 1024;
    if (values.json) console.log(JSON.stringify({ ...summary, peakMemoryMb }));
    else printSummary(summary, dryRun, peakMemoryMb);
    return summary.failed > 0 || summary.stoppedBecause ? 1 : 0;
  } finally {
    progress.stop();
    await graph?.close();
  }
}

function wholeNumber(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new ValidationError(`${flag} takes a whole number (got "${value}")`);
  return number;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A bar on a terminal; elsewhere (CI, pipes) a plain line every five seconds. */
function createProgressReporter() {
  const started = Date.now();
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: 'Ingesting [{bar}] {value}/{total} articles | {rate}/s | ETA {eta_formatted}', stream: process.stderr },
      Presets.shades_classic,
    );
    let running = false;
    return {
      update({ done, total }: IngestProgress) {
        const rate = (done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(1);
        if (!running) {
          bar.start(total, done, { rate });
          running = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { rate });
        }
      },
      stop: () => running && bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update({ done, total }: IngestProgress) {
      if (Date.now() - lastLine < 5000 && done < total) return;
      lastLine = Date.now();
      const seconds = (Date.now() - started) / 1000;
      console.error(`ingest: ${done}/${total} articles, ${(done / Math.max(seconds, 0.001)).toFixed(1)}/s`);
    },
    stop: () => {},
  };
}

/** Problems printed for one file; the JSON summary has every one. */
const FAILURES_SHOWN_PER_FILE = 5;

function printSummary(summary: IngestSummary, dryRun: boolean, peakMemoryMb: number): void {
  const lines = [
    dryRun ? 'Dry run: nothing was written.' : 'Ingest finished.',
    `  files           ${summary.files}${summary.filesUnchanged ? ` (${summary.filesUnchanged} unchanged since stored, not re-read)` : ''}`,
    `  new articles    ${summary.new}`,
    `  updated         ${summary.updated}`,
    `  unchanged       ${summary.unchanged}`,
    `  duplicates      ${summary.duplicates}`,
    `  failed          ${summary.failed}`,
  ];
  if (!dryRun) lines.push(`  entities added  ${summary.entitiesAdded}`, `  links added     ${summary.linksAdded}`);
  if (summary.actorsMerged.length > 0) {
    // Automatic merges are ordinary, undoable merges: say which, so an analyst can check them.
    const shown = summary.actorsMerged.slice(0, 5).join(', ');
    const more = summary.actorsMerged.length > 5 ? `, … (${summary.actorsMerged.length - 5} more in the history)` : '';
    lines.push(`  actors merged   ${summary.actorsMerged.length} in ${(summary.reconcileMs / 1000).toFixed(1)} s: ${shown}${more}`);
  }
  lines.push(`  elapsed         ${(summary.elapsedMs / 1000).toFixed(1)} s`, `  peak memory     ${peakMemoryMb.toFixed(0)} MB`);
  console.log(lines.join('\n'));
  // A few per file: a feed of 100,000 empty items must not bury the rest of the report (--json lists them all).
  const shownPerFile = new Map<string, number>();
  for (const failure of summary.failures) {
    const shown = shownPerFile.get(failure.path) ?? 0;
    shownPerFile.set(failure.path, shown + 1);
    if (shown < FAILURES_SHOWN_PER_FILE) console.error(`  ✗ ${failure.path}${failure.line ? `:${failure.line}` : ''}: ${failure.message}`);
  }
  for (const [path, count] of shownPerFile) {
    if (count > FAILURES_SHOWN_PER_FILE) console.error(`  ✗ ${path}: … and ${count - FAILURES_SHOWN_PER_FILE} more problems in this file`);
  }
  if (summary.stoppedBecause) console.error(`Stopped early: ${summary.stoppedBecause}.`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
