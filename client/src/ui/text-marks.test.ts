import { describe, expect, it } from 'vitest';
import { findNames, segmentText } from './text-marks.js';

describe('segmentText', () => {
  it('marks spans in order and keeps the text between them', () => {
    const text = 'Ann met Bob in Oslo.';
    const segments = segmentText(text, [
      { start: 8, end: 11, entityId: 'b' },
      { start: 0, end: 3, entityId: 'a' },
    ]);
    expect(segments.map((s) => [s.text, s.mark?.entityId])).toEqual([
      ['Ann', 'a'], [' met ', undefined], ['Bob', 'b'], [' in Oslo.', undefined],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
  });

  it('drops overlapping and out-of-range spans rather than garbling the text', () => {
    const segments = segmentText('abcdef', [{ start: 0, end: 4 }, { start: 2, end: 5 }, { start: 4, end: 99 }]);
    expect(segments.map((s) => s.text)).toEqual(['abcd', 'ef']);
  });
});

describe('findNames', () => {
  it('finds whole-word names and aliases, not parts of words', () => {
    const spans = findNames('Kim spoke; Kimberly did not. Pyongyang agreed.', [
      { entityId: 'p', names: ['Kim'] },
      { entityId: 'c', names: ['North Korea', 'Pyongyang'] },
    ]);
    expect(spans).toEqual([
      { start: 0, end: 3, entityId: 'p', type: undefined },
      { start: 29, end: 38, entityId: 'c', type: undefined },
    ]);
  });
});
