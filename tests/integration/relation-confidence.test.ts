// Issue #13: a typed relation keeps, in the graph, the sentences that state it and how it was found — by the
// rules, or by the learned classifier with its confidence — and the link evidence hands both to the explorer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../core/src/neo4j/connect.js';
import { getLinkEvidence } from '../../core/src/queries/evidence.js';
import { writeArticles } from '../../core/src/queries/ingest.js';
import { article, entity, extraction, sentenceOf } from '../_setup/extraction-fixtures.js';
import { openTestGraph } from '../_setup/test-graph.js';

const PIA = 'person:pia-lund';
const ACME = 'org:acme-bank';
const OLA = 'person:ola-berg';

function item(id: string, text: string, relations: Array<{ type: 'WORKS_FOR' | 'LEADS'; source: string; fragment: string; confidence?: number }>) {
  const people = [[PIA, 'Pia Lund'], [OLA, 'Ola Berg']].filter(([, name]) => text.includes(name!));
  const entities = [...people.map(([pid, name]) => entity(text, pid!, 'Person', name!)), entity(text, ACME, 'Organization', 'Acme Bank')];
  const x = extraction(id, entities, people.map(([pid, name]) => [pid!, ACME, 1, [sentenceOf(text, name!)]]));
  x.relations = relations.map((r) => ({
    type: r.type,
    source: r.source,
    target: ACME,
    evidence: sentenceOf(text, r.fragment),
    ...(r.confidence === undefined ? {} : { confidence: r.confidence }),
  }));
  return { article: article(id, text, '2024-05-01'), extraction: x };
}

describe('how a typed relation was found', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await openTestGraph();
    await writeArticles(graph, [
      // Only the classifier read these two, with different confidence.
      item('https://conf.example/1', 'Prices will rise, said Pia Lund. She has spent ten years at Acme Bank.', [
        { type: 'WORKS_FOR', source: PIA, fragment: 'She has spent', confidence: 0.862 },
      ]),
      item('https://conf.example/2', 'Pia Lund of Acme Bank disagreed.', [{ type: 'WORKS_FOR', source: PIA, fragment: 'disagreed', confidence: 0.93 }]),
      // A rule read this one.
      item('https://conf.example/3', 'Ola Berg, who heads Acme Bank, spoke.', [{ type: 'LEADS', source: OLA, fragment: 'who heads' }]),
    ]);
  });
  afterAll(() => graph.close());

  it('gives the classifier’s best confidence, and each sentence that states the relation', async () => {
    const evidence = await getLinkEvidence(graph, PIA, ACME, { offset: 0, limit: 20 });
    expect(evidence.relations).toEqual([
      {
        type: 'WORKS_FOR',
        source: PIA,
        target: ACME,
        articles: 2,
        foundBy: 'classifier',
        confidence: 0.93,
        sentences: expect.arrayContaining([expect.stringMatching(/^https:\/\/conf\.example\/1#\d+$/), 'https://conf.example/2#0']),
      },
    ]);
    expect(evidence.relations[0]!.sentences).toHaveLength(2);
    // The ids name sentences the evidence lists.
    const listed = new Set(evidence.sentences.items.map((s) => s.id));
    expect(evidence.relations[0]!.sentences.every((id) => listed.has(id))).toBe(true);
  });

  it('says a rule found a relation, with no confidence', async () => {
    const evidence = await getLinkEvidence(graph, OLA, ACME, { offset: 0, limit: 20 });
    expect(evidence.relations).toEqual([
      { type: 'LEADS', source: OLA, target: ACME, articles: 1, foundBy: 'rules', sentences: ['https://conf.example/3#0'] },
    ]);
  });
});
