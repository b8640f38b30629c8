/**
 * `npm run eval -- FILE...`: precision/recall/F1 per type against answer keys:
 * `*.gold.json` (one article, with missing entities, forbidden strings,
 * fragments, links, relations and metadata), CoNLL04-style relation `.json`
 * (the relation rules alone), GUM dev `.jsonl` (named mentions, actors unified,
 * false merges) or CoNLL-2003 files. Exits 1 when a file cannot
 * be read.
 */
import { pathToFileURL } from 'node:url';
import { evaluateConllFile, formatConllReport } from '../eval/conll.js';
import { evaluateGoldFile } from '../eval/gold-file.js';
import { evaluateGumFile, formatGumReport } from '../eval/gum.js';
import { formatGoldReport } from '../eval/gold-report.js';
import { evaluateRelationFile, formatRelationReport } from '../eval/gold-relations.js';

/** EVAL_DETAILS=1 lists the 40 worst names of each kind, EVAL_DETAILS=all every one, EVAL_DETAILS=N the N worst. */
function detailsWanted(value: string | undefined): number {
  if (!value) return 0;
  if (value === 'all') return Infinity;
  const n = Number(value);
  return n === 1 ? 40 : Number.isInteger(n) && n > 0 ? n : 0;
}

/** Evaluate each file in turn, print its report; resolves to the process exit code. */
export async function runEval(files: string[], out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (files.length === 0) {
    err('usage: npm run eval -- FILE.gold.json|CONLL04.json|GUM.jsonl|CONLL-FILE ...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      if (file.endsWith('.gold.json')) out(formatGoldReport(await evaluateGoldFile(file)));
      else if (file.endsWith('.jsonl')) out(formatGumReport(evaluateGumFile(file), { details: detailsWanted(process.env.EVAL_DETAILS) }));
      else if (file.endsWith('.json')) out(formatRelationReport(evaluateRelationFile(file)));
      else out(formatConllReport(evaluateConllFile(file)));
    } catch (error) {
      failed++;
      err(`eval: ${file}: ${(error as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runEval(
    process.argv.slice(2),
    (t) => process.stdout.write(t + '\n'),
    (t) => process.stderr.write(t + '\n'),
  ).then((code) => {
    process.exitCode = code;
  });
}
