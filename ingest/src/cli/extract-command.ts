/**
 * `npm run extract -- --jsonl`: JSONL articles on stdin -> one JSONL
 * extraction per input line on stdout, in order, streaming, no database. A bad
 * line still answers, with an `error` that names the line.
 */
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Extraction } from '../../../core/src/model.js';
import { extractArticle } from '../pipeline.js';

const InputRecord = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  title: z.string().optional(),
  published: z.string().optional(),
});

/** The output line, with exactly the fields the contract in DESIGN.md lists, in its order. */
function toLine(id: string | number, x: Extraction): string {
  return JSON.stringify({
    id,
    entities: x.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
    })),
    links: x.links.map((l) => ({ source: l.source, target: l.target, weight: l.weight, evidence: l.evidence })),
    relations: x.relations.map((r) => ({ type: r.type, source: r.source, target: r.target, evidence: r.evidence })),
  });
}

/** One input line -> one output line (never throws). */
export function extractLine(line: string, lineNumber: number): string {
  if (line.trim() === '') return JSON.stringify({ error: `line ${lineNumber}: empty line, expected a JSON record` });
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    return JSON.stringify({ error: `line ${lineNumber}: not JSON (${(error as Error).message})` });
  }
  const record = InputRecord.safeParse(parsed);
  if (!record.success) {
    const id = (parsed as { id?: unknown } | null)?.id;
    const issue = record.error.issues[0]!;
    const where = issue.path.length > 0 ? `"${issue.path.join('.')}"` : 'record';
    const error = `line ${lineNumber}: ${where}: ${issue.message}`;
    return JSON.stringify(typeof id === 'string' || typeof id === 'number' ? { id, error } : { error });
  }
  const { id, text, title } = record.data;
  try {
    return toLine(id, extractArticle({ id: String(id), text, title: title ?? '' }));
  } catch (error) {
    return JSON.stringify({ id, error: `line ${lineNumber}: extraction failed (${(error as Error).message})` });
  }
}

/** Stream `input` to `output`, one line out per line in, honouring back-pressure. */
export async function runExtract(input: Readable, output: Writable): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!output.write(extractLine(line, n) + '\n')) await once(output, 'drain');
  }
  return n;
}

async function main(argv: string[]) {
  if (!argv.includes('--jsonl')) {
    process.stderr.write('usage: npm run extract -- --jsonl < articles.jsonl > extractions.jsonl\n');
    process.exitCode = 2;
    return;
  }
  await runExtract(process.stdin, process.stdout);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`extract: ${(error as Error).message}\n`);
    process.exitCode = 1;
  });
}
