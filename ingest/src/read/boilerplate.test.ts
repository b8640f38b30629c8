import { describe, expect, it } from 'vitest';
import { isBylineLine, isFurnitureLine, isListLike, isOutletName, squash } from './boilerplate.js';

describe('isFurnitureLine', () => {
  const cases: Array<[string, boolean]> = [
    ['Cover Image', true],
    ['SHARE THIS ARTICLE', true],
    ['Sources:', true],
    ['Photo: Jane Roe / Getty Images', true],
    ['Image courtesy of the ministry', true],
    ['© 2024 Example Media', true],
    ['4 min read', true],
    ['Advertisement', true],
    // False positives to avoid: prose and headings that merely contain such words.
    ['The photo showed the two leaders shaking hands.', false],
    ['Sources close to the talks said nothing was agreed.', false],
    ['Share prices fell in Tokyo', false],
  ];
  it.each(cases)('%j -> %s', (line, expected) => expect(isFurnitureLine(line)).toBe(expected));
});

describe('isBylineLine', () => {
  const cases: Array<[string, boolean]> = [
    ['By Jane Roe', true],
    ['by Jane Roe and Omar Haddad, Reuters', true],
    ['ClashReport Editor', true],
    ['World News Desk', true],
    ['By the end of the week the ceasefire had collapsed.', false],
    ['Bypassing the Senate', false],
    ['The editor resigned after the scandal broke in Seoul last year', false],
  ];
  it.each(cases)('%j -> %s', (line, expected) => expect(isBylineLine(line)).toBe(expected));
});

describe('isOutletName', () => {
  const cases: Array<[string, boolean]> = [
    ['The New York Times', true],
    ['Reuters', true],
    ['Korea Herald', true],
    ['Associated Press', true],
    ['Peace Talks', false],
    ['North Korea', false],
    ['Trump-Kim Talks', false],
    ['Fake news', false],
  ];
  it.each(cases)('%j -> %s', (line, expected) => expect(isOutletName(line)).toBe(expected));
});

describe('isListLike and squash', () => {
  it('tells list items from sentences', () => {
    expect(isListLike('U.S.–South Korea Alliance')).toBe(true);
    expect(isListLike('The talks ended without a deal.')).toBe(false);
    expect(isListLike('Sources:')).toBe(false);
  });
  it('ignores case, spacing and punctuation', () => {
    expect(squash('Clash Report')).toBe(squash('ClashReport'));
  });
});
