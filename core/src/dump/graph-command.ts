/**
 * `npm run graph -- export [--out FILE]` writes the whole graph as a canonical dump (stdout without --out);
 * `npm run graph -- import FILE` loads one into an empty database. Both use the same database settings as
 * `npm start`: the embedded Neo4j in DATA_DIR, or NEO4J_URI. Export, point NEO4J_URI at a server, import:
 * that is how a graph moves off the embedded default.
 */
import { SingleBar, Presets } from 'cli-progress';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { resolveNeo4jConfig } from '../config.js';
import { AppError, ValidationError } from '../errors.js';
import { openGraph } from '../neo4j/connect.js';
import { exportGraph, importGraph, type DumpProgress, type DumpSummary } from './dump-file.js';

const USAGE = `Usage:
  npm run graph -- export [--out FILE]   write the whole graph as JSONL (to stdout without --out)
  npm run graph -- import FILE           load a dump into an empty database

  --without-run-times   (export) leave out when each article and file was ingested
                        (Article.ingestedAt, SourceFile.storedAt), to compare two graphs:
                        two ingests of the same inputs then give the same file

The database is the embedded one in DATA_DIR, or NEO4J_URI when set (stop
npm start first when it is embedded: one process owns its folder).`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'without-run-times': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 1;
  }
  if (command !== 'export' && command !== 'import') throw new ValidationError(`unknown command "${command}"\n${USAGE}`);
  if (command === 'export' && rest.length > 0) throw new ValidationError(`export takes no FILE; use --out FILE\n${USAGE}`);
  if (command === 'import' && (rest.length !== 1 || values.out !== undefined || values['without-run-times'])) {
    throw new ValidationError(`import takes exactly one FILE\n${USAGE}`);
  }

  const config = resolveNeo4jConfig();
  console.error(config.uri ? `Connecting to Neo4j at ${config.uri} …` : `Starting embedded Neo4j in ${config.dataDir} …`);
  const graph = await openGraph(config, { lifetime: 'batch' });
  const progress = createProgressReporter(command === 'export' ? 'Exporting' : 'Importing');
  try {
    if (command === 'import') {
      const summary = await importGraph(graph, rest[0]!, { onProgress: progress.update });
      progress.stop();
      printSummary(`Imported ${rest[0]} into ${graph.uri}.`, summary);
      return 0;
    }
    const out = values.out;
    // A file appears whole or not at all: written beside, renamed at the end.
    const partial = out ? `${out}.partial` : undefined;
    const stream = partial ? createWriteStream(partial) : process.stdout;
    try {
      const summary = await exportGraph(graph, stream, { onProgress: progress.update, withoutRunTimes: values['without-run-times'] });
      if (partial) {
        stream.end();
        await finished(stream);
        await rename(partial, out!);
      } else {
        // Everything written reaches the pipe before the process exits.
        await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
      }
      progress.stop();
      printSummary(`Exported ${graph.uri} to ${out ?? 'stdout'}.`, summary);
      return 0;
    } catch (error) {
      if (partial) {
        stream.destroy();
        await rm(partial, { force: true });
      }
      throw error;
    }
  } finally {
    progress.stop();
    await graph.close();
  }
}

/** A bar on a terminal; elsewhere a plain line every five seconds. Always on stderr: stdout may carry the dump. */
function createProgressReporter(verb: string) {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: `${verb} [{bar}] {value}/{total} nodes and relationships | ETA {eta_formatted}`, stream: process.stderr },
      Presets.shades_classic,
    );
    let running = false;
    return {
      update({ done, total }: DumpProgress) {
        if (!running) {
          bar.start(total, done);
          running = true;
        } else bar.update(done);
      },
      stop: () => {
        if (running) bar.stop();
        running = false;
      },
    };
  }
  let lastLine = Date.now();
  return {
    update({ done, total }: DumpProgress) {
      if (Date.now() - lastLine < 5000) return;
      lastLine = Date.now();
      console.error(`graph: ${verb.toLowerCase()} ${done}/${total} nodes and relationships`);
    },
    stop: () => {},
  };
}

function printSummary(title: string, summary: DumpSummary): void {
  const width = Math.max(...[...Object.keys(summary.labels), ...Object.keys(summary.types)].map((k) => k.length + 2), 'relationships'.length);
  const row = (name: string, value: string | number) => `  ${name.padEnd(width)}  ${value}`;
  const lines = [title, row('nodes', summary.nodes)];
  for (const [label, count] of Object.entries(summary.labels)) lines.push(row(`  ${label}`, count));
  lines.push(row('relationships', summary.relationships));
  for (const [type, count] of Object.entries(summary.types)) lines.push(row(`  ${type}`, count));
  lines.push(row('elapsed', `${(summary.elapsedMs / 1000).toFixed(1)} s`));
  console.error(lines.join('\n'));
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AppError ? `Error: ${error.message}` : error);
    process.exit(1);
  },
);
