/**
 * `npm run bench [-- NAME... --corpus PATH]`: every benchmark, each printed
 * next to a baseline measured in the same run, since these machines are noisy.
 * NAME is one of extraction, ingest, top-actors, reliability, soak, api, client, scale (default: all). The corpus
 * defaults to ../shared/corpus/bbc-news-2005.jsonl beside the checkout. `--articles N` sizes
 * the scale benchmark (default 200,000).
 */
import { parseArgs } from 'node:util';
import { corpusAvailable, DEFAULT_CORPUS } from './corpus.js';

interface BenchArgs {
  articles?: number;
}

interface Benchmark {
  needsCorpus: boolean;
  run(corpus: string, args: BenchArgs): Promise<string>;
}

const BENCHMARKS: Record<string, Benchmark> = {
  extraction: {
    needsCorpus: true,
    async run(corpus) {
      const { benchExtraction } = await import('./extraction.js');
      const r = await benchExtraction(corpus);
      return [
        `extraction: ${r.articles} articles on one thread, interleaved with raw compromise`,
        `  ours            ${r.oursPerSecond.toFixed(1)} articles/s`,
        `  raw compromise  ${r.compromisePerSecond.toFixed(1)} articles/s`,
        `  cost ratio      ${r.ratio.toFixed(2)}x ours/compromise per article (target <= 1.25)`,
      ].join('\n');
    },
  },
  ingest: {
    needsCorpus: true,
    async run(corpus) {
      const { benchIngest, formatIngestBench } = await import('./ingest.js');
      return formatIngestBench(await benchIngest(corpus));
    },
  },
  'top-actors': {
    needsCorpus: true,
    async run(corpus) {
      const { benchTopActors, formatTopActors } = await import('./top-actors.js');
      return formatTopActors(await benchTopActors(corpus));
    },
  },
  reliability: {
    needsCorpus: true,
    async run(corpus) {
      const { benchReliability, formatReliability } = await import('./reliability.js');
      return formatReliability(await benchReliability(corpus, (line) => console.error(line)));
    },
  },
  soak: {
    needsCorpus: true,
    async run(corpus) {
      const { benchSoak, formatSoak } = await import('./soak.js');
      return formatSoak(await benchSoak(corpus, (line) => console.error(line)));
    },
  },
  api: {
    needsCorpus: false,
    async run() {
      const { benchApi, formatApiBench } = await import('./api.js');
      return formatApiBench(await benchApi());
    },
  },
  client: {
    needsCorpus: false,
    async run() {
      const { benchClient } = await import('./client.js');
      const r = await benchClient({ log: () => {} });
      if (r.skipped) return `client: skipped — ${r.skipped}`;
      return [
        `client: ${r.nodes} nodes / ${r.edges} edges in headless Chromium (${r.renderer} renderer)`,
        `  first render      ${r.firstRenderMs.toFixed(0)} ms (target <= 2000)`,
        `  settled layout    ${r.settledLayoutMs.toFixed(0)} ms`,
        `  pan frames (drag) p50 ${r.dragPan.p50} ms, p95 ${r.dragPan.p95} ms (target <= 33)`,
        `  pan frames (redraw every frame) p50 ${r.programmaticPan.p50} ms, p95 ${r.programmaticPan.p95} ms`,
      ].join('\n');
    },
  },
  scale: {
    needsCorpus: false,
    async run(_corpus, args) {
      const { benchScale, formatScaleBench } = await import('./scale.js');
      // Progress on stderr: a full run takes most of half an hour.
      return formatScaleBench(await benchScale({ articles: args.articles, log: (line) => console.error(line) }));
    },
  },
};

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { corpus: { type: 'string', default: DEFAULT_CORPUS }, articles: { type: 'string' } },
  });
  const articles = values.articles === undefined ? undefined : Number(values.articles);
  if (articles !== undefined && !(Number.isInteger(articles) && articles > 0)) {
    console.error(`bench: --articles wants a positive whole number, not "${values.articles}".`);
    return 2;
  }
  const names = positionals.length > 0 ? positionals : Object.keys(BENCHMARKS);
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Choose from ${Object.keys(BENCHMARKS).join(', ')}.`);
    return 2;
  }
  for (const name of names) {
    const benchmark = BENCHMARKS[name];
    if (benchmark.needsCorpus && !corpusAvailable(values.corpus)) {
      console.log(`${name}: skipped — no corpus at ${values.corpus} (pass --corpus PATH)`);
      continue;
    }
    const started = Date.now();
    console.log(await benchmark.run(values.corpus, { articles }));
    console.log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
