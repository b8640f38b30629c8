/** The CoNLL reader and scorer on a tiny hand-written snippet: offsets, the country rule, exact-span counting. */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Mention } from '../../../core/src/model.js';
import { parseConll, readConllFile } from './conll-reader.js';
import { evaluateConllDocuments, formatConllReport, goldSpans, scoreDocument } from './conll.js';

// Two documents; IOB1 tags in the second ("I-ORG" opening an entity) as in the original CoNLL release.
const SNIPPET = `-DOCSTART- -X- -X- O

Marta NNP B-NP B-PER
Oyelaran NNP I-NP I-PER
of IN B-PP O
the DT B-NP O
Baltic NNP I-NP B-ORG
Grain NNP I-NP I-ORG
Board NNP I-NP I-ORG
flew VBD B-VP O
from IN B-PP O
Lisbon NNP B-NP B-LOC
to TO B-PP O
Portugal NNP B-NP B-LOC
. . O O

Kenyan JJ B-NP B-MISC
officials NNS I-NP O
met VBD B-VP O
U.S. NNP B-NP B-LOC
envoys NNS I-NP O
. . O O

-DOCSTART- -X- -X- O

Orchard NNP B-NP I-ORG
Mutual NNP I-NP I-ORG
bought VBD B-VP O
Kessler NNP B-NP I-PER
's POS B-NP O
farm NN I-NP O
. . O O
`;

const docs = parseConll(SNIPPET);

describe('parseConll', () => {
  it('rebuilds text with spaces and newlines and maps gold spans to exact offsets', () => {
    expect(docs).toHaveLength(2);
    const [first, second] = docs;
    expect(first!.text.split('\n')[1]).toBe('Kenyan officials met U.S. envoys .');
    const texts = first!.spans.map((s) => `${s.label}:${first!.text.slice(s.start, s.end)}`);
    expect(texts).toEqual(['PER:Marta Oyelaran', 'ORG:Baltic Grain Board', 'LOC:Lisbon', 'LOC:Portugal', 'MISC:Kenyan', 'LOC:U.S.']);
    // IOB1: a leading I- tag still opens an entity.
    expect(second!.spans.map((s) => `${s.label}:${s.text}`)).toEqual(['ORG:Orchard Mutual', 'PER:Kessler']);
  });

  it('counts only LOC spans that name a country as gold countries', () => {
    const gold = goldSpans(docs[0]!);
    const countries = [...gold.get('Country')!].map((k) => {
      const [s, e] = k.split(':').map(Number);
      return docs[0]!.text.slice(s, e);
    });
    expect(countries.sort()).toEqual(['Portugal', 'U.S.']);
  });
});

describe('scoreDocument', () => {
  const doc = docs[0]!;
  const at = (text: string, type: Mention['type'], extra: Partial<Mention> = {}): Mention => {
    const start = doc.text.indexOf(text);
    return { start, end: start + text.length, text, type, ...extra };
  };

  it('counts exact spans only: a span one word too long is a miss and a false alarm', () => {
    const counts = scoreDocument(doc, [
      at('Marta Oyelaran', 'Person'),
      at('the Baltic Grain Board', 'Organization'),
      at('Portugal', 'Country', { via: 'name', iso2: 'PT' }),
    ]);
    expect(counts.Person).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.Organization).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.Country).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('leaves capitals-as-metonyms and demonyms out of the country score', () => {
    const counts = scoreDocument(doc, [
      at('Lisbon', 'Country', { via: 'capital', iso2: 'PT' }),
      at('Kenyan', 'Country', { via: 'demonym', iso2: 'KE' }),
      at('U.S.', 'Country', { via: 'abbreviation', iso2: 'US' }),
    ]);
    expect(counts.Country).toEqual({ tp: 1, fp: 0, fn: 1 });
  });

  it('scores a wrong type as a false positive of that type', () => {
    const counts = scoreDocument(doc, [at('Marta Oyelaran', 'Organization')]);
    expect(counts.Organization).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(counts.Person).toEqual({ tp: 0, fp: 0, fn: 1 });
  });
});

describe('evaluateConllDocuments', () => {
  it('reports per-type scores for the extractor and compromise, and prints them as a table', () => {
    const report = evaluateConllDocuments('snippet', docs);
    expect(report.documents).toBe(2);
    const person = report.scores.Person;
    expect(person.tp + person.fn).toBe(2);
    expect(person.f1).toBeGreaterThanOrEqual(0);
    expect(person.f1).toBeLessThanOrEqual(1);
    const table = formatConllReport(report);
    expect(table).toMatch(/Person/);
    expect(table).toMatch(/compromise/);
  });
});

const DEV = '../shared/eval/conll2003-dev.txt';
describe.skipIf(!existsSync(DEV))('CoNLL-2003 dev set (skipped when ../shared is absent)', () => {
  it('meets the F1 floors: Person ≥ 0.85, Organization ≥ 0.65, Country ≥ 0.95', { timeout: 120_000 }, () => {
    const report = evaluateConllDocuments(DEV, readConllFile(DEV), { baseline: false });
    expect(report.scores.Person.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.scores.Organization.f1).toBeGreaterThanOrEqual(0.65);
    expect(report.scores.Country.f1).toBeGreaterThanOrEqual(0.95);
  });
});
