import { describe, expect, it } from 'vitest';
import { mentionModel } from '../stages/02-find-mentions.js';
import { prepareText } from './features.js';

describe('prepareText', () => {
  // Training lists features as strings; inference sums their weights by row. A drift between the two
  // would silently tag with features the model never learned.
  it('scores at inference exactly the features training lists', () => {
    const model = mentionModel();
    const text =
      'SECRETARY OF STATE VISITS SEOUL\nSecretary of State Antony Blinken met Yoon Suk-yeol in Seoul on 3 May. ' +
      'The U.S. envoy said Washington|Seoul ties were "strong", and Blinken left for Tokyo.';
    const listed = prepareText(text, model.casing);
    const scored = prepareText(text, model.casing, { weights: model.weights });
    const k = model.weights.classes;
    expect(scored.lowerWords).toEqual(listed.lowerWords);
    listed.staticFeatures.forEach((features, i) => {
      const expected = new Float64Array(k);
      for (const f of features) {
        const row = model.weights.rowOf(f);
        if (row !== undefined) for (let c = 0; c < k; c++) expected[c]! += model.weights.buffer[row + c]!;
      }
      for (let c = 0; c < k; c++) expect(scored.staticScores![i * k + c]).toBeCloseTo(expected[c]!, 9);
    });
  });
});
