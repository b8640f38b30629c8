// The sample article against its answer key in ../shared: the "done when", end to end.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateGoldFile, type GoldEvaluation } from './gold-file.js';

const goldPath = fileURLToPath(new URL('../../../../shared/eval/north-korea-rejects-peace-offer.gold.json', import.meta.url));
const shared = existsSync(goldPath);

describe.skipIf(!shared)('gold evaluation of the sample article (skipped when ../shared/eval is absent)', () => {
  let evaluation: GoldEvaluation;
  beforeAll(async () => {
    evaluation = await evaluateGoldFile(goldPath);
  }, 60_000);

  it('has nothing forbidden, no actor split, every link, 6 of 8 relations the right way round, and the metadata', () => {
    const r = evaluation.report;
    expect(r.forbidden).toEqual([]);
    expect(r.fragmented).toEqual([]);
    expect(r.unexpected).toEqual([]);
    expect(r.links.missing).toEqual([]);
    expect(r.relations.found).toBeGreaterThanOrEqual(6);
    expect(r.relations.reversed).toEqual([]);
    expect(r.metadata.filter((m) => !m.ok)).toEqual([]);
  });

  it('finds every required actor as one node with all its spellings', () => {
    expect(evaluation.report.missing).toEqual([]);
  });
});
