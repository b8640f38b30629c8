/**
 * Extraction throughput next to raw compromise: both over the same corpus
 * texts, one thread, one process, interleaved article by article (and
 * alternating which goes first) so a noisy shared machine slows both alike.
 * `tsx bench/extraction.ts [corpusPath] [limit]` prints one line.
 */
import { pathToFileURL } from 'node:url';
import { extractArticle } from '../ingest/src/pipeline.js';
import { DEFAULT_CORPUS, readCorpus } from './corpus.js';
import { rawCompromise } from './raw-compromise.js';

export interface ExtractionBench {
  articles: number;
  oursPerSecond: number;
  compromisePerSecond: number;
  /** Per-article cost of our extraction over raw compromise's (target <= 1.25). */
  ratio: number;
}

const WARM_UP = 30;

export async function benchExtraction(corpusPath: string = DEFAULT_CORPUS, options: { limit?: number } = {}): Promise<ExtractionBench> {
  const articles = readCorpus(corpusPath, options.limit ?? Infinity);
  // Warm-up: JIT, the tagger model's first load, compromise's lexicon.
  for (const a of articles.slice(0, WARM_UP)) {
    rawCompromise(a.text);
    extractArticle({ id: a.id, title: a.title, text: a.text });
  }
  let ours = 0;
  let theirs = 0;
  let sink = 0;
  articles.forEach((a, i) => {
    const runOurs = () => {
      const t = performance.now();
      sink += extractArticle({ id: a.id, title: a.title, text: a.text }).entities.length;
      ours += performance.now() - t;
    };
    const runTheirs = () => {
      const t = performance.now();
      sink += rawCompromise(a.text);
      theirs += performance.now() - t;
    };
    if (i % 2 === 0) {
      runOurs();
      runTheirs();
    } else {
      runTheirs();
      runOurs();
    }
  });
  if (sink < 0) console.log(sink); // keep the work observable
  const n = articles.length;
  return { articles: n, oursPerSecond: (n * 1000) / ours, compromisePerSecond: (n * 1000) / theirs, ratio: ours / theirs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [corpus, limit] = process.argv.slice(2);
  benchExtraction(corpus || DEFAULT_CORPUS, limit ? { limit: Number(limit) } : {}).then((r) => {
    console.log(
      `extraction: ${r.articles} articles, ours ${r.oursPerSecond.toFixed(1)}/s, raw compromise ${r.compromisePerSecond.toFixed(1)}/s, ` +
        `cost ratio ours/compromise ${r.ratio.toFixed(2)} (target <= 1.25)`,
    );
  });
}
