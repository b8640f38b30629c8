// The GUM scorer's rules on a document small enough to count by hand.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../core/src/model.js';
import { namedPart, scoreGum, type GumDocument } from './gum.js';

describe('namedPart', () => {
  it('takes names, drops "the", possessives and pronouns', () => {
    expect(namedPart('the Bernoulli family')).toBeUndefined();
    expect(namedPart('He')).toBeUndefined();
    expect(namedPart("Bernoulli's")).toEqual({ start: 0, end: 9 });
    expect(namedPart('the Bank of England')).toEqual({ start: 4, end: 19 });
  });
});

describe('scoreGum', () => {
  // "Ann Lee met Bo Park. Lee thanked France." Chains: 1 Ann Lee, 2 Bo Park, 3 France (a country by its wiki id).
  const text = 'Ann Lee met Bo Park. Lee thanked France.';
  const doc: GumDocument = {
    id: 'd',
    text,
    mentions: [
      { start: 0, end: 7, type: 'person', chain: 1, wiki: null },
      { start: 12, end: 19, type: 'person', chain: 2, wiki: null },
      { start: 21, end: 24, type: 'person', chain: 1, wiki: null },
      { start: 33, end: 39, type: 'place', chain: 3, wiki: 'France' },
    ],
  };
  const countries = new Set(['France']);
  const mention = (start: number, end: number) => ({ start, end, text: text.slice(start, end) });

  it('counts recall over names, precision over predictions, chains unified and merged', () => {
    const extraction: Extraction = {
      id: 'd',
      links: [],
      relations: [],
      entities: [
        // Ann Lee and Bo Park wrongly on one node; "Lee" right; France typed an organisation.
        { id: 'person:x', type: 'Person', name: 'Ann Lee', aliases: [], mentions: [mention(0, 7), mention(12, 19), mention(21, 24)] },
        { id: 'org:france', type: 'Organization', name: 'France', aliases: [], mentions: [mention(33, 39)] },
      ],
    };
    const report = scoreGum('t', [doc], [extraction], countries);
    expect(report.scores.Person).toMatchObject({ precision: 1, recall: 1 });
    expect(report.scores.Country.recall).toBe(0);
    expect(report.scores.Organization.precision).toBe(0);
    expect(report.chains).toEqual({ multi: 1, unified: 1 });
    expect(report.falseMerges).toBe(1);
  });

  it('counts a name inside a listed group for its own actor, not as a merge with the group', () => {
    // "Ann Lee and Bo Park": GUM marks the pair as a chain of its own, besides each member.
    const pair = 'Ann Lee and Bo Park came. Lee spoke.';
    const groupDoc: GumDocument = {
      id: 'g',
      text: pair,
      mentions: [
        { start: 0, end: 19, type: 'person', chain: 9, wiki: null },
        { start: 0, end: 7, type: 'person', chain: 1, wiki: null },
        { start: 12, end: 19, type: 'person', chain: 2, wiki: null },
        { start: 26, end: 29, type: 'person', chain: 1, wiki: null },
      ],
    };
    const at = (start: number, end: number) => ({ start, end, text: pair.slice(start, end) });
    const extraction: Extraction = {
      id: 'g',
      links: [],
      relations: [],
      entities: [
        { id: 'person:ann-lee', type: 'Person', name: 'Ann Lee', aliases: [], mentions: [at(0, 7), at(26, 29)] },
        { id: 'person:bo-park', type: 'Person', name: 'Bo Park', aliases: [], mentions: [at(12, 19)] },
      ],
    };
    const report = scoreGum('t', [groupDoc], [extraction], countries);
    expect(report.falseMerges).toBe(0);
    expect(report.chains).toEqual({ multi: 1, unified: 1 });
  });
});
