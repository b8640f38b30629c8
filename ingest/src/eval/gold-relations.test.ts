// The relation scorer on two sentences of our own in CoNLL04 shape.
import { describe, expect, it } from 'vitest';
import { detokenize, evaluateRelationSentences } from './gold-relations.js';

describe('detokenize', () => {
  it('glues punctuation and clitics so the rules see prose', () => {
    expect(detokenize(['Pia', 'Lund', ',', 'the', 'council', "'s", 'head', ',', 'said', '(', 'again', ')', '.']).text).toBe(
      "Pia Lund, the council's head, said (again).",
    );
  });
});

describe('evaluateRelationSentences', () => {
  it('counts a hit, a miss and a false alarm against Work_For', () => {
    const report = evaluateRelationSentences('own', [
      {
        // Hit: an apposition our rules read.
        tokens: ['Pia', 'Lund', ',', 'a', 'spokeswoman', 'for', 'the', 'Fjord', 'Council', ',', 'said', 'no', '.'],
        entities: [
          { type: 'Peop', start: 0, end: 2 },
          { type: 'Org', start: 7, end: 9 },
        ],
        relations: [{ type: 'Work_For', head: 0, tail: 1 }],
      },
      {
        // Miss (the gold pair), and a false alarm (a pair the gold does not list).
        tokens: ['Ola', 'Berg', 'has', 'long', 'served', 'Harbour', 'Guild', ';', 'Pia', 'Lund', 'joined', 'the', 'Fjord', 'Council', '.'],
        entities: [
          { type: 'Peop', start: 0, end: 2 },
          { type: 'Org', start: 5, end: 7 },
          { type: 'Peop', start: 8, end: 10 },
          { type: 'Org', start: 12, end: 14 },
        ],
        relations: [{ type: 'Work_For', head: 0, tail: 1 }],
      },
    ]);
    expect(report.scores.Work_For).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
  });

  it('scores end to end with the project\'s own entities, matched to the gold spans they overlap', () => {
    const report = evaluateRelationSentences(
      'own',
      [
        {
          tokens: ['Prices', 'will', 'rise', ',', 'said', 'Maria', 'Jensen', ',', 'an', 'analyst', 'with', 'Nordea', 'Bank', '.'],
          entities: [
            { type: 'Peop', start: 5, end: 7 },
            { type: 'Org', start: 11, end: 13 },
          ],
          relations: [{ type: 'Work_For', head: 0, tail: 1 }],
        },
      ],
      { endToEnd: true },
    );
    expect(report.endToEnd?.Work_For).toMatchObject({ tp: 1, fp: 0, fn: 0 });
  });
});
