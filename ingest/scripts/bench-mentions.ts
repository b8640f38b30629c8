/** Times the mention stage against raw compromise on the same articles: `tsx ingest/scripts/bench-mentions.ts [corpus.jsonl] [--n 500]`. */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import { findMentions, mentionModel } from '../src/stages/02-find-mentions.js';

function rawCompromise(text: string): number {
  const doc = nlp(text);
  return doc.people().json({ offset: true }).length + doc.organizations().json({ offset: true }).length + doc.places().json({ offset: true }).length;
}

function main(): void {
  const { values, positionals } = parseArgs({ options: { n: { type: 'string' } }, allowPositionals: true });
  const path = positionals[0] ?? '../shared/corpus/bbc-news-2005.jsonl';
  const n = Number(values.n ?? 500);
  const texts = readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, n)
    .map((line) => {
      const r = JSON.parse(line) as { title?: string; body?: string };
      return `${r.title ?? ''}\n\n${r.body ?? ''}`;
    });

  const t0 = performance.now();
  mentionModel();
  const loadMs = performance.now() - t0;
  // Warm both paths up so that neither pays for the JIT alone.
  for (const t of texts.slice(0, 20)) {
    rawCompromise(t);
    findMentions(t);
  }
  // Interleave the two per article, alternating which goes first, so that load from other processes and
  // garbage collection left behind by the other side hit both alike.
  let raw = 0;
  let ours = 0;
  texts.forEach((t, i) => {
    const runRaw = (): void => {
      const a = performance.now();
      rawCompromise(t);
      raw += performance.now() - a;
    };
    const runOurs = (): void => {
      const a = performance.now();
      findMentions(t);
      ours += performance.now() - a;
    };
    if (i % 2) {
      runRaw();
      runOurs();
    } else {
      runOurs();
      runRaw();
    }
  });
  console.log(`model load: ${loadMs.toFixed(0)} ms`);
  console.log(`${texts.length} articles: raw compromise ${raw.toFixed(0)} ms (${((texts.length / raw) * 1000).toFixed(1)}/s), ` +
    `findMentions ${ours.toFixed(0)} ms (${((texts.length / ours) * 1000).toFixed(1)}/s), ratio ${(ours / raw).toFixed(3)}`);
}

main();
