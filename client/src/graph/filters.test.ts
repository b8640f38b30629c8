import { describe, expect, it } from 'vitest';
import { overlapsRange } from './filters.js';

describe('overlapsRange', () => {
  it.each([
    ['2025-01-01', '2025-03-01', '2025-02-01', '2025-02-28', true],
    ['2025-01-01', '2025-01-31', '2025-02-01', undefined, false],
    ['2025-05-01', '2025-06-01', undefined, '2025-04-30', false],
    [undefined, undefined, '2025-01-01', '2025-01-02', true],
    ['2025-01-10T08:00:00Z', '2025-01-10T09:00:00Z', '2025-01-10', '2025-01-10', true],
  ])('%s..%s against %s..%s → %s', (first, last, from, to, expected) => {
    expect(overlapsRange(first, last, from, to)).toBe(expected);
  });
});
