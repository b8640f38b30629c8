import { describe, expect, it } from 'vitest';
import { findLeadingDate, normaliseDate } from './dates.js';

describe('normaliseDate', () => {
  const cases: Array<[unknown, string | undefined]> = [
    ['2025-07-28', '2025-07-28'],
    ['July 28, 2025', '2025-07-28'],
    ['Jul. 28 2025', '2025-07-28'],
    ['28 July 2025', '2025-07-28'],
    ['3rd March 2022', '2022-03-03'],
    ['Monday, July 28, 2025', '2025-07-28'],
    ['Sept 9, 2021', '2021-09-09'],
    ['2025/7/8', '2025-07-08'],
    ['2025-07-28T10:15:00Z', '2025-07-28T10:15:00.000Z'],
    ['2025-07-28T10:15:00+02:00', '2025-07-28T08:15:00.000Z'],
    ['2025-07-28 10:15', '2025-07-28T10:15:00'],
    ['Mon, 28 Jul 2025 10:00:00 GMT', '2025-07-28T10:00:00.000Z'],
    [1753696800, '2025-07-28T10:00:00.000Z'],
    [1753696800000, '2025-07-28T10:00:00.000Z'],
    ['February 30, 2024', undefined],
    ['2025-13-01', undefined],
    ['yesterday', undefined],
    ['', undefined],
    [null, undefined],
    [{}, undefined],
  ];
  it.each(cases)('%j -> %j', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('findLeadingDate', () => {
  const cases: Array<[string, { date: string; rest: string } | undefined]> = [
    ['July 28, 2025Clash Report', { date: '2025-07-28', rest: 'Clash Report' }],
    ['March 3, 2022 | Reuters', { date: '2022-03-03', rest: ' | Reuters' }],
    ['12 June 2018', { date: '2018-06-12', rest: '' }],
    ['May the talks go well', undefined],
    ['The summit on June 12, 2018', undefined],
  ];
  it.each(cases)('%j', (input, expected) => {
    expect(findLeadingDate(input)).toEqual(expected);
  });
});
